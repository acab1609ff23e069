import { ErrorBoundary } from '../../../app/ErrorBoundary.js';
import { RuleLibrary } from '../../rule-library/components/RuleLibrary.js';
import { useRuleSession } from '../session/rule-session.js';
import type { RuleValidation } from '../session/use-rule-validation.js';
import { RuleEditor } from './RuleEditor.js';

/** The header's way into the rule library and the rule editor, and the two drawers themselves. */
export function RuleWorkspaceControls({ validation }: { validation: RuleValidation }) {
  const session = useRuleSession();
  const { opened, panel, setPanel } = session;
  const close = () => setPanel(null);
  return (
    <div className="flex shrink-0 items-center gap-2">
      <button
        type="button"
        className="btn"
        data-testid="open-library"
        aria-haspopup="dialog"
        aria-expanded={panel === 'library'}
        onClick={() => setPanel(panel === 'library' ? null : 'library')}
        title="Open a rule from the library, or import rules"
      >
        Rules…
      </button>
      <button
        type="button"
        className="btn"
        data-testid="open-rule-editor"
        aria-haspopup="dialog"
        aria-expanded={panel === 'editor'}
        disabled={!opened}
        onClick={() => setPanel(panel === 'editor' ? null : 'editor')}
        title="Edit every field of the rule: metadata, schedule, ATT&CK, guide"
      >
        Edit rule
        {validation.dirty && (
          <>
            <span aria-hidden title="Unsaved changes" className="size-2 rounded-full bg-amber-500" />
            <span className="sr-only">(unsaved changes)</span>
          </>
        )}
      </button>
      {panel === 'library' && (
        <ErrorBoundary label="The rule library">
          <RuleLibrary
            currentId={opened?.entry?.id}
            dirty={validation.dirty}
            onOpen={(entry) => {
              session.open(entry);
              close();
            }}
            onDeleted={session.detach}
            onClose={close}
          />
        </ErrorBoundary>
      )}
      {panel === 'editor' && opened && (
        <ErrorBoundary label="The rule editor">
          <RuleEditor
            opened={opened}
            validation={validation}
            update={session.update}
            onSaved={session.saved}
            onRevert={session.revert}
            onClose={close}
          />
        </ErrorBoundary>
      )}
    </div>
  );
}
