/**
 * The README's examples are the package's first documentation, so they must not rot: this runs
 * every ```ts block of README.md, in order, as one module (the blocks continue from each other,
 * as the README says), and compares what each block logs with the ```text block right after it
 * (a block without one must log nothing). Output is formatted as `console.log` formats it for a
 * pipe (`util.format`), so a reader running a block sees exactly what the README shows.
 *
 * `UPDATE_README=1 pnpm exec vitest run packages/eql/src/readme-examples.test.ts` rewrites the
 * ```text blocks from the current output, for when an example or the engine changes on purpose.
 */

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_FAILURES } from '../test/conformance/known-failures.js';
import { FUNCTIONS } from './functions/catalog.js';
import * as eql from './index.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const INDEX = fileURLToPath(new URL('./index.ts', import.meta.url));

interface Fence {
  readonly lang: string;
  readonly body: string;
  /** Offsets of the whole fence (backticks included) in the README. */
  readonly start: number;
  readonly end: number;
  /** 1-based line of the opening fence, to name the example in test output. */
  readonly line: number;
}

interface Example {
  readonly code: Fence;
  /** The ```text block right after the code, when there is one. */
  readonly output: Fence | undefined;
}

function fences(text: string): Fence[] {
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
    lang: m[1] ?? '',
    body: m[2] ?? '',
    start: m.index,
    end: m.index + m[0].length,
    line: text.slice(0, m.index).split('\n').length,
  }));
}

function examples(text: string): Example[] {
  const all = fences(text);
  return all.flatMap((fence, i) => {
    if (fence.lang !== 'ts') return [];
    const next = all[i + 1];
    // Only a text block with nothing but blank lines between it and the code is its output.
    const adjacent = next?.lang === 'text' && text.slice(fence.end, next.start).trim() === '';
    return [{ code: fence, output: adjacent ? next : undefined }];
  });
}

const IMPORT = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';[ \t]*$/gm;

interface Program {
  readonly source: string;
  readonly valueNames: readonly string[];
}

/** One module whose `run` executes every block in order, calling `mark(i)` before block i. */
function program(list: readonly Example[]): Program {
  const names = new Set<string>();
  const bodies = list.map(({ code }, index) => {
    const body = code.body.replace(
      IMPORT,
      (_line, typeOnly: string | undefined, specifiers: string, from) => {
        if (from !== '@rulebench/eql') throw new Error(`README line ${code.line}: import from ${from}`);
        if (typeOnly === undefined)
          for (const raw of specifiers.split(',')) {
            const name = raw.trim();
            if (name !== '' && !name.startsWith('type ')) names.add(name);
          }
        return '';
      },
    );
    if (/^\s*import\s/m.test(body))
      throw new Error(`README line ${code.line}: an import this test cannot read`);
    return `mark(${index});\n${body}`;
  });
  const valueNames = [...names].sort();
  const source = [
    `import * as eql from ${JSON.stringify(INDEX)};`,
    'export function run(console: { log(...args: unknown[]): void }, mark: (index: number) => void): void {',
    `const { ${valueNames.join(', ')} } = eql;`,
    ...bodies,
    '}',
  ].join('\n');
  return { source, valueNames };
}

const text = readFileSync(README, 'utf8');
const list = examples(text);
const outputs: string[][] = list.map(() => []);
let dir: string | undefined;
let imported: readonly string[] = [];

beforeAll(async () => {
  const { source, valueNames } = program(list);
  imported = valueNames;
  dir = mkdtempSync(join(tmpdir(), 'eql-readme-'));
  const file = join(dir, 'readme-examples.ts');
  writeFileSync(file, source);
  const module = (await import(pathToFileURL(file).href)) as {
    run(console: { log(...args: unknown[]): void }, mark: (index: number) => void): void;
  };
  let current = 0;
  module.run({ log: (...args: unknown[]) => outputs[current]?.push(format(...args)) }, (index) => {
    current = index;
  });
  if (process.env.UPDATE_README === '1') updateReadme();
});

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** Rewrites each ```text output block from what its example logged (see the header). */
function updateReadme(): void {
  let updated = text;
  for (let i = list.length - 1; i >= 0; i--) {
    const output = list[i]?.output;
    if (output === undefined) continue;
    const body = outputs[i]?.join('\n') ?? '';
    const fence = `\`\`\`text\n${body === '' ? '' : `${body}\n`}\`\`\``;
    updated = updated.slice(0, output.start) + fence + updated.slice(output.end);
  }
  writeFileSync(README, updated);
}

describe('README examples', () => {
  it('has examples, and imports only names the package exports', () => {
    expect(list.length).toBeGreaterThan(5);
    expect(imported.filter((name) => !(name in eql))).toEqual([]);
  });

  it.each(list.map((example, index) => ({ example, index, line: example.code.line })))(
    'the example at README line $line logs what the README shows',
    ({ example, index }) => {
      expect(outputs[index]?.join('\n')).toBe((example.output?.body ?? '').replace(/\n$/, ''));
    },
  );

  it('counts what the prose counts', () => {
    // "the 16 functions", "7 cases" of `between`, plus the one date-nanos case.
    expect(Object.keys(FUNCTIONS)).toHaveLength(16);
    const between = Object.keys(KNOWN_FAILURES).filter((key) => key.includes(':between('));
    expect(between).toHaveLength(7);
    expect(Object.keys(KNOWN_FAILURES)).toHaveLength(8);
  });
});
