import type { SectionBlock } from '@slack/types';
import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import { renderHome } from '../../../../../adapters/slack/render/home.js';
import type { AvailabilityBoard } from '../../../../../src/presentation/availability-view.js';

const board = (queues: number, agents: number): AvailabilityBoard => ({
  title: 'Who is available',
  queues: Array.from({ length: queues }, (_, q) => ({
    title: `Queue ${q}`,
    empty: 'No agents in this queue.',
    lines: Array.from({ length: agents }, (_, a) => ({
      name: `Agent ${q}-${a}`,
      state: a % 3 === 0 ? 'away' : a % 3 === 1 ? 'off-hours' : 'available',
      words:
        a % 3 === 0
          ? 'away until 2026-12-24 00:00 Europe/Berlin'
          : a % 3 === 1
            ? 'off hours'
            : 'available',
    })),
  })),
});

const home = (availability?: AvailabilityBoard) => ({
  heading: 'Support desk',
  offerNewCase: false,
  groups: [{ title: 'Assigned to me', lines: [], total: 0, empty: 'Nothing assigned to you.' }],
  ...(availability ? { availability } : {}),
});

const boardText = (view: ReturnType<typeof renderHome>) =>
  view.blocks
    .filter((b): b is SectionBlock => b.type === 'section')
    .map((b) => b.text?.text ?? '')
    .find((text) => text.startsWith('*Who is available*'));

describe('App Home: who is available', () => {
  it('says each queue and each agent state in one section', () => {
    const text = boardText(renderHome(home(board(2, 3))));
    expect(text?.split('\n')).toEqual([
      '*Who is available*',
      '*Queue 0*: :white_circle: Agent 0-0 (away until 2026-12-24 00:00 Europe/Berlin) · :crescent_moon: Agent 0-1 (off hours) · :large_green_circle: Agent 0-2 (available)',
      '*Queue 1*: :white_circle: Agent 1-0 (away until 2026-12-24 00:00 Europe/Berlin) · :crescent_moon: Agent 1-1 (off hours) · :large_green_circle: Agent 1-2 (available)',
    ]);
  });

  it('stays within Slack limits for a large desk, saying how many queues are left out', () => {
    const view = renderHome(home(board(40, 25)));
    expect(blockKitViolations('home', view.blocks)).toEqual([]);
    expect(boardText(view)).toMatch(/_…and \d+ more_$/);
  });

  it('is left out for a reader without one (a customer)', () => {
    expect(boardText(renderHome(home()))).toBeUndefined();
  });
});
