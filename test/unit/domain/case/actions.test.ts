import { claimCase } from '../../../../src/domain/case/assignment.js';
import {
  addCustomerComment,
  addInternalNote,
  isVagueUpdate,
  replyToCustomer,
} from '../../../../src/domain/case/communication.js';
import { resolveCase } from '../../../../src/domain/case/status.js';
import { SIMPLE_WORKFLOW as simple } from '../../../../src/domain/workflow/index.js';
import { ANA, BEN, CAROL, buildCase, ctx } from '../../../support/build-case.js';

describe('claiming', () => {
  it('gives an unowned new case to the agent and starts work on it', () => {
    const result = claimCase(
      simple,
      { current: buildCase(), actor: ANA, ctx: ctx() },
      { id: 'agent-ana', name: 'Ana' },
    );
    expect(result.ok && result.value?.set).toMatchObject({
      assigneeId: 'agent-ana',
      status: 'on-hand',
      statusCategory: 'open',
    });
    expect(result.ok && result.value?.events.map((e) => e.type)).toEqual([
      'claimed',
      'status-changed',
    ]);
  });

  it('answers a second agent with who already has it', () => {
    const current = buildCase({
      assigneeId: 'agent-ana',
      assigneeName: 'Ana',
      status: 'on-hand',
      statusCategory: 'open',
    });
    const result = claimCase(
      simple,
      { current, actor: BEN, ctx: ctx() },
      { id: 'agent-ben', name: 'Ben' },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'already-claimed',
      message: 'Already claimed by Ana.',
    });
  });

  it('changes nothing when the owner clicks again', () => {
    const current = buildCase({ assigneeId: 'agent-ana', assigneeName: 'Ana' });
    expect(
      claimCase(simple, { current, actor: ANA, ctx: ctx() }, { id: 'agent-ana', name: 'Ana' }),
    ).toEqual({ ok: true, value: null });
  });

  it('puts minutes on the first event it writes', () => {
    const result = claimCase(
      simple,
      { current: buildCase(), actor: ANA, ctx: ctx(), minutes: 10 },
      { id: 'agent-ana', name: 'Ana' },
    );
    expect(result.ok && result.value?.events[0]?.minutes).toBe(10);
    expect(result.ok && result.value?.addMinutes).toBe(10);
  });
});

describe('messages', () => {
  const open = buildCase({ status: 'on-hand', statusCategory: 'open', assigneeId: 'agent-ana' });

  it('records the first public reply as the first response', () => {
    const now = new Date('2026-11-23T11:00:00Z');
    const result = replyToCustomer(
      { current: open, actor: ANA, ctx: ctx(now) },
      'Found it: a locked period.',
    );
    expect(result.ok && result.value?.set.firstResponseAt).toEqual(now);
    expect(result.ok && result.value?.notify).toContainEqual(
      expect.objectContaining({ topic: 'public-message', audience: 'customer' }),
    );
  });

  it('keeps internal notes away from the customer', () => {
    const result = addInternalNote({ current: open, actor: ANA, ctx: ctx() }, 'VPN is flaky');
    expect(result.ok && result.value?.events[0]?.visibility).toBe('internal');
    expect(result.ok && result.value?.notify.every((n) => n.audience === 'staff')).toBe(true);
  });

  it('refuses an empty message', () => {
    expect(replyToCustomer({ current: open, actor: ANA, ctx: ctx() }, '   ')).toMatchObject({
      ok: false,
      code: 'invalid-input',
    });
  });

  it('reopens a solved case when the customer replies', () => {
    const solved = buildCase({
      status: 'solved',
      statusCategory: 'solved',
      resolution: { type: 'fixed', text: 'x' },
    });
    const result = addCustomerComment(
      simple,
      { current: solved, actor: CAROL, ctx: ctx() },
      'Still broken',
    );
    expect(result.ok && result.value?.set).toMatchObject({
      status: 'on-hand',
      resolution: null,
      solvedAt: null,
    });
    expect(result.ok && result.value?.events.map((e) => e.type)).toEqual(['commented', 'reopened']);
  });

  it.each([
    ['working on it', true],
    ['Still looking into it...', true],
    ['We restarted the export service and it now completes in 2 minutes.', false],
  ])('nudges vague updates: %s', (text, vague) => {
    expect(isVagueUpdate(text)).toBe(vague);
  });
});

describe('resolving', () => {
  const open = buildCase({ status: 'on-hand', statusCategory: 'open', assigneeId: 'agent-ana' });

  it('needs a documentation link for works-as-designed', () => {
    const result = resolveCase(
      simple,
      { current: open, actor: ANA, ctx: ctx() },
      { type: 'works-as-designed', text: 'By design' },
    );
    expect(result).toMatchObject({ ok: false, code: 'invalid-input' });
  });

  it('solves with the resolution and tells the customer', () => {
    const result = resolveCase(
      simple,
      { current: open, actor: ANA, ctx: ctx() },
      { type: 'fixed', text: 'Unlocked the period.' },
    );
    expect(result.ok && result.value?.set).toMatchObject({
      status: 'solved',
      resolution: { type: 'fixed' },
    });
    expect(result.ok && result.value?.notify).toContainEqual(
      expect.objectContaining({ topic: 'milestone', audience: 'customer' }),
    );
  });
});
