/**
 * Completion, hover, signature help and formatting for one editor. Monaco registers providers
 * per language, so each one checks that it is asked about this editor's model and the set is
 * disposed with the editor.
 */

import { lookupFunction, parameterAt } from '@rulebench/eql';
import type * as Monaco from 'monaco-editor/editor';
import type { FieldValues } from './api/get-field-values.js';
import { type CompletionItemKind, completionItems } from './completion.js';
import { cursorContext } from './cursor-context.js';
import { EQL_LANGUAGE_ID } from './eql-language.js';
import type { FieldCatalog } from './field-catalog.js';
import { formatQuery } from './format-query.js';
import { hoverAt, topValuesMarkdown } from './hover.js';

/** Completion waits this long for a field's counts, then shows what it already knows. */
const VALUES_WAIT_MS = 400;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

type MonacoApi = typeof Monaco;

/** Space pops suggestions only where a list is helpful, not after every finished operand. */
const QUIET_ON_SPACE = new Set(['none', 'after-operand']);

function toRange(
  model: Monaco.editor.ITextModel,
  monaco: MonacoApi,
  start: number,
  end: number,
): Monaco.IRange {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
}

function itemKind(monaco: MonacoApi, kind: CompletionItemKind): Monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (kind) {
    case 'keyword':
      return K.Keyword;
    case 'field':
      return K.Field;
    case 'function':
      return K.Function;
    case 'category':
      return K.Enum;
    case 'value':
      return K.Value;
    case 'operator':
      return K.Operator;
    case 'snippet':
      return K.Snippet;
  }
}

export interface EqlProviderOptions {
  readonly getCatalog: () => FieldCatalog;
  /** The field's top values in the current corpus with counts (undefined: no corpus). */
  readonly getValues?: (field: string) => Promise<FieldValues | undefined>;
  /** Told why Format Document left the text alone. */
  readonly onFormatRefused?: (reason: string) => void;
}

export function registerEqlProviders(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  options: EqlProviderOptions,
): Monaco.IDisposable {
  const ours = (m: Monaco.editor.ITextModel) => m.uri.toString() === model.uri.toString();
  const disposables: Monaco.IDisposable[] = [];

  disposables.push(
    monaco.languages.registerCompletionItemProvider(EQL_LANGUAGE_ID, {
      triggerCharacters: ['.', ' ', '(', '"', ',', '[', '|', ':', '?'],
      provideCompletionItems(m, position, context) {
        if (!ours(m)) return undefined;
        const text = m.getValue();
        const info = cursorContext(text, m.getOffsetAt(position));
        const bySpace =
          context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter &&
          context.triggerCharacter === ' ';
        if (bySpace && QUIET_ON_SPACE.has(info.kind)) return { suggestions: [] };
        // A quote that closes a string finishes the operand: a list popping up there would make
        // the next Enter insert `and` instead of a new line. Only an opening quote suggests values.
        const byQuote =
          context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter &&
          context.triggerCharacter === '"';
        if (byQuote && !info.inString) return { suggestions: [] };
        const range = toRange(m, monaco, info.replace.start, info.replace.end);
        const build = (values?: FieldValues) => ({
          suggestions: completionItems(info, options.getCatalog(), values?.values).map(
            (item): Monaco.languages.CompletionItem => ({
              label: item.label,
              kind: itemKind(monaco, item.kind),
              insertText: item.insertText,
              range,
              sortText: item.sortText,
              ...(item.detail ? { detail: item.detail } : {}),
              ...(item.documentation ? { documentation: { value: item.documentation } } : {}),
              ...(item.snippet
                ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
                : {}),
              ...(item.retrigger
                ? { command: { id: 'editor.action.triggerSuggest', title: 'Suggest' } }
                : {}),
            }),
          ),
        });
        if (info.kind === 'value' && info.field !== null && options.getValues)
          return within(options.getValues(info.field), VALUES_WAIT_MS).then(build);
        return build();
      },
    }),
  );

  disposables.push(
    monaco.languages.registerHoverProvider(EQL_LANGUAGE_ID, {
      provideHover(m, position) {
        if (!ours(m)) return undefined;
        const hover = hoverAt(m.getValue(), m.getOffsetAt(position), options.getCatalog());
        if (!hover) return undefined;
        const range = toRange(m, monaco, hover.range.start, hover.range.end);
        const plain = { range, contents: [{ value: hover.markdown }] };
        if (hover.field === undefined || !options.getValues) return plain;
        return within(options.getValues(hover.field), VALUES_WAIT_MS).then((values) => {
          const top = values ? topValuesMarkdown(values) : '';
          return top === '' ? plain : { range, contents: [{ value: hover.markdown }, { value: top }] };
        });
      },
    }),
  );

  disposables.push(
    monaco.languages.registerSignatureHelpProvider(EQL_LANGUAGE_ID, {
      signatureHelpTriggerCharacters: ['(', ','],
      signatureHelpRetriggerCharacters: [','],
      provideSignatureHelp(m, position) {
        if (!ours(m)) return undefined;
        const call = cursorContext(m.getValue(), m.getOffsetAt(position)).call;
        const fn = call ? lookupFunction(call.name) : undefined;
        if (!call || !fn) return undefined;
        const active = parameterAt(fn, call.argIndex);
        const activeParameter = active ? fn.parameters.indexOf(active) : fn.parameters.length;
        // Label offsets, not names: `add(addend, addend)` repeats a name.
        let searchFrom = fn.signature.indexOf('(') + 1;
        const labels = fn.parameters.map((p): [number, number] | string => {
          const at = fn.signature.indexOf(p.name, searchFrom);
          if (at < 0) return p.name;
          searchFrom = at + p.name.length;
          return [at, at + p.name.length];
        });
        return {
          value: {
            signatures: [
              {
                label: fn.signature,
                documentation: fn.doc,
                parameters: fn.parameters.map((p, i) => ({
                  label: labels[i] ?? p.name,
                  documentation: `${p.kind}${p.optional ? ', optional' : ''}${p.variadic ? ', repeatable' : ''}${
                    p.constant ? ', must be a literal' : ''
                  }`,
                })),
              },
            ],
            activeSignature: 0,
            activeParameter,
          },
          dispose: () => undefined,
        };
      },
    }),
  );

  disposables.push(
    monaco.languages.registerDocumentFormattingEditProvider(EQL_LANGUAGE_ID, {
      provideDocumentFormattingEdits(m) {
        if (!ours(m)) return undefined;
        const result = formatQuery(m.getValue());
        if (!result.ok) {
          options.onFormatRefused?.(result.reason);
          return [];
        }
        return [{ range: m.getFullModelRange(), text: result.text }];
      },
    }),
  );

  return {
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
