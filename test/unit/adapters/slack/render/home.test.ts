import type { Button, SectionBlock } from '@slack/types';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import {
  byUrgency,
  renderAgentHome,
  renderCustomerHome,
} from '../../../../../adapters/slack/render/home.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type { CaseSummary } from '../../../../../src/ports/case-repository.js';

let seq = 0;
const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => {
  seq += 1;
  return {
    id: `case-${seq}`,
    number: `CASE-${1000 + seq}`,
    title: `Problem ${seq}`,
    status: 'on-hand',
    statusCategory: 'open',
    priority: 'normal',
    queueKey: 'finance',
    organizationId: 'org-acme',
    organizationKey: 'acme',
    contactName: 'Carol',
    createdAt: new Date(Date.UTC(2026, 10, 1, 9, seq)),
    updatedAt: new Date(Date.UTC(2026, 10, 1, 9, seq)),
    ...overrides,
  };
};

const many = (count: number, overrides: Partial<CaseSummary> = {}): CaseSummary[] =>
  Array.from({ length: count }, () => summary(overrides));

/** The case numbers in the order the view lists them. */
const listed = (blocks: readonly unknown[]): string[] =>
  blocks
    .filter((b): b is SectionBlock => (b as SectionBlock).accessory?.type === 'button')
    .map((b) => /CASE-\d+/.exec(b.text?.text ?? '')?.[0] ?? '');

const json = (value: unknown): string => JSON.stringify(value);

describe('byUrgency', () => {
  it('puts urgent first, then the oldest', () => {
    const old = summary({ priority: 'low', createdAt: new Date('2026-01-01') });
    const urgent = summary({ priority: 'urgent', createdAt: new Date('2026-06-01') });
    const normal = summary({ priority: 'normal', createdAt: new Date('2026-03-01') });
    const normalOlder = summary({ priority: 'normal', createdAt: new Date('2026-02-01') });
    expect(byUrgency([old, normal, urgent, normalOlder]).map((c) => c.id)).toEqual(
      [urgent, normalOlder, normal, old].map((c) => c.id),
    );
  });
});

describe('renderAgentHome', () => {
  it('lists my cases, unassigned ones and each status, urgent first, with Open buttons', () => {
    const urgent = summary({ priority: 'urgent', createdAt: new Date('2026-12-01') });
    const mine = [summary(), urgent];
    const view = renderAgentHome({
      mine,
      unassigned: [],
      byStatus: [{ statusName: 'On hand', cases: mine }],
      statusNames: { 'on-hand': 'On hand' },
    });
    expect(view.type).toBe('home');
    expect(listed(view.blocks).slice(0, 2)).toEqual([urgent.number, mine[0]?.number]);
    const out = json(view.blocks);
    expect(out).toContain('*Assigned to me* (2)');
    expect(out).toContain('Every case has an owner.');
    expect(out).toContain('*On hand* (2)');
    const buttons = view.blocks.flatMap((b) =>
      (b as SectionBlock).accessory ? [(b as SectionBlock).accessory as Button] : [],
    );
    expect(buttons.every((b) => b.action_id === ACTIONS.openCase)).toBe(true);
    expect(buttons.map((b) => b.value)).toContain(urgent.id);
  });

  it('caps long lists, says how many more, and stays within 100 blocks', () => {
    const view = renderAgentHome({
      mine: many(80),
      unassigned: many(80),
      byStatus: Array.from({ length: 14 }, (_, i) => ({ statusName: `S${i}`, cases: many(40) })),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(blockKitViolations('home', view.blocks)).toEqual([]);
    expect(json(view.blocks)).toMatch(/…and \d+ more/);
  });

  it('names the lists it had no room for', () => {
    const view = renderAgentHome({
      mine: many(3),
      unassigned: many(3),
      byStatus: Array.from({ length: 40 }, (_, i) => ({ statusName: `S${i}`, cases: many(2) })),
    });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(json(view.blocks)).toMatch(/\d+ more lists not shown/);
  });

  it('escapes titles and names', () => {
    const view = renderAgentHome({
      mine: [summary({ title: '<!channel>', contactName: '<@U1>', assigneeName: '<!here>' })],
      unassigned: [],
      byStatus: [],
    });
    expect(json(view)).not.toMatch(/<!channel>|<@U1>|<!here>/);
  });
});

describe('renderCustomerHome', () => {
  it('shows customer labels, never internal status ids, queues or agent ids', () => {
    const view = renderCustomerHome({
      organizationName: 'Acme',
      cases: [
        summary({
          status: 'in-review-SECRET',
          statusCategory: 'open',
          queueKey: 'queue-SECRET',
          assigneeId: 'agent-SECRET',
          assigneeName: 'Ana',
        }),
        summary({ status: 'waiting-on-customer', statusCategory: 'pending-customer' }),
      ],
    });
    const out = json(view);
    expect(out).toContain('Support cases for Acme');
    expect(out).toContain('In progress');
    expect(out).toContain('Waiting for your reply');
    expect(out).toContain('Ana is on it');
    expect(out).not.toMatch(/SECRET/);
  });

  it('prefers the configured customer label for a status', () => {
    const view = renderCustomerHome({
      organizationName: 'Acme',
      cases: [summary({ status: 'client-testing' })],
      statusLabels: { 'client-testing': 'Please test the fix' },
    });
    expect(json(view.blocks)).toContain('Please test the fix');
  });

  it('says so when there are no cases', () => {
    const view = renderCustomerHome({ organizationName: 'Acme', cases: [] });
    expect(json(view.blocks)).toContain('You have no cases yet.');
  });

  it('caps at 100 blocks with a long history', () => {
    const view = renderCustomerHome({ organizationName: 'x'.repeat(500), cases: many(300) });
    expect(blockKitViolations('home', view.blocks)).toEqual([]);
    expect(json(view.blocks)).toContain('…and 285 more');
  });

  it('counts every matching case when it was given only the first few', () => {
    const view = renderCustomerHome({ organizationName: 'Acme', cases: many(15), total: 412 });
    expect(json(view.blocks)).toContain('*Your cases* (412)');
    expect(json(view.blocks)).toContain('…and 397 more');
  });
});
