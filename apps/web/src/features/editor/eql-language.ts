/**
 * Language `eql` for Monaco: a Monarch tokenizer and the bracket/comment configuration. Pure
 * data (type-only imports), so it can be read and tested without a DOM.
 */

import { FUNCTIONS, KEYWORDS } from '@rulebench/eql';
import type { languages } from 'monaco-editor/editor';

const CONSTANTS = ['true', 'false', 'null'];
/** `runs` is only a keyword after `with`, so the engine does not reserve it; it reads as one. */
const EQL_KEYWORDS = [...[...KEYWORDS].filter((k) => !CONSTANTS.includes(k)), 'runs'];

export const EQL_LANGUAGE_ID = 'eql';

export const eqlLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
  ],
  // Field paths are one word, so double-click selects `process.parent.name` whole.
  wordPattern: /(-?\d+(?:\.\d+)?)|([?]?[A-Za-z_@][\w@.-]*)/,
};

export const eqlMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  ignoreCase: false,
  keywords: EQL_KEYWORDS,
  constants: CONSTANTS,
  pipes: ['head', 'tail'],
  // Function names are case-insensitive in EQL: accept the documented and the lower-case form.
  functions: FUNCTIONS.flatMap((f) => [f.name, f.name.toLowerCase()]),
  brackets: [
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '[', close: ']', token: 'delimiter.bracket' },
  ],
  tokenizer: {
    root: [
      { include: '@whitespace' },
      // Raw strings first: `"""…"""` may span lines and contain lone quotes.
      [/\?"""/, { token: 'string.raw', next: '@rawString' }],
      [/"""/, { token: 'string.raw', next: '@rawString' }],
      [/\?"/, { token: 'string.raw', next: '@rawQuoted' }],
      [/"/, { token: 'string', next: '@string' }],
      [/'/, { token: 'string', next: '@singleString' }],
      // Time spans in `maxspan=5m` read as one number token.
      [/\d+(?:ms|s|m|h|d)\b/, 'number.time'],
      [/\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/, 'number.float'],
      [/\d+/, 'number'],
      [
        /(\|)(\s*)([A-Za-z_]\w*)/,
        ['delimiter.pipe', '', { cases: { '@pipes': 'keyword.pipe', '@default': 'invalid' } }],
      ],
      // A name followed by `(` (optionally `~(`) is a function call.
      [
        /([A-Za-z_]\w*)(~?)(?=\s*\()/,
        [{ cases: { '$1@functions': 'predefined.function', '@default': 'identifier.function' } }, 'operator'],
      ],
      [/\?`/, { token: 'variable.field', next: '@backquoted' }],
      [/`/, { token: 'variable.field', next: '@backquoted' }],
      [/(?:in|like|regex)~/, 'keyword'],
      [
        /\??[A-Za-z_@][\w@]*(?:\.[A-Za-z_@][\w@]*)*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@constants': 'constant',
            '@default': 'variable.field',
          },
        },
      ],
      [/[()[\]]/, '@brackets'],
      [/==|!=|<=|>=|<|>|:|=/, 'operator'],
      [/[+\-*/%]/, 'operator.arithmetic'],
      [/!/, 'operator'],
      [/,/, 'delimiter'],
      [/~/, 'operator'],
    ],
    whitespace: [
      [/\s+/, 'white'],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, { token: 'comment', next: '@blockComment' }],
    ],
    blockComment: [
      [/[^*]+/, 'comment'],
      [/\*\//, { token: 'comment', next: '@pop' }],
      [/\*/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\(?:[\\"'bfnrt0]|u\{[0-9A-Fa-f]{1,8}\})/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/"/, { token: 'string', next: '@pop' }],
    ],
    singleString: [
      [/[^\\']+/, 'string'],
      [/\\./, 'string.escape'],
      [/'/, { token: 'string', next: '@pop' }],
    ],
    rawString: [
      [/[^"]+/, 'string.raw'],
      [/"""/, { token: 'string.raw', next: '@pop' }],
      [/"/, 'string.raw'],
    ],
    rawQuoted: [
      [/[^"]+/, 'string.raw'],
      [/"/, { token: 'string.raw', next: '@pop' }],
    ],
    backquoted: [
      [/[^`]+/, 'variable.field'],
      [/``/, 'variable.field'],
      [/`/, { token: 'variable.field', next: '@pop' }],
    ],
  },
};
