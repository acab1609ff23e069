/** Labelled form controls of the rule editor, each with its validation findings right under it. */
import type { Finding } from '@rulebench/rules';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { formatLines, parseLines } from '../rule-draft.js';

const SEVERITY_TEXT = {
  error: 'text-red-700 dark:text-red-400',
  warning: 'text-amber-800 dark:text-amber-300',
  info: 'text-slate-600 dark:text-slate-400',
} as const;

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function FieldFindings({ findings, id }: { findings: readonly Finding[]; id?: string }) {
  if (findings.length === 0) return null;
  return (
    <ul id={id} data-testid="field-findings" className="mt-1 space-y-0.5">
      {findings.map((f) => (
        <li
          key={`${f.code}-${f.field}-${f.message}`}
          data-testid="field-finding"
          data-severity={f.severity}
          className={`text-xs ${SEVERITY_TEXT[f.severity]}`}
        >
          <span className="font-semibold">{SEVERITY_WORD[f.severity]}:</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

interface FieldShellProps {
  readonly label: string;
  readonly hint?: string;
  readonly findings?: readonly Finding[];
  readonly children: (ids: { input: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  readonly action?: ReactNode;
}

/** Label, control, hint and findings, wired together for screen readers. */
export function Field({ label, hint, findings = [], children, action }: FieldShellProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', findings.length > 0 ? `${id}-findings` : '']
    .filter((s) => s !== '')
    .join(' ');
  return (
    <div className="min-w-0">
      <div className="flex items-baseline gap-2">
        <label htmlFor={id} className="text-xs font-medium text-slate-700 dark:text-slate-300">
          {label}
        </label>
        {hint && (
          <span id={`${id}-hint`} className="text-[11px] text-slate-500 dark:text-slate-400">
            {hint}
          </span>
        )}
        {action && <span className="ml-auto">{action}</span>}
      </div>
      <div className="mt-0.5">
        {children({
          input: id,
          describedBy: describedBy || undefined,
          invalid: findings.some((f) => f.severity === 'error'),
        })}
      </div>
      <FieldFindings findings={findings} id={`${id}-findings`} />
    </div>
  );
}

const CONTROL = 'field-control w-full';
const AREA =
  'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 shadow-xs dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

interface TextProps {
  readonly label: string;
  readonly value: string | undefined;
  readonly onChange: (value: string) => void;
  readonly findings?: readonly Finding[];
  readonly hint?: string;
  readonly placeholder?: string;
  readonly testId?: string;
  readonly mono?: boolean;
  readonly readOnly?: boolean;
  readonly action?: ReactNode;
}

export function TextField(props: TextProps) {
  return (
    <Field label={props.label} {...optional(props)}>
      {({ input, describedBy, invalid }) => (
        <input
          id={input}
          type="text"
          data-testid={props.testId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${CONTROL} ${props.mono ? 'font-mono text-xs' : ''}`}
          value={props.value ?? ''}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function TextAreaField(props: TextProps & { readonly rows?: number }) {
  return (
    <Field label={props.label} {...optional(props)}>
      {({ input, describedBy, invalid }) => (
        <textarea
          id={input}
          data-testid={props.testId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${AREA} ${props.mono ? 'font-mono text-xs' : ''}`}
          rows={props.rows ?? 3}
          value={props.value ?? ''}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          spellCheck={!props.mono}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function optional(props: Pick<TextProps, 'hint' | 'findings' | 'action'>) {
  return {
    ...(props.hint !== undefined ? { hint: props.hint } : {}),
    ...(props.findings !== undefined ? { findings: props.findings } : {}),
    ...(props.action !== undefined ? { action: props.action } : {}),
  };
}

/**
 * Text the user is typing is kept as typed (a trailing newline, a half-written number) and only
 * the parsed value goes to the rule; an outside change (another rule opened) resets it.
 */
function useTypedText<T>(value: T, format: (value: T) => string, same: (text: string, value: T) => boolean) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    setText((current) => (same(current, value) ? current : format(value)));
  }, [value, format, same]);
  return [text, setText] as const;
}

const sameLines = (text: string, value: readonly string[] | undefined) =>
  formatLines(parseLines(text)) === formatLines(value);

interface LinesProps {
  readonly label: string;
  readonly value: readonly string[] | undefined;
  readonly onChange: (value: string[]) => void;
  readonly findings?: readonly Finding[];
  readonly hint?: string;
  readonly testId?: string;
  readonly rows?: number;
  readonly mono?: boolean;
}

/** A list edited one item per line. */
export function LinesField(props: LinesProps) {
  const [text, setText] = useTypedText(props.value, formatLines, sameLines);
  return (
    <Field
      label={props.label}
      hint={props.hint ?? 'one per line'}
      {...(props.findings ? { findings: props.findings } : {})}
    >
      {({ input, describedBy, invalid }) => (
        <textarea
          id={input}
          data-testid={props.testId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${AREA} ${props.mono ? 'font-mono text-xs' : ''}`}
          rows={props.rows ?? Math.min(6, Math.max(2, (props.value?.length ?? 0) + 1))}
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(parseLines(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

const formatNumber = (value: number | undefined) => (value === undefined ? '' : String(value));
const sameNumber = (text: string, value: number | undefined) =>
  text.trim() === '' ? value === undefined : Number(text) === value;

interface NumberProps {
  readonly label: string;
  readonly value: number | undefined;
  /** `undefined` when the box is emptied. */
  readonly onChange: (value: number | undefined) => void;
  readonly min?: number;
  readonly max?: number;
  readonly findings?: readonly Finding[];
  readonly hint?: string;
  readonly testId?: string;
  readonly action?: ReactNode;
  /** An emptied box keeps the rule's value; say so instead of silently ignoring it. */
  readonly required?: boolean;
}

export function NumberField(props: NumberProps) {
  const [text, setText] = useTypedText(props.value, formatNumber, sameNumber);
  const missing: Finding[] =
    props.required && text.trim() === ''
      ? [
          {
            severity: 'error',
            code: 'required',
            field: '',
            message: `${props.label} is required; the rule keeps ${props.value ?? 'its value'} until a number is entered.`,
          },
        ]
      : [];
  const findings = [...missing, ...(props.findings ?? [])];
  return (
    <Field label={props.label} {...optional({ ...props, findings })}>
      {({ input, describedBy, invalid }) => (
        <input
          id={input}
          type="number"
          inputMode="numeric"
          data-testid={props.testId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={`${CONTROL} tabular-nums`}
          min={props.min}
          max={props.max}
          step={1}
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            if (next.trim() === '') props.onChange(undefined);
            else if (Number.isFinite(Number(next))) props.onChange(Number(next));
          }}
        />
      )}
    </Field>
  );
}

interface SelectProps {
  readonly label: string;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly onChange: (value: string) => void;
  readonly findings?: readonly Finding[];
  readonly testId?: string;
}

export function SelectField(props: SelectProps) {
  const known = props.options.some((o) => o.value === props.value);
  return (
    <Field label={props.label} {...(props.findings ? { findings: props.findings } : {})}>
      {({ input, describedBy, invalid }) => (
        <select
          id={input}
          data-testid={props.testId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={CONTROL}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {!known && <option value={props.value}>{props.value || '(none)'}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
