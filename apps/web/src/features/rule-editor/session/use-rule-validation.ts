import type { Finding, Rule } from '@rulebench/rules';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { DiagnosedText } from '../../editor/components/QueryEditor.js';
import { loadEcsRows } from '../../editor/field-catalog.js';
import { queryDiagnostics } from '../findings.js';
import { isDirty, ruleWithQuery, withField } from '../rule-draft.js';
import { schemaFromEcsRows, validateDraft } from '../rule-validation.js';
import { useRuleSession } from './rule-session.js';

const VALIDATE_DELAY_MS = 250;

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

export interface RuleValidation {
  /** Every finding for the draft with the editor's query, as the server would report it. */
  readonly findings: readonly Finding[];
  /** Query findings as editor markers, with the text they were computed for. */
  readonly queryDiagnosed: DiagnosedText | undefined;
  /** The rule a save would store: the draft with the editor's query. */
  readonly toSave: Rule | undefined;
  readonly dirty: boolean;
}

/** Validates the opened rule as the user types (query from the editor, the rest from the form). */
export function useRuleValidation(queryText: string): RuleValidation {
  const { opened } = useRuleSession();
  const ecs = useQuery({
    queryKey: ['ecs-fields'],
    queryFn: loadEcsRows,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  const schema = useMemo(() => (ecs.data ? schemaFromEcsRows(ecs.data) : undefined), [ecs.data]);
  const settledQuery = useDebounced(queryText, VALIDATE_DELAY_MS);
  const draft = opened?.draft;
  const eql = draft?.type === 'eql';

  const findings = useMemo(() => {
    if (!draft) return [];
    // Offsets of query findings must match the editor's text, so validate exactly that text.
    const checked = eql ? withField(draft, 'query', settledQuery) : draft;
    return validateDraft(checked, schema);
  }, [draft, eql, settledQuery, schema]);

  const queryDiagnosed = useMemo(
    () => (eql ? { text: settledQuery, diagnostics: queryDiagnostics(settledQuery, findings) } : undefined),
    [eql, settledQuery, findings],
  );

  const toSave = useMemo(
    () => (opened ? ruleWithQuery(opened.draft, opened.base, queryText) : undefined),
    [opened, queryText],
  );
  const dirty = opened !== null && toSave !== undefined && isDirty(opened.base, toSave);
  return { findings, queryDiagnosed, toSave, dirty };
}
