import type { Button, SectionBlock } from '@slack/types';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import { renderHome } from '../../../../../adapters/slack/render/home.js';
import { ACTIONS } from '../../../../../adapters/slack/registry.js';
import type {
  CaseHome,
  CaseListGroup,
  CaseListLine,
} from '../../../../../src/presentation/case-list.js';

let seq = 0;
const line = (overrides: Partial<CaseListLine> = {}): CaseListLine => {
  seq += 1;
  return {
    caseId: `case-${seq}`,
    number: `CASE-${1000 + seq}`,
    title: `Problem ${seq}`,
    priority: 'normal',
    urgent: false,
    details: ['On hand', 'Acme', 'Carol', 'Unassigned'],
    ...overrides,
  };
};

const many = (count: number): CaseListLine[] => Array.from({ length: count }, () => line());
const group = (title: string, lines: CaseListLine[], total = lines.length): CaseListGroup => ({
  title,
  lines,
  total,
  empty: `No ${title}.`,
});
const home = (groups: CaseListGroup[], over: Partial<CaseHome> = {}): CaseHome => ({
  heading: 'Support desk',
  note: 'Urgent cases first, then the oldest.',
  offerNewCase: false,
  groups,
  ...over,
});

/** The case numbers in the order the view lists them. */
const listed = (blocks: readonly unknown[]): string[] =>
  blocks
    .filter((b): b is SectionBlock => (b as SectionBlock).accessory?.type === 'button')
    .map((b) => /CASE-\d+/.exec(b.text?.text ?? '')?.[0] ?? '');

const json = (value: unknown): string => JSON.stringify(value);

describe('renderHome', () => {
  it('shows each group in the order given, its count, and an Open button per case', () => {
    const urgent = line({ priority: 'urgent', urgent: true });
    const other = line();
    const view = renderHome(
      home([group('Assigned to me', [urgent, other]), group('Unassigned', [])]),
    );
    expect(view.type).toBe('home');
    expect(listed(view.blocks)).toEqual([urgent.number, other.number]);
    const out = json(view.blocks);
    expect(out).toContain('*Assigned to me* (2)');
    expect(out).toContain('No Unassigned.');
    expect(out).toContain(':red_circle:');
    expect(out).toContain('On hand · Acme · Carol · Unassigned');
    const buttons = view.blocks.flatMap((b) =>
      (b as SectionBlock).accessory ? [(b as SectionBlock).accessory as Button] : [],
    );
    expect(buttons.every((b) => b.action_id === ACTIONS.openCase)).toBe(true);
    expect(buttons.map((b) => b.value)).toContain(urgent.caseId);
  });

  it('caps long lists, says how many more, and stays within 100 blocks', () => {
    const view = renderHome(
      home([
        group('Assigned to me', many(15), 80),
        group('Unassigned', many(15), 80),
        ...Array.from({ length: 14 }, (_, i) => group(`S${i}`, many(15), 40)),
      ]),
    );
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(blockKitViolations('home', view.blocks)).toEqual([]);
    expect(json(view.blocks)).toMatch(/…and \d+ more/);
  });

  it('names the lists it had no room for', () => {
    const view = renderHome(home(Array.from({ length: 40 }, (_, i) => group(`S${i}`, many(2)))));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(json(view.blocks)).toMatch(/\d+ more lists not shown/);
  });

  it('escapes titles and names', () => {
    const view = renderHome(
      home([group('Mine', [line({ title: '<!channel>', details: ['<@U1>', '<!here>'] })])]),
    );
    expect(json(view)).not.toMatch(/<!channel>|<@U1>|<!here>/);
  });

  it('tells a customer how to open a case, and counts every case it was not given', () => {
    const view = renderHome(
      home([group('Your cases', many(15), 412)], {
        heading: 'Support cases for '.padEnd(500, 'x'),
        offerNewCase: true,
      }),
    );
    expect(blockKitViolations('home', view.blocks)).toEqual([]);
    const out = json(view.blocks);
    expect(out).toContain('Open a new case with `/support`.');
    expect(out).toContain('*Your cases* (412)');
    expect(out).toContain('…and 397 more');
  });
});
