/**
 * Hover content for the token under the cursor: field docs (ECS + corpus values), function
 * signatures, keyword meanings, event categories. Pure: returns Markdown and the range.
 */

import { KEYWORDS, lex, lookupFunction, type Token } from '@rulebench/eql';
import type { FieldValues } from './api/get-field-values.js';
import { fieldDocumentation, functionDocumentation } from './completion.js';
import { pathEndingAt } from './cursor-context.js';
import type { FieldCatalog } from './field-catalog.js';

export interface HoverInfo {
  readonly markdown: string;
  readonly range: { readonly start: number; readonly end: number };
  /** Set when the hover is about a field: the provider adds its values in the corpus. */
  readonly field?: string;
}

const countFormat = new Intl.NumberFormat('en-US');

/** "Top values in this corpus": each value with the number of events holding it. */
export function topValuesMarkdown(values: FieldValues, shown = 8): string {
  if (values.values.length === 0) return '';
  const list = values.values
    .slice(0, shown)
    .map(
      (v) =>
        `\`${typeof v.value === 'string' ? JSON.stringify(v.value) : String(v.value)}\` ${countFormat.format(v.count)}`,
    )
    .join(' · ');
  const more = values.distinct > shown ? ` · … ${countFormat.format(values.distinct - shown)} more` : '';
  return `Top values in this corpus (events): ${list}${more}`;
}

const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  any: '`any where …` matches events of every category.',
  where: 'Introduces the condition an event must meet.',
  and: 'True when both sides are true (null if either is null and neither is false).',
  or: 'True when either side is true (null if either is null and neither is true).',
  not: 'Negates a condition (`not null` is null).',
  in: '`field in (a, b)`: equal to one of the values (case-sensitive; `in~` ignores case).',
  like: '`field like "a*"`: wildcard match, `*` any run, `?` one character (`like~` ignores case).',
  regex: '`field regex "a.*"`: Lucene regular expression, anchored at both ends (`regex~` ignores case).',
  sequence: 'Events matching each `[term]` in order, optionally joined `by` keys, within `maxspan`.',
  sample: 'Events matching every `[term]` in any order, sharing the join keys.',
  by: 'Join keys: the events of a sequence or sample must share these values.',
  with: '`with maxspan=…` limits a sequence in time; `with runs=N` repeats a term.',
  maxspan: 'The longest time a whole sequence may span, e.g. `5m`.',
  until: 'An event matching this term ends the pending sequences it joins.',
  true: 'Boolean true.',
  false: 'Boolean false.',
  null: 'No value. Comparisons with null are null, not true.',
  of: 'Reserved by EQL.',
  join: 'Reserved by EQL (not supported by Elasticsearch).',
};

function tokenAt(tokens: readonly Token[], offset: number): number {
  return tokens.findIndex((t) => t.kind !== 'EOF' && t.start <= offset && offset < t.end);
}

/** Index of the last token of the dotted path that contains token `index`. */
function pathEnd(tokens: readonly Token[], index: number): number {
  let end = index;
  for (;;) {
    const dot = tokens[end + 1];
    const next = tokens[end + 2];
    const current = tokens[end];
    if (dot?.kind !== '.' || current === undefined || dot.start !== current.end) return end;
    if (next === undefined || next.start !== dot.end) return end;
    if (next.kind !== 'Identifier' && next.kind !== 'QuotedIdentifier') return end;
    end += 2;
  }
}

export function hoverAt(text: string, offset: number, catalog: FieldCatalog): HoverInfo | null {
  let tokens: readonly Token[];
  try {
    tokens = lex(text, { maxTokens: 20_000 }).tokens;
  } catch {
    return null;
  }
  const index = tokenAt(tokens, offset);
  const token = tokens[index];
  if (token === undefined || (token.kind !== 'Identifier' && token.kind !== 'QuotedIdentifier')) return null;
  const range = { start: token.start, end: token.end };

  const next = tokens[index + 1];
  if (token.kind === 'Identifier' && next?.kind === '(') {
    const fn = lookupFunction(token.value);
    return {
      markdown: fn ? functionDocumentation(fn) : `Unknown function \`${token.value}\`.`,
      range,
    };
  }

  const previous = tokens[index - 1];
  const isPathStart = previous?.kind !== '.' || previous.end !== token.start;
  if (token.kind === 'Identifier' && KEYWORDS.has(token.value) && isPathStart) {
    const doc = KEYWORD_DOCS[token.value];
    return doc
      ? { markdown: `**${token.value}${token.tilde ? '~' : ''}** · keyword\n\n${doc}`, range }
      : null;
  }

  const last = pathEnd(tokens, index);
  const path = pathEndingAt(tokens, last);
  if (path === null) return null;
  const first = tokens[path.first];
  const end = tokens[last]?.end ?? token.end;
  const start =
    first?.kind === '?' ? (tokens[path.first + 1]?.start ?? token.start) : (first?.start ?? token.start);
  const before = tokens[path.first - 1];
  const isCategory =
    last === path.first && (before === undefined || before.kind === '[' || before.kind === '![');
  if (isCategory) {
    const seen = catalog.get('event.category')?.corpus?.examples.includes(path.path);
    return {
      markdown: `**${path.path}** · event category\n\nEvents whose \`event.category\` is \`${path.path}\`.${
        seen ? '' : '\n\n_Not seen in this corpus._'
      }`,
      range: { start, end },
    };
  }
  const doc = catalog.get(path.path);
  return {
    markdown: doc
      ? fieldDocumentation(doc)
      : `**${path.path}**\n\n_Not an ECS field, and not present in this corpus._`,
    range: { start, end },
    ...(doc?.corpus ? { field: path.path } : {}),
  };
}
