import Editor, { type OnMount } from '@monaco-editor/react';
import {
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
} from 'react';
import type { FieldValues } from '../api/get-field-values.js';
import { EQL_LANGUAGE_ID } from '../eql-language.js';
import { registerEqlProviders } from '../eql-providers.js';
import { DARK_THEME, LIGHT_THEME } from '../eql-themes.js';
import type { FieldCatalog } from '../field-catalog.js';
import { focusOutside } from '../focus-step.js';
import { type Diagnostic, diagnosticsToMarkers } from '../markers.js';
import { monaco, registerEql } from '../monaco-setup.js';

/** Diagnostics together with the exact text they were computed from. */
export interface DiagnosedText {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** What the page can ask of the editor. */
export interface QueryEditorController {
  format(): void;
  /** Replace the whole text (undoable). */
  setText(text: string): void;
  focus(): void;
  /** Select a range of the query (offsets), e.g. the clause a why-panel row stands for. */
  highlight(range: { start: number; end: number } | null): void;
}

interface QueryEditorProps {
  /** The text the editor starts with; later changes of this prop are ignored (uncontrolled). */
  readonly initialValue: string;
  readonly onChange: (text: string) => void;
  readonly onRun: () => void;
  readonly diagnosed: DiagnosedText;
  readonly catalog: FieldCatalog;
  readonly dark: boolean;
  readonly controllerRef?: RefObject<QueryEditorController | null>;
  readonly onNotice?: (message: string) => void;
  /** A field's top values in the current corpus, for value completion and hover. */
  readonly valuesFor?: ((field: string) => Promise<FieldValues | undefined>) | undefined;
  /** Rule validation findings about the query (type clashes, values ECS does not allow), as markers of their own. */
  readonly ruleFindings?: DiagnosedText | undefined;
  /** Shown until Monaco has mounted (the workbench shows the query read-only). */
  readonly loading?: ReactNode;
}

const MIN_HEIGHT = 96;
const MAX_HEIGHT = 320;
const MARKER_OWNER = 'eql';

export function QueryEditor(props: QueryEditorProps) {
  const { initialValue, onChange, diagnosed, catalog, dark, controllerRef } = props;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const highlightRef = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const latest = useRef(props);
  const [height, setHeight] = useState(MIN_HEIGHT);
  const [mounted, setMounted] = useState(false);
  const descriptionId = useId();

  useEffect(() => {
    latest.current = props;
  });

  useImperativeHandle(
    controllerRef,
    () => ({
      format: () => void editorRef.current?.getAction('editor.action.formatDocument')?.run(),
      setText: (text) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model) return;
        editor.pushUndoStop();
        editor.executeEdits('rulebench', [{ range: model.getFullModelRange(), text }]);
        editor.pushUndoStop();
      },
      focus: () => editorRef.current?.focus(),
      highlight: (range) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model) return;
        if (range === null) {
          highlightRef.current?.clear();
          return;
        }
        const from = model.getPositionAt(range.start);
        const to = model.getPositionAt(range.end);
        const decoration = {
          range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column),
          options: { className: 'eql-clause-highlight', inlineClassName: 'eql-clause-highlight-text' },
        };
        if (highlightRef.current) highlightRef.current.set([decoration]);
        else highlightRef.current = editor.createDecorationsCollection([decoration]);
        editor.revealRangeInCenterIfOutsideViewport(decoration.range);
      },
    }),
    [],
  );

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addAction({
      id: 'rulebench.run',
      label: 'Run query',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      run: (ed) => {
        // Running answers the question the open popups were helping to ask.
        ed.trigger('rulebench', 'hideSuggestWidget', null);
        ed.trigger('rulebench', 'closeParameterHints', null);
        latest.current.onRun();
      },
    });
    const model = editor.getModel();
    const providers = model
      ? registerEqlProviders(monaco, model, {
          getCatalog: () => latest.current.catalog,
          getValues: (field) => latest.current.valuesFor?.(field) ?? Promise.resolve(undefined),
          onFormatRefused: (reason) => latest.current.onNotice?.(reason),
        })
      : null;
    editor.onDidDispose(() => providers?.dispose());
    editor.getDomNode()?.querySelector('textarea')?.setAttribute('aria-describedby', descriptionId);
    // No keyboard trap: Tab / Shift+Tab leave the editor (unless a suggestion or snippet wants them).
    const leave = (backwards: boolean) => {
      const container = editor.getContainerDomNode();
      if (!focusOutside(container, backwards))
        editor.trigger('rulebench', backwards ? 'outdent' : 'tab', null);
    };
    const tabFree = '!suggestWidgetVisible && !inSnippetMode';
    editor.addCommand(monaco.KeyCode.Tab, () => leave(false), tabFree);
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Tab, () => leave(true), tabFree);
    // Grow with the query, within bounds, so short rules don't waste space.
    const fit = () => setHeight(Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, editor.getContentHeight())));
    editor.onDidContentSizeChange(fit);
    fit();
    setMounted(true);
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!mounted || !model) return;
    // Markers computed for older text would sit in the wrong place; the next pass will come.
    if (model.getValue() !== diagnosed.text) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      diagnosticsToMarkers(diagnosed.text, diagnosed.diagnostics),
    );
  }, [diagnosed, mounted]);

  const ruleFindings = props.ruleFindings;
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!mounted || !model) return;
    const current = ruleFindings && model.getValue() === ruleFindings.text ? ruleFindings : undefined;
    monaco.editor.setModelMarkers(
      model,
      'rule',
      current ? diagnosticsToMarkers(current.text, current.diagnostics) : [],
    );
  }, [ruleFindings, mounted]);

  // Keep `catalog` referenced so the linter sees it is used through `latest`.
  void catalog;

  return (
    <div data-testid="query-editor" style={{ height }} className="relative">
      <p id={descriptionId} className="sr-only" data-testid="query-editor-help">
        Tab and Shift+Tab move focus out of the editor. Ctrl+Enter runs the query; Ctrl+Space suggests.
      </p>
      <Editor
        defaultLanguage={EQL_LANGUAGE_ID}
        defaultValue={initialValue}
        theme={dark ? DARK_THEME : LIGHT_THEME}
        beforeMount={() => registerEql()}
        onMount={handleMount}
        onChange={(value) => onChange(value ?? '')}
        loading={
          props.loading ?? (
            <div className="p-3 text-sm text-slate-500 dark:text-slate-400">Loading editor…</div>
          )
        }
        options={{
          ariaLabel: 'EQL query',
          // Tab moves focus out (no keyboard trap, bound below); the aria description says so.
          fontSize: 13,
          lineHeight: 19,
          fontFamily:
            "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace",
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          wrappingIndent: 'indent',
          // Field paths (`process.parent.name`) and wildcards stay whole: wrap at spaces only.
          wordWrapBreakAfterCharacters: ' \t,)]',
          wordWrapBreakBeforeCharacters: '([',
          automaticLayout: true,
          tabSize: 2,
          matchBrackets: 'always',
          bracketPairColorization: { enabled: true },
          renderLineHighlight: 'line',
          fixedOverflowWidgets: true,
          padding: { top: 6, bottom: 6 },
          lineNumbersMinChars: 3,
          glyphMargin: false,
          folding: false,
          overviewRulerLanes: 0,
          scrollbar: { alwaysConsumeMouseWheel: false },
          quickSuggestions: { other: true, comments: false, strings: true },
          suggestOnTriggerCharacters: true,
          // Enter accepts a suggestion only when it changes the text beyond what is typed.
          acceptSuggestionOnEnter: 'smart',
          wordBasedSuggestions: 'off',
          suggest: { showWords: false, filterGraceful: true },
          hover: { delay: 300 },
        }}
      />
    </div>
  );
}
