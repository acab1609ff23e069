/**
 * Monaco, bundled: the core API plus the editor features (bracket matching, find, comments,
 * suggest, hover, …) but none of Monaco's own languages, with its one worker built by Vite.
 * `loader.config({ monaco })` stops `@monaco-editor/react` from fetching Monaco from a CDN.
 */

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { EQL_LANGUAGE_ID, eqlLanguageConfiguration, eqlMonarch } from './eql-language.js';
import { defineEqlThemes } from './eql-themes.js';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

loader.config({ monaco });

let registered = false;

/** Registers language `eql` and the themes; later calls do nothing. */
export function registerEql(instance: typeof monaco = monaco): void {
  if (registered) return;
  registered = true;
  instance.languages.register({ id: EQL_LANGUAGE_ID, aliases: ['EQL', 'eql'], extensions: ['.eql'] });
  instance.languages.setLanguageConfiguration(EQL_LANGUAGE_ID, eqlLanguageConfiguration);
  instance.languages.setMonarchTokensProvider(EQL_LANGUAGE_ID, eqlMonarch);
  defineEqlThemes(instance);
}

export { monaco };
