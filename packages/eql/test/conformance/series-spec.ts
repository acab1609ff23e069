/**
 * Reader for Elasticsearch's `sequences.series-spec`: abstract sequence-matcher cases.
 *
 * A case is its name, one line per stage listing that stage's events (`A1` is an event named
 * A at timestamp 1, `k|A1` the same under join key `k`), `;`, the expected matches one per
 * line (events by name, a key prefix allowed), and `;`. `//` starts a comment.
 */

export interface SpecEvent {
  /** The token without its key, e.g. `A1`; unique within a case. */
  readonly name: string;
  readonly stage: number;
  readonly ts: number;
  /** Join key, `''` when the token has none. */
  readonly key: string;
}

export interface SeriesSpecCase {
  readonly name: string;
  /** 1-based line of the case name, for messages. */
  readonly line: number;
  readonly stageCount: number;
  readonly events: readonly SpecEvent[];
  /** Expected matches, each the event names in stage order. */
  readonly expected: readonly (readonly string[])[];
}

const TOKEN = /^(?:([^|\s]+)\|)?([A-Za-z]+)(\d+)$/;

function parseToken(token: string, stage: number, where: string): SpecEvent {
  const m = TOKEN.exec(token);
  if (!m) throw new Error(`${where}: cannot read event token ${JSON.stringify(token)}`);
  return { name: `${m[2]}${m[3]}`, stage, ts: Number(m[3]), key: m[1] ?? '' };
}

function stripKey(token: string): string {
  const bar = token.indexOf('|');
  return bar < 0 ? token : token.slice(bar + 1);
}

export function parseSeriesSpec(text: string): SeriesSpecCase[] {
  const lines = text
    .split(/\r?\n/)
    .map((raw, i) => ({ text: raw.replace(/\/\/.*$/, '').trim(), line: i + 1 }));
  const cases: SeriesSpecCase[] = [];
  let i = 0;
  const next = (): { text: string; line: number } | undefined => {
    while (i < lines.length && (lines[i] as { text: string }).text === '') i++;
    return lines[i++];
  };
  for (;;) {
    const head = next();
    if (head === undefined) break;
    const name = head.text;
    const stageLines: string[][] = [];
    for (let l = next(); ; l = next()) {
      if (l === undefined) throw new Error(`${name}: unterminated stages`);
      if (l.text === ';') break;
      stageLines.push(l.text.split(/\s+/));
    }
    const expected: string[][] = [];
    for (let l = next(); ; l = next()) {
      if (l === undefined) throw new Error(`${name}: unterminated results`);
      if (l.text === ';') break;
      expected.push(l.text.split(/\s+/).map(stripKey));
    }
    const events = stageLines.flatMap((tokens, stage) =>
      tokens.map((token) => parseToken(token, stage, `${name} (line ${head.line})`)),
    );
    cases.push({ name, line: head.line, stageCount: stageLines.length, events, expected });
  }
  return cases;
}
