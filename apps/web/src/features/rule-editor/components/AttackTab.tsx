import type { Threat } from '@rulebench/rules';
import { useId, useState } from 'react';
import {
  addSubtechnique,
  addTactic,
  addTechnique,
  attackIdProblem,
  choiceLabel,
  type KnownTechnique,
  removeSubtechnique,
  removeTactic,
  removeTechnique,
  splitAttackChoice,
  TACTICS,
  techniqueChoices,
} from '../attack.js';
import { findingsFor } from '../findings.js';
import { withField } from '../rule-draft.js';
import type { TabProps } from './DetailsTab.js';
import { FieldFindings } from './fields.js';

const REMOVE =
  'rounded px-1.5 text-xs text-slate-500 hover:bg-red-50 hover:text-red-800 dark:text-slate-400 dark:hover:bg-red-950 dark:hover:text-red-300';

/** The MITRE ATT&CK mapping: tactics, their techniques and subtechniques, with ids and names. */
export function AttackTab({
  draft,
  base,
  findings,
  update,
  catalog,
}: TabProps & { catalog: readonly KnownTechnique[] }) {
  const threats = draft.threat ?? [];
  const ids = useId();
  const setThreats = (next: Threat[]) => update((d) => withField(d, 'threat', next, base));
  const [tactic, setTactic] = useState('');
  const unused = TACTICS.filter((t) => !threats.some((x) => x.tactic.id === t.id));
  return (
    <div className="space-y-3">
      <ol className="space-y-2" aria-label="ATT&CK mapping" data-testid="attack-mapping">
        {threats.map((threat, i) => (
          <li key={threat.tactic.id} className="rounded border border-slate-200 p-2 dark:border-slate-700">
            <div className="flex items-baseline gap-2">
              <span className="text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                Tactic
              </span>
              <span data-testid="attack-tactic" className="flex-1 text-sm font-medium">
                <span className="font-mono">{threat.tactic.id}</span> {threat.tactic.name}
              </span>
              <button
                type="button"
                className={REMOVE}
                aria-label={`Remove tactic ${threat.tactic.name}`}
                onClick={() => setThreats(removeTactic(threats, i))}
              >
                Remove
              </button>
            </div>
            <FieldFindings
              findings={findingsFor(findings, `threat[${i}].tactic`, `threat[${i}].framework`)}
            />
            <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3 dark:border-slate-700">
              {(threat.technique ?? []).map((technique, j) => (
                <li key={technique.id}>
                  <div className="flex items-baseline gap-2 text-sm">
                    <span data-testid="attack-technique" className="flex-1">
                      <span className="font-mono">{technique.id}</span> {technique.name}
                    </span>
                    <button
                      type="button"
                      className={REMOVE}
                      aria-label={`Remove technique ${technique.id}`}
                      onClick={() => setThreats(removeTechnique(threats, i, j))}
                    >
                      Remove
                    </button>
                  </div>
                  <FieldFindings
                    findings={findingsFor(
                      findings,
                      `threat[${i}].technique[${j}].id`,
                      `threat[${i}].technique[${j}].name`,
                      `threat[${i}].technique[${j}].reference`,
                    )}
                  />
                  <ul className="mt-0.5 space-y-0.5 border-l border-slate-200 pl-3 dark:border-slate-700">
                    {(technique.subtechnique ?? []).map((sub, k) => (
                      <li key={sub.id}>
                        <div className="flex items-baseline gap-2 text-sm">
                          <span data-testid="attack-subtechnique" className="flex-1">
                            <span className="font-mono">{sub.id}</span> {sub.name}
                          </span>
                          <button
                            type="button"
                            className={REMOVE}
                            aria-label={`Remove subtechnique ${sub.id}`}
                            onClick={() => setThreats(removeSubtechnique(threats, i, j, k))}
                          >
                            Remove
                          </button>
                        </div>
                        <FieldFindings
                          findings={findingsFor(findings, `threat[${i}].technique[${j}].subtechnique[${k}]`)}
                        />
                      </li>
                    ))}
                  </ul>
                  <AddEntry
                    level="subtechnique"
                    techniqueId={technique.id}
                    catalog={catalog.filter((c) => c.id.startsWith(`${technique.id}.`))}
                    onAdd={(id, name) => setThreats(addSubtechnique(threats, i, j, id, name))}
                  />
                </li>
              ))}
            </ul>
            <AddEntry
              level="technique"
              catalog={techniqueChoices(catalog, threat.tactic.id)}
              onAdd={(id, name) => setThreats(addTechnique(threats, i, id, name))}
              tacticId={threat.tactic.id}
              tacticName={threat.tactic.name}
            />
          </li>
        ))}
      </ol>
      {threats.length === 0 && (
        <p className="text-sm text-slate-500 dark:text-slate-400">No ATT&CK mapping yet.</p>
      )}
      <div className="flex items-end gap-2">
        <label
          className="flex flex-col text-xs font-medium text-slate-700 dark:text-slate-300"
          htmlFor={`${ids}-tactic`}
        >
          Add a tactic
          <select
            id={`${ids}-tactic`}
            data-testid="attack-add-tactic"
            className="field-control mt-0.5 w-72"
            value={tactic}
            onChange={(e) => setTactic(e.target.value)}
          >
            <option value="">Choose a tactic…</option>
            {unused.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id} {t.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          disabled={tactic === ''}
          onClick={() => {
            setThreats(addTactic(threats, tactic));
            setTactic('');
          }}
        >
          Add tactic
        </button>
      </div>
      <FieldFindings
        findings={findingsFor(findings, 'threat').filter((f) => !/^threat\[\d+\]/.test(f.field))}
      />
      <p data-testid="attack-catalog-note" className="text-[11px] text-slate-500 dark:text-slate-400">
        Ids and names are checked against a bundled MITRE ATT&CK® catalog that holds the techniques the
        published Elastic rules map; an id it lacks can still be added, and is noted rather than refused.
      </p>
    </div>
  );
}

interface AddEntryProps {
  readonly level: 'technique' | 'subtechnique';
  readonly techniqueId?: string;
  readonly tacticId?: string;
  readonly tacticName?: string;
  readonly catalog: readonly KnownTechnique[];
  readonly onAdd: (id: string, name: string) => void;
}

/**
 * Id (the bundled catalog's and the library's known ids offered, this tactic's first) and name;
 * the name fills in for a known id.
 */
function AddEntry({ level, techniqueId, tacticId, tacticName, catalog, onAdd }: AddEntryProps) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = id.trim() === '' ? null : attackIdProblem(level, id, techniqueId);
  const noun = level === 'technique' ? 'technique' : 'subtechnique';
  const where = level === 'technique' ? `to ${tacticName ?? 'this tactic'}` : `to ${techniqueId}`;
  if (!open) {
    return (
      <button
        type="button"
        className="mt-1 text-xs font-medium text-sky-700 underline underline-offset-2 dark:text-sky-400"
        onClick={() => setOpen(true)}
      >
        Add {noun} {where}
      </button>
    );
  }
  const submit = () => {
    const cleanId = id.trim().toUpperCase();
    if (attackIdProblem(level, cleanId, techniqueId) !== null || name.trim() === '') {
      setTouched(true);
      return;
    }
    onAdd(cleanId, name.trim());
    setId('');
    setName('');
    setTouched(false);
    setOpen(false);
  };
  return (
    <fieldset
      className="mt-1 rounded bg-slate-50 p-2 dark:bg-slate-800/60"
      aria-label={`Add ${noun} ${where}`}
    >
      <div className="flex items-end gap-2">
        <label
          className="flex flex-col text-[11px] font-medium text-slate-700 dark:text-slate-300"
          htmlFor={`${ids}-id`}
        >
          {level === 'technique' ? 'Technique id' : 'Subtechnique id'}
          <input
            id={`${ids}-id`}
            list={`${ids}-known`}
            data-testid={`attack-${noun}-id`}
            className="field-control mt-0.5 w-32 font-mono text-xs"
            placeholder={level === 'technique' ? 'T1059' : `${techniqueId ?? 'T1059'}.001`}
            value={id}
            aria-invalid={
              (touched || problem !== null) && attackIdProblem(level, id, techniqueId) !== null
                ? true
                : undefined
            }
            onChange={(e) => {
              const choice = splitAttackChoice(e.target.value);
              setId(choice.id);
              const known = catalog.find((c) => c.id === choice.id.toUpperCase());
              if (choice.name) setName(choice.name);
              else if (known) setName(known.name);
            }}
          />
          <datalist id={`${ids}-known`}>
            {catalog.map((c) => (
              <option key={c.id} value={c.id}>
                {choiceLabel(c, tacticId)}
              </option>
            ))}
          </datalist>
        </label>
        <label
          className="flex flex-1 flex-col text-[11px] font-medium text-slate-700 dark:text-slate-300"
          htmlFor={`${ids}-name`}
        >
          Name
          <input
            id={`${ids}-name`}
            data-testid={`attack-${noun}-name`}
            className="field-control mt-0.5 w-full"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') submit();
            }}
          />
        </label>
        <button type="button" className="btn" onClick={submit} data-testid={`attack-${noun}-add`}>
          Add
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {(problem !== null || (touched && (id.trim() === '' || name.trim() === ''))) && (
        <p
          role="alert"
          data-testid="attack-id-problem"
          className="mt-1 text-xs text-red-700 dark:text-red-400"
        >
          {problem ?? attackIdProblem(level, id, techniqueId) ?? 'Enter the name as ATT&CK writes it.'}
        </p>
      )}
    </fieldset>
  );
}
