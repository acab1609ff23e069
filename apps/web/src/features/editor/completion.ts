// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Monaco snippets write placeholders as ${1:text}.

/**
 * Completion items for a cursor context: pure data, turned into Monaco suggestions by the
 * provider. Offers only what is valid where the cursor is (see `cursor-context.ts`).
 */

import { FUNCTIONS, type FunctionSignature } from '@rulebench/eql';
import type { FieldValueCount } from './api/get-field-values.js';
import type { CursorInfo } from './cursor-context.js';
import { type FieldCatalog, type FieldDoc, fieldTypeLabel } from './field-catalog.js';

export type CompletionItemKind =
  | 'keyword'
  | 'field'
  | 'function'
  | 'category'
  | 'value'
  | 'operator'
  | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly insertText: string;
  /** `insertText` uses snippet placeholders (`$0`, `${1:x}`). */
  readonly snippet?: boolean;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  /** Open suggestions again after inserting (e.g. a field group like `process.`). */
  readonly retrigger?: boolean;
}

/** ECS `event.category` values, used when the catalogue has not loaded yet. */
const FALLBACK_CATEGORIES = [
  'api',
  'authentication',
  'configuration',
  'database',
  'driver',
  'email',
  'file',
  'host',
  'iam',
  'intrusion_detection',
  'library',
  'malware',
  'network',
  'package',
  'process',
  'registry',
  'session',
  'threat',
  'vulnerability',
  'web',
];

const OPERATORS: readonly (readonly [label: string, insert: string, detail: string])[] = [
  ['==', '== ', 'equals (case-sensitive)'],
  ['!=', '!= ', 'not equal (case-sensitive)'],
  [':', ': ', 'matches, case-insensitive; * and ? are wildcards; accepts a list'],
  ['in', 'in ($0)', 'one of a list (case-sensitive)'],
  ['in~', 'in~ ($0)', 'one of a list (case-insensitive)'],
  ['not in', 'not in ($0)', 'none of a list'],
  ['like', 'like ', 'wildcard match (case-sensitive)'],
  ['like~', 'like~ ', 'wildcard match (case-insensitive)'],
  ['regex', 'regex ', 'Lucene regular expression, anchored (case-sensitive)'],
  ['regex~', 'regex~ ', 'Lucene regular expression, anchored (case-insensitive)'],
  ['<', '< ', 'less than'],
  ['<=', '<= ', 'less than or equal'],
  ['>', '> ', 'greater than'],
  ['>=', '>= ', 'greater than or equal'],
];

function keyword(
  label: string,
  detail: string,
  insertText = `${label} `,
  order = 0,
  snippet = false,
): CompletionItem {
  return {
    label,
    kind: 'keyword',
    insertText,
    detail,
    sortText: `${order}${label}`,
    ...(snippet ? { snippet } : {}),
  };
}

/** A string literal for `value`, escaped for a normal double-quoted EQL string. */
export function quoteEql(value: string): string {
  return `"${escapeEql(value)}"`;
}

export function escapeEql(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

export function fieldDocumentation(doc: FieldDoc): string {
  const lines = [`**${doc.name}** · \`${fieldTypeLabel(doc)}\``];
  if (doc.description) lines.push('', doc.description);
  if (doc.example) lines.push('', `Example: \`${doc.example}\``);
  if (doc.corpus) {
    const examples = doc.corpus.examples.slice(0, 5).map((v) => `\`${String(v)}\``);
    const count = `In this corpus: ${doc.corpus.count} event${doc.corpus.count === 1 ? '' : 's'}`;
    lines.push('', examples.length > 0 ? `${count}, e.g. ${examples.join(', ')}` : count);
  } else if (doc.ecsType) {
    lines.push('', '_Not present in this corpus._');
  }
  return lines.join('\n');
}

export function functionDocumentation(fn: FunctionSignature): string {
  const lines = [`\`${fn.signature}\` → \`${fn.returns}\``, '', fn.doc];
  if (fn.caseInsensitive) lines.push('', `\`${fn.name}~(…)\` compares case-insensitively.`);
  return lines.join('\n');
}

function fieldItems(prefix: string, catalog: FieldCatalog): CompletionItem[] {
  const dot = prefix.lastIndexOf('.');
  const parent = dot === -1 ? '' : prefix.slice(0, dot + 1);
  const items: CompletionItem[] = [];
  const groups = new Map<string, number>();
  for (const doc of catalog.values()) {
    if (!doc.name.startsWith(parent)) continue;
    const inCorpus = doc.corpus !== undefined;
    // Without a dot typed, ECS fields are offered by group (`process.`) to keep the list short;
    // fields of the corpus are always offered whole.
    if (parent === '' && !inCorpus && doc.name.includes('.')) {
      const group = doc.name.slice(0, doc.name.indexOf('.') + 1);
      groups.set(group, (groups.get(group) ?? 0) + 1);
      continue;
    }
    items.push({
      label: doc.name,
      kind: 'field',
      insertText: doc.name,
      detail: fieldTypeLabel(doc) + (inCorpus ? ` · ${doc.corpus?.count} in corpus` : ' · ECS'),
      documentation: fieldDocumentation(doc),
      sortText: `${inCorpus ? 0 : 1}${doc.name}`,
    });
  }
  for (const [group, count] of groups) {
    if (items.some((i) => i.label === group)) continue;
    items.push({
      label: group,
      kind: 'field',
      insertText: group,
      detail: `${count} ECS fields`,
      sortText: `2${group}`,
      retrigger: true,
    });
  }
  return items;
}

function functionItems(): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const fn of FUNCTIONS) {
    const documentation = functionDocumentation(fn);
    items.push({
      label: fn.name,
      kind: 'function',
      insertText: `${fn.name}($0)`,
      snippet: true,
      detail: fn.signature,
      documentation,
      sortText: `3${fn.name}`,
    });
    if (fn.caseInsensitive) {
      items.push({
        label: `${fn.name}~`,
        kind: 'function',
        insertText: `${fn.name}~($0)`,
        snippet: true,
        detail: `${fn.signature}, case-insensitive`,
        documentation,
        sortText: `3${fn.name}~`,
      });
    }
  }
  return items;
}

/** Event categories: the corpus's own first, then ECS's. */
export function categoryNames(catalog: FieldCatalog): string[] {
  const doc = catalog.get('event.category');
  const seen = (doc?.corpus?.examples ?? []).filter((v): v is string => typeof v === 'string');
  const ecs = doc?.allowedValues ?? FALLBACK_CATEGORIES;
  return [...new Set([...seen, ...ecs])];
}

function categoryItems(catalog: FieldCatalog, thenWhere: boolean): CompletionItem[] {
  const inCorpus = new Set(
    (catalog.get('event.category')?.corpus?.examples ?? []).filter((v): v is string => typeof v === 'string'),
  );
  const items = categoryNames(catalog).map((name) => ({
    label: name,
    kind: 'category' as const,
    insertText: thenWhere ? `${name} where ` : name,
    detail: inCorpus.has(name) ? 'event category · in corpus' : 'event category (ECS)',
    sortText: `${inCorpus.has(name) ? 1 : 2}${name}`,
  }));
  items.unshift({
    label: 'any',
    kind: 'category',
    insertText: thenWhere ? 'any where ' : 'any',
    detail: 'events of every category',
    sortText: '0any',
  });
  return items;
}

const countFormat = new Intl.NumberFormat('en-US');

/** `seen`: the field's most frequent values in the corpus with their counts, when known. */
function valueItems(
  info: CursorInfo,
  catalog: FieldCatalog,
  seen?: readonly FieldValueCount[],
): CompletionItem[] {
  const doc = info.field === null ? undefined : catalog.get(info.field);
  const values = new Map<string, { value: unknown; source: string }>();
  for (const { value, count } of seen ?? [])
    if (!values.has(String(value)))
      values.set(String(value), {
        value,
        source: `${countFormat.format(count)} event${count === 1 ? '' : 's'}`,
      });
  for (const v of doc?.corpus?.examples ?? [])
    if (!values.has(String(v))) values.set(String(v), { value: v, source: 'seen in corpus' });
  for (const v of doc?.allowedValues ?? [])
    if (!values.has(v)) values.set(v, { value: v, source: 'ECS allowed value' });
  if (info.field === 'event.category') {
    for (const v of categoryNames(catalog))
      if (!values.has(v)) values.set(v, { value: v, source: 'event category' });
  }
  let order = 0;
  return [...values.values()].map(({ value, source }) => {
    const text = String(value);
    const isString = typeof value === 'string';
    let insertText = text;
    if (info.inString) insertText = escapeEql(text);
    else if (isString) insertText = quoteEql(text);
    order += 1;
    return {
      label: text,
      kind: 'value' as const,
      insertText,
      detail: `${info.field ?? 'value'} · ${source}`,
      sortText: String(order).padStart(4, '0'),
    };
  });
}

function operatorItems(): CompletionItem[] {
  const items = OPERATORS.map(([label, insert, detail], i) => ({
    label,
    kind: 'operator' as const,
    insertText: insert,
    snippet: insert.includes('$'),
    detail,
    sortText: `0${String(i).padStart(2, '0')}`,
  }));
  return [
    ...items,
    keyword('and', 'both conditions', 'and ', 1),
    keyword('or', 'either condition', 'or ', 1),
  ];
}

function afterOperandItems(info: CursorInfo): CompletionItem[] {
  const items = [keyword('and', 'both conditions'), keyword('or', 'either condition')];
  if (info.afterTerm) {
    items.push(
      keyword('by', 'join keys of this term', 'by '),
      keyword('with runs', 'repeat this term N times', 'with runs=${1:2}', 0, true),
      keyword('until', 'expire pending sequences on this event', 'until [${1:process} where $0]', 1, true),
      {
        label: '[',
        kind: 'snippet',
        insertText: '[${1:process} where $0]',
        snippet: true,
        detail: 'next term',
        sortText: '1[',
      },
    );
  }
  items.push(
    keyword('| head', 'keep the first N results', '| head ${1:10}', 2, true),
    keyword('| tail', 'keep the last N results', '| tail ${1:10}', 2, true),
  );
  return items;
}

/** `values`: for a `value` context, the field's top values in the corpus (from the server). */
export function completionItems(
  info: CursorInfo,
  catalog: FieldCatalog,
  values?: readonly FieldValueCount[],
): CompletionItem[] {
  switch (info.kind) {
    case 'none':
      return [];
    case 'query-start':
      return [
        ...categoryItems(catalog, true),
        keyword(
          'sequence',
          'ordered events',
          'sequence by ${1:host.id} with maxspan=${2:5m}\n  [${3:process} where $0]',
          0,
          true,
        ),
        keyword(
          'sample',
          'unordered events sharing join keys',
          'sample by ${1:host.id}\n  [${2:process} where $0]',
          0,
          true,
        ),
      ];
    case 'category':
      return categoryItems(catalog, true);
    case 'after-category':
      return [keyword('where', 'the condition events must meet')];
    case 'sequence-header':
      return [
        keyword('by', 'join keys shared by every term'),
        keyword('with maxspan', 'time limit for the whole sequence', 'with maxspan=${1:5m}', 0, true),
        {
          label: '[',
          kind: 'snippet',
          insertText: '[${1:process} where $0]',
          snippet: true,
          detail: 'first term',
          sortText: '1[',
        },
      ];
    case 'expression':
      return [
        ...fieldItems(info.prefix, catalog),
        ...(info.prefix.includes('.') ? [] : functionItems()),
        ...(info.prefix.includes('.')
          ? []
          : [
              keyword('not', 'negation', 'not ', 4),
              keyword('true', 'boolean', 'true', 4),
              keyword('false', 'boolean', 'false', 4),
              keyword('null', 'no value', 'null', 4),
            ]),
      ];
    case 'operator':
      return operatorItems();
    case 'after-operand':
      return afterOperandItems(info);
    case 'value':
      return valueItems(info, catalog, values);
    case 'pipe':
      return [
        keyword('head', 'keep the first N results', 'head ${1:10}', 0, true),
        keyword('tail', 'keep the last N results', 'tail ${1:10}', 0, true),
      ];
  }
}
