import { CASE_ACTIONS, type CaseAction } from '../../../src/presentation/case-actions.js';
import { timedText } from '../../../src/presentation/card-parts.js';
import { buildAgentCardView } from '../../../src/presentation/agent-card-view.js';
import { buildCase } from '../../support/build-case.js';
import {
  agentFacts as facts,
  agentView,
  customerView,
  NOW,
  RUNNING_SLA,
  STATES,
} from './card-fixtures.js';

const ids = (actions: readonly CaseAction[], placement?: CaseAction['placement']) =>
  actions.filter((a) => !placement || a.placement === placement).map((a) => a.id);

const iso = (at: Date) => at.toISOString();

describe('the agent card view', () => {
  it.each([
    ['new', ['claim', 'status', 'resolve']],
    ['owned', ['reply', 'status', 'resolve']],
    ['waiting', ['reply', 'status', 'resolve']],
    ['solved', ['reply', 'status', 'saveKbArticle']],
    // No edge out of Closed is an agent's in the simple workflow: no status menu either.
    ['closed', ['reply', 'saveKbArticle']],
  ])('on a %s case leads with %j', (state, primary) => {
    expect(ids(agentView(STATES[state]).actions, 'primary')).toEqual(primary);
  });

  it('puts the rest behind the overflow, after the primary actions', () => {
    const actions = agentView(STATES.new).actions;
    expect(ids(actions, 'overflow')).toEqual([
      'reply',
      'assign',
      'queue',
      'priority',
      'note',
      'logTime',
      'linkIssue',
      'createTask',
    ]);
    const firstOverflow = actions.findIndex((a) => a.placement === 'overflow');
    expect(actions.slice(firstOverflow).every((a) => a.placement === 'overflow')).toBe(true);
  });

  it.each(['solved', 'closed'])('offers no Claim on a %s case, even unowned', (state) => {
    const unowned = { ...STATES[state]!, assigneeId: undefined, assigneeName: undefined };
    expect(ids(agentView(unowned).actions)).not.toContain('claim');
  });

  it('offers Save as KB article only on a finished case with a resolution', () => {
    expect(ids(agentView(STATES.owned).actions)).not.toContain('saveKbArticle');
    const noResolution = { ...STATES.solved!, resolution: undefined };
    expect(ids(agentView(noResolution).actions)).not.toContain('saveKbArticle');
  });

  it('lets an admin move a closed case on, as the workflow allows admins only', () => {
    const status = agentView(STATES.closed, { role: 'admin' }).actions.find(
      (a) => a.id === 'status',
    );
    expect(status?.choices).toEqual([{ value: 'on-hand', label: 'Reopen closed case' }]);
  });

  it('gives a customer role none of the desk’s actions', () => {
    const offered = ids(agentView(STATES.new, { role: 'customer' }).actions);
    expect(offered.filter((id) => !['reply', 'status'].includes(id))).toEqual([]);
  });

  it('names the queue, preselects it and the priority', () => {
    const view = agentView(STATES.new);
    expect(view.facts).toContainEqual({ label: 'Queue', value: 'Finance' });
    const queue = view.actions.find((a) => a.id === 'queue');
    expect(queue?.current).toBe('finance');
    expect(view.actions.find((a) => a.id === 'priority')?.current).toBe('normal');
  });

  it('names the product when the directory has it, else shows its key', () => {
    const withProduct = buildCase({ productKey: 'ledgerly', productVersion: '4.2' });
    const named = buildAgentCardView({ ...facts(withProduct), productName: 'Ledgerly Cloud' });
    expect(named.facts).toContainEqual({ label: 'Product', value: 'Ledgerly Cloud 4.2' });
    expect(agentView(withProduct).facts).toContainEqual({
      label: 'Product',
      value: 'ledgerly 4.2',
    });
  });

  it('says in the past tense who closed it and when', () => {
    const outcome = agentView(STATES.closed).outcome;
    expect(outcome && timedText(outcome, iso)).toBe(
      'Closed by Grace Okafor, 2026-11-24T14:02:00.000Z',
    );
  });

  it('shows the SLA clocks with when and how long until', () => {
    const [line] = agentView(STATES.new, { sla: RUNNING_SLA }).sla;
    expect(line && timedText(line, iso)).toBe(
      'First response due 2026-11-24T13:00:00.000Z (in 1h)',
    );
  });

  it('lists the knowledge base’s finds and the look-alike cases', () => {
    const kbMatched = buildCase({
      events: [
        {
          id: 'kb',
          type: 'kb-matched',
          at: NOW,
          actor: { kind: 'system', id: 'system', name: 'KB', role: 'system' },
          visibility: 'internal',
          data: { articles: 'a b', articleTitles: 'First\nSecond', similarCases: 'CASE-7 CASE-8' },
        },
      ],
    });
    expect(agentView(kbMatched).kb).toEqual({
      suggested: ['First', 'Second'],
      why: [],
      lookAlike: 'Looks like CASE-7 and 1 other this week',
    });
  });

  it('says why each article was suggested: the words it matched, the questions it solved', () => {
    const reasons = [
      { matched: ['hold', 'upgrade'], solvedSimilar: 7 },
      null,
      { matched: [], solvedSimilar: 1 },
    ];
    const kbMatched = buildCase({
      events: [
        {
          id: 'kb',
          type: 'kb-matched',
          at: NOW,
          actor: { kind: 'system', id: 'system', name: 'KB', role: 'system' },
          visibility: 'internal',
          data: {
            articles: 'a b c',
            articleTitles: 'Put an order on hold\nSecond\nThird',
            similarCases: '',
            articleReasons: JSON.stringify(reasons),
          },
        },
      ],
    });
    expect(agentView(kbMatched).kb.why).toEqual([
      '“Put an order on hold”: matched: hold, upgrade; solved 7 similar questions',
      '“Third”: solved 1 similar question',
    ]);
  });
});

describe('the customer card view', () => {
  it.each([
    ['new', ['addDetails'], []],
    ['owned', ['addDetails'], []],
    ['waiting', ['addDetails'], []],
    ['solved', ['addDetails', 'closeMine'], ['reopen']],
    ['closed', ['reopen'], []],
  ])('on a %s case offers %j first, then %j', (state, primary, overflow) => {
    const actions = customerView(STATES[state]).actions;
    expect(ids(actions, 'primary')).toEqual(primary);
    expect(ids(actions, 'overflow')).toEqual(overflow);
  });

  it('stops offering Reopen once the reopen window has passed', () => {
    const later = new Date(STATES.closed!.closedAt!.getTime() + 31 * 24 * 3600_000);
    expect(ids(customerView(STATES.closed, { now: later }).actions)).toEqual([]);
  });

  it.each([
    ['new', 'Waiting for an agent'],
    ['owned', 'Tomás Herrera is on it'],
    ['waiting', 'Tomás Herrera is waiting for your reply'],
    ['solved', 'Solved by Tomás Herrera, 2026-11-23T13:30:00.000Z'],
    ['closed', 'Closed by Grace Okafor, 2026-11-24T14:02:00.000Z'],
  ])('on a %s case says who has it in words that agree with the status: %s', (state, line) => {
    const owner = customerView(STATES[state]).owner;
    expect(owner && timedText(owner, iso)).toBe(line);
  });

  it('promises a time only while the case is worked', () => {
    expect(customerView(STATES.new, { sla: RUNNING_SLA }).promise).toMatchObject({
      text: 'You will hear from us by',
      at: RUNNING_SLA.nextPromise!.at,
    });
    expect(customerView(STATES.solved, { sla: RUNNING_SLA }).promise).toBeUndefined();
  });

  it('draws on the vocabulary only', () => {
    for (const state of Object.values(STATES))
      for (const action of [...customerView(state).actions, ...agentView(state).actions])
        expect(CASE_ACTIONS).toContain(action.id);
  });
});
