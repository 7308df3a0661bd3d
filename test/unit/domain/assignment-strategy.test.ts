import {
  chooseAssignee,
  queueAssignmentSchema,
  weightedLoad,
  type AssignmentCandidate,
  type AssignmentFacts,
  type AssignmentStrategy,
  type OpenLoad,
} from '../../../src/domain/assignment-strategy.js';

const ana: AssignmentCandidate = { id: 'ana', name: 'Ana', skills: { modules: ['Point of Sale'] } };
const ben: AssignmentCandidate = { id: 'ben', name: 'Ben', skills: { products: ['erp'] } };
const cy: AssignmentCandidate = { id: 'cy', name: 'Cy' };
const POOL = [ana, ben, cy];
const ALL = new Set(['ana', 'ben', 'cy']);
const loads = (entries: Record<string, OpenLoad>) => new Map(Object.entries(entries));

interface Row {
  readonly name: string;
  readonly strategy: AssignmentStrategy;
  readonly facts: AssignmentFacts;
  readonly expected: string | { readonly leave: string };
  readonly reason?: string;
}

const ROWS: readonly Row[] = [
  {
    name: 'manual never assigns',
    strategy: 'manual',
    facts: { available: ALL },
    expected: { leave: 'the queue assigns manually' },
  },
  // round-robin
  {
    name: 'round-robin: turn 0 is the first in pool order',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 0 },
    expected: 'ana',
    reason: 'round-robin',
  },
  {
    name: 'round-robin: turn 4 wraps to the second',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 4 },
    expected: 'ben',
  },
  {
    name: 'round-robin: an away agent is skipped',
    strategy: 'round-robin',
    facts: { available: new Set(['ana', 'cy']), turn: 1 },
    expected: 'cy',
  },
  {
    name: 'round-robin: an agent at capacity is skipped',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 0, capacity: 2, load: loads({ ana: { normal: 1, urgent: 1 } }) },
    expected: 'ben',
  },
  {
    name: 'round-robin: below capacity still takes turns',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 0, capacity: 3, load: loads({ ana: { normal: 2 } }) },
    expected: 'ana',
  },
  {
    name: 'round-robin with skills: only the module skill',
    strategy: 'round-robin',
    facts: {
      available: ALL,
      turn: 7,
      need: { productKey: 'pos', productLabel: 'POS', module: 'Point of Sale' },
    },
    expected: 'ana',
    reason: 'round-robin; skill: Point of Sale',
  },
  {
    name: 'round-robin with skills: the product skill is named by the product',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 0, need: { productKey: 'erp', productLabel: 'Ledgerline ERP' } },
    expected: 'ben',
    reason: 'round-robin; skill: Ledgerline ERP',
  },
  {
    name: 'round-robin with skills: the skilled agent is away',
    strategy: 'round-robin',
    facts: { available: new Set(['ben', 'cy']), turn: 0, need: { module: 'Point of Sale' } },
    expected: { leave: 'no available agent with the skill Point of Sale' },
  },
  {
    name: 'round-robin with skills: a case without product or module goes to anyone',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 2, need: {} },
    expected: 'cy',
    reason: 'round-robin',
  },
  {
    name: 'round-robin: the excluded owner is skipped',
    strategy: 'round-robin',
    facts: { available: ALL, turn: 0, exclude: ['ana'] },
    expected: 'ben',
  },
  {
    name: 'round-robin: no one available',
    strategy: 'round-robin',
    facts: { available: new Set(), turn: 0 },
    expected: { leave: 'no available agent' },
  },
  {
    name: 'round-robin: everyone at capacity',
    strategy: 'round-robin',
    facts: {
      available: ALL,
      turn: 0,
      capacity: 1,
      load: loads({ ana: { low: 1 }, ben: { low: 1 }, cy: { high: 1 } }),
    },
    expected: { leave: 'no available agent under capacity 1' },
  },
  // least-loaded
  {
    name: 'least-loaded: the lightest weighted load',
    strategy: 'least-loaded',
    facts: {
      available: ALL,
      load: loads({ ana: { normal: 2 }, ben: { urgent: 1 }, cy: { normal: 1, low: 1 } }),
    },
    expected: 'cy',
    reason: 'least-loaded',
  },
  {
    name: 'least-loaded: one urgent outweighs three normal',
    strategy: 'least-loaded',
    facts: {
      available: ALL,
      load: loads({ ana: { urgent: 1 }, ben: { normal: 3 }, cy: { normal: 4 } }),
    },
    expected: 'ben',
  },
  {
    name: 'least-loaded: a weight tie goes to fewer open cases',
    strategy: 'least-loaded',
    facts: {
      available: ALL,
      load: loads({ ana: { low: 2 }, ben: { normal: 1 }, cy: { high: 1 } }),
    },
    expected: 'ben',
  },
  {
    name: 'least-loaded: a full tie goes to pool order',
    strategy: 'least-loaded',
    facts: { available: ALL, load: loads({}) },
    expected: 'ana',
  },
  {
    name: 'least-loaded: the lightest is away',
    strategy: 'least-loaded',
    facts: {
      available: new Set(['ana', 'ben']),
      load: loads({ ana: { normal: 2 }, ben: { normal: 1 } }),
    },
    expected: 'ben',
  },
  {
    name: 'least-loaded: capacity counts cases, not weight',
    strategy: 'least-loaded',
    facts: {
      available: ALL,
      capacity: 2,
      load: loads({ ana: { low: 2 }, ben: { urgent: 1 }, cy: { high: 2 } }),
    },
    expected: 'ben',
  },
  {
    name: 'least-loaded with skills: the skilled one however loaded',
    strategy: 'least-loaded',
    facts: { available: ALL, need: { productKey: 'erp' }, load: loads({ ben: { urgent: 3 } }) },
    expected: 'ben',
    reason: 'least-loaded; skill: erp',
  },
  {
    name: 'least-loaded: no one available',
    strategy: 'least-loaded',
    facts: { available: new Set() },
    expected: { leave: 'no available agent' },
  },
];

describe('chooseAssignee', () => {
  test.each(ROWS)('$name', ({ strategy, facts, expected, reason }) => {
    const choice = chooseAssignee(strategy, POOL, facts);
    if (typeof expected === 'string') {
      expect(choice).toMatchObject({ kind: 'assign', agent: { id: expected } });
      if (reason) expect(choice.reason).toBe(reason);
    } else {
      expect(choice).toEqual({ kind: 'leave', reason: expected.leave });
    }
  });

  test('round-robin over consecutive turns visits every available agent equally', () => {
    const counts = new Map<string, number>();
    for (let turn = 0; turn < 30; turn += 1) {
      const choice = chooseAssignee('round-robin', POOL, { available: ALL, turn });
      if (choice.kind === 'assign')
        counts.set(choice.agent.id, (counts.get(choice.agent.id) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([10, 10, 10]);
  });
});

describe('queue assignment settings', () => {
  test('default to manual without skills or capacity', () => {
    expect(queueAssignmentSchema.parse({})).toEqual({
      strategy: 'manual',
      skills: false,
      handOnWhenAway: false,
    });
  });

  test.each([{ strategy: 'random' }, { capacity: 0 }, { strategy: 'round-robin', extra: 1 }])(
    'refuse %j',
    (input) => expect(queueAssignmentSchema.safeParse(input).success).toBe(false),
  );

  test('weights: urgent 4, high 2, normal 1, low ½', () => {
    expect(weightedLoad({ urgent: 1, high: 1, normal: 1, low: 2 })).toBe(8);
  });
});
