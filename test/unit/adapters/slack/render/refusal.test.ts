import type { InputBlock } from '@slack/types';
import {
  blockKitViolations,
  modalViolations,
} from '../../../../../adapters/slack/render/check-limits.js';
import { INPUTS } from '../../../../../adapters/slack/render/modals.js';
import { refusalMessage, refusalModal } from '../../../../../adapters/slack/render/refusal.js';
import { ACTIONS, VIEWS } from '../../../../../adapters/slack/registry.js';
import type { RefusalExplanation } from '../../../../../src/domain/case/refusal.js';

const explained = (over: Partial<RefusalExplanation> = {}): RefusalExplanation => ({
  formCanFix: false,
  happened: 'Ben Ito resolved CASE-1003 a moment ago.',
  notDone: 'Your resolution was not saved, and nothing was sent to the customer.',
  keptText: 'Restarted the <sync> job & it ran.',
  offerNote: true,
  ...over,
});
const metadata = { caseId: 'case-7', channel: 'C06ERPFIN1' };
const json = (value: unknown) => JSON.stringify(value);

describe('a refused case form in Slack', () => {
  it('becomes a note form holding the text, when a note is on offer', () => {
    const view = refusalModal(explained(), metadata);
    expect(view).toMatchObject({
      callback_id: VIEWS.note,
      submit: { text: 'Post as internal note' },
    });
    const input = view.blocks.find((b): b is InputBlock => b.type === 'input');
    expect(input).toMatchObject({
      block_id: INPUTS.message.block,
      element: { initial_value: 'Restarted the <sync> job & it ran.' },
    });
    expect(JSON.parse(view.private_metadata ?? '{}')).toEqual(metadata);
    expect(modalViolations(view)).toEqual([]);
  });

  it('shows the text to copy, with nothing to submit, when no note is on offer', () => {
    const view = refusalModal(explained({ offerNote: false }), metadata);
    expect(view.callback_id).toBe(VIEWS.refusal);
    expect(view.submit).toBeUndefined();
    expect(json(view.blocks)).toContain('Restarted the &lt;sync&gt; job &amp; it ran.');
    expect(modalViolations(view)).toEqual([]);
  });

  it('copies the explanation and the text into the channel, with the note button', () => {
    const message = refusalMessage(explained(), 'case-7');
    expect(message.text).toContain('Ben Ito resolved CASE-1003 a moment ago.');
    expect(json(message.blocks)).toContain(ACTIONS.keptNote);
    expect(blockKitViolations('message', message.blocks)).toEqual([]);
  });

  it('keeps a long text whole enough to copy but drops the button it cannot carry', () => {
    const long = 'x'.repeat(2_900);
    const message = refusalMessage(explained({ keptText: long }), 'case-7');
    expect(json(message.blocks)).not.toContain(ACTIONS.keptNote);
    expect(json(message.blocks)).toContain('x'.repeat(2_500));
    expect(blockKitViolations('message', message.blocks)).toEqual([]);
    expect(modalViolations(refusalModal(explained({ keptText: long }), metadata))).toEqual([]);
  });

  it('breaks three backticks in the text so the code block holds', () => {
    const message = refusalMessage(explained({ keptText: 'run ```rm``` now' }), 'case-7');
    const shown = json(message.blocks.filter((b) => b.type === 'section'));
    expect(shown).toContain('run ``\u200B`rm');
    expect(shown).not.toContain('run ```rm');
  });
});
