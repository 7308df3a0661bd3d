import { claimCase } from '../../../../src/domain/case/assignment.js';
import { agoInWords, explainRefusal } from '../../../../src/domain/case/refusal.js';
import { resolveCase } from '../../../../src/domain/case/status.js';
import type { CaseState } from '../../../../src/domain/case/types.js';
import { fail } from '../../../../src/domain/result.js';
import { SIMPLE_WORKFLOW as workflow } from '../../../../src/domain/workflow/index.js';
import { ANA, BEN, CAROL, buildCase, ctx } from '../../../support/build-case.js';

const RESOLVED_AT = new Date('2026-11-23T10:00:00Z');
const fixed = { type: 'fixed' as const, text: 'Rebuilt the index.' };

/** The case after Ben resolved it: its history as the domain writes it. */
const resolvedByBen = (): CaseState => {
  const open = buildCase({ status: 'on-hand', statusCategory: 'open' });
  const change = resolveCase(workflow, { current: open, actor: BEN, ctx: ctx(RESOLVED_AT) }, fixed);
  if (!change.ok || !change.value) throw new Error('Ben could not resolve');
  return { ...open, status: 'solved', statusCategory: 'solved', events: change.value.events };
};

/** Ana's Resolve on the case Ben already resolved, as the domain refuses it. */
const anasRefusal = (state: CaseState) => {
  const refused = resolveCase(workflow, { current: state, actor: ANA, ctx: ctx() }, fixed);
  if (refused.ok) throw new Error('Ana was not refused');
  return refused;
};

const explain = (over: Partial<Parameters<typeof explainRefusal>[0]> = {}) => {
  const state = resolvedByBen();
  return explainRefusal({
    workflow,
    now: new Date(RESOLVED_AT.getTime() + 30_000),
    state,
    actor: ANA,
    action: 'resolve',
    failure: anasRefusal(state),
    text: 'Cleared the cache; exports run again.',
    ...over,
  });
};

describe('explaining a refusal', () => {
  it('names who resolved the case when a Resolve lost the race, and keeps the text', () => {
    expect(explain()).toEqual({
      formCanFix: false,
      happened: 'Ben resolved CASE-1001 a moment ago.',
      notDone: 'Your resolution was not saved, and nothing was sent to the customer.',
      keptText: 'Cleared the cache; exports run again.',
      offerNote: true,
    });
  });

  it('says "You" when the person had already done it elsewhere', () => {
    expect(explain({ actor: BEN }).happened).toBe('You resolved CASE-1001 a moment ago.');
  });

  it('names a claim by someone else', () => {
    const open = buildCase();
    const claimed = claimCase(
      workflow,
      { current: open, actor: BEN, ctx: ctx(RESOLVED_AT) },
      { id: 'agent-ben', name: 'Ben' },
    );
    if (!claimed.ok || !claimed.value) throw new Error('Ben could not claim');
    const state = { ...open, events: claimed.value.events };
    const failure = fail('already-claimed', 'Already claimed by Ben.');
    expect(explain({ state, failure, action: 'reply' }).happened).toBe(
      'Ben claimed CASE-1001 a moment ago.',
    );
  });

  it('tells a status change by the status name', () => {
    const open = buildCase({ status: 'solved', statusCategory: 'solved' });
    const event = {
      id: 'e1',
      type: 'status-changed' as const,
      at: new Date(RESOLVED_AT.getTime() - 5 * 60_000),
      actor: { kind: 'staff' as const, id: 'agent-ben', name: 'Ben', role: 'lead' as const },
      visibility: 'public' as const,
      data: { from: 'solved', to: 'closed' },
    };
    const state = { ...open, status: 'closed', statusCategory: 'closed' as const, events: [event] };
    const failure = fail('invalid-transition', 'A case in Closed cannot be solved from here.');
    expect(explain({ state, failure }).happened).toBe(
      'Ben moved CASE-1001 to Closed 5 minutes ago.',
    );
  });

  it('keeps the form open for what the person can fix there', () => {
    const failure = fail('invalid-input', 'Add a link to the documentation.');
    expect(explain({ failure })).toMatchObject({
      formCanFix: true,
      happened: 'Add a link to the documentation.',
    });
  });

  it('says a role may not do it, without the permission code', () => {
    const failure = fail('not-allowed', 'A agent may not do that (case::resolve).');
    expect(explain({ failure }).happened).toBe(
      'You may not resolve CASE-1001: your role does not allow it.',
    );
  });

  it('offers no note to a customer, for a refused note, or without text', () => {
    expect(explain({ actor: CAROL, action: 'add-details' }).offerNote).toBe(false);
    expect(explain({ action: 'note' }).offerNote).toBe(false);
    expect(explain({ text: '   ' })).toMatchObject({ offerNote: false });
    expect(explain({ text: '   ' })).not.toHaveProperty('keptText');
  });

  it('says a case that is gone is gone, and offers no note on it', () => {
    const failure = fail('not-found', 'No such case.');
    expect(explain({ state: undefined, failure })).toMatchObject({
      happened: 'That case is not there any more, or not yours to see.',
      offerNote: false,
    });
  });
});

describe('how long ago', () => {
  const at = new Date('2026-11-23T10:00:00Z');
  const after = (minutes: number) => new Date(at.getTime() + minutes * 60_000);
  it.each([
    [0, 'a moment ago'],
    [1, 'a moment ago'],
    [2, '2 minutes ago'],
    [59, '59 minutes ago'],
    [60, '1 hour ago'],
    [47 * 60, '47 hours ago'],
    [72 * 60, '3 days ago'],
  ])('%i minutes later reads "%s"', (minutes, words) => {
    expect(agoInWords(at, after(minutes))).toBe(words);
  });
});
