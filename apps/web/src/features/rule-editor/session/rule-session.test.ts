import type { Rule, RuleDetail } from '@rulebench/rules';
import { describe, expect, it } from 'vitest';
import { sessionReducer } from './rule-session.js';

const rule = (name: string): Rule => ({
  metadata: {},
  rule_id: `id-${name}`,
  name,
  description: '',
  type: 'eql',
  severity: 'low',
  risk_score: 21,
  query: 'any where true',
});

const entry = (name: string): RuleDetail =>
  ({ id: `u-${name}`, revision: 1, rule: rule(name) }) as unknown as RuleDetail;

const empty = { opened: null, loadKey: 0, adoptedFrom: undefined };

describe('sessionReducer', () => {
  it('opening a rule makes the editor start over; adopting the page\u2019s rule does not', () => {
    const source = {};
    const adopted = sessionReducer(empty, {
      type: 'adopt',
      source,
      entry: entry('seed'),
      rule: rule('seed'),
    });
    expect([adopted.loadKey, adopted.opened?.draft.name]).toEqual([0, 'seed']);
    expect(sessionReducer(adopted, { type: 'adopt', source, entry: null, rule: rule('other') })).toBe(
      adopted,
    );
    const opened = sessionReducer(adopted, { type: 'open', entry: entry('b') });
    expect([opened.loadKey, opened.opened?.entry?.id, opened.opened?.draft.name]).toEqual([1, 'u-b', 'b']);
  });

  it('a fork\u2019s rule keeps the default entry as its base when it is the same rule', () => {
    const forked = { ...rule('seed'), severity: 'high' };
    const state = sessionReducer(empty, { type: 'adopt', source: {}, entry: entry('seed'), rule: forked });
    expect([state.opened?.base.severity, state.opened?.draft.severity]).toEqual(['low', 'high']);
  });

  it('edits change the draft only; revert restores the base and restarts the editor; save moves the base', () => {
    const opened = sessionReducer(empty, { type: 'open', entry: entry('a') });
    const edited = sessionReducer(opened, { type: 'update', edit: (d) => ({ ...d, severity: 'high' }) });
    expect([edited.opened?.base.severity, edited.opened?.draft.severity]).toEqual(['low', 'high']);
    const reverted = sessionReducer(edited, { type: 'revert' });
    expect([reverted.opened?.draft.severity, reverted.loadKey]).toEqual(['low', 2]);
    const saved = sessionReducer(edited, {
      type: 'saved',
      entry: { ...entry('a'), revision: 2, rule: edited.opened?.draft } as RuleDetail,
    });
    expect([saved.opened?.base.severity, saved.opened?.entry?.revision, saved.loadKey]).toEqual([
      'high',
      2,
      1,
    ]);
  });

  it('deleting the open entry keeps its rule and draft open, detached from the library', () => {
    const opened = sessionReducer(empty, { type: 'open', entry: entry('a') });
    const edited = sessionReducer(opened, { type: 'update', edit: (d) => ({ ...d, severity: 'high' }) });
    expect(sessionReducer(edited, { type: 'detach', id: 'u-other' })).toBe(edited);
    const detached = sessionReducer(edited, { type: 'detach', id: 'u-a' });
    expect(detached.opened?.entry).toBeNull();
    expect([detached.opened?.base.name, detached.opened?.draft.severity, detached.loadKey]).toEqual([
      'a',
      'high',
      1,
    ]);
  });
});
