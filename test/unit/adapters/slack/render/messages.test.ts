import { blockKitViolations } from '../../../../../adapters/slack/render/check-limits.js';
import {
  renderEphemeralError,
  renderInternalNote,
  renderMilestone,
  renderPublicReply,
  renderUnexpectedError,
  type MilestoneInput,
} from '../../../../../adapters/slack/render/messages.js';
import type { FailureCode } from '../../../../../src/domain/result.js';

const json = (value: unknown): string => JSON.stringify(value);
const HOSTILE = /<!channel>|<!here>|<@U1>|<https:\/\/evil/;

describe('renderMilestone', () => {
  it.each<[MilestoneInput, string]>([
    [{ type: 'claimed', assigneeName: 'Ana' }, 'Ana is on it.'],
    [{ type: 'claimed' }, 'Someone from our team is on it.'],
    [{ type: 'pending-customer' }, 'We need a reply from you'],
    [
      { type: 'solved', resolution: { type: 'fixed', text: 'Patched the export.' } },
      '*Solved:* Patched the export.',
    ],
    [{ type: 'closed' }, 'Closed.'],
    [{ type: 'reopened' }, 'Reopened.'],
  ])('%j says %j', (input, expected) => {
    expect(json(renderMilestone(input).blocks)).toContain(expected);
  });

  it('links the documentation of a solution', () => {
    const message = renderMilestone({
      type: 'solved',
      resolution: {
        type: 'works-as-designed',
        text: 'Limits apply.',
        docLink: 'https://docs.example/limits',
      },
    });
    expect(json(message.blocks)).toContain(
      '(docs: <https://docs.example/limits|https://docs.example/limits>)',
    );
    expect(message.text).toBe('Solved: Limits apply. (docs: https://docs.example/limits)');
  });

  it('adds the status label when given', () => {
    const message = renderMilestone({ type: 'pending-customer', statusLabel: 'Waiting for you' });
    expect(json(message.blocks)).toContain('Status: Waiting for you');
  });

  it('escapes names and resolution text everywhere', () => {
    const message = renderMilestone({
      type: 'solved',
      assigneeName: '<@U1>',
      resolution: { type: 'other', text: '<!channel> <https://evil.example|bank.example>' },
      statusLabel: '<!here>',
    });
    expect(json(message)).not.toMatch(HOSTILE);
    const claimed = renderMilestone({ type: 'claimed', assigneeName: '<@U1>' });
    expect(json(claimed)).not.toMatch(HOSTILE);
  });

  it('splits a long resolution over sections instead of breaking the limit', () => {
    const message = renderMilestone({
      type: 'solved',
      resolution: { type: 'fixed', text: 'word '.repeat(800) },
    });
    expect(message.blocks.length).toBeGreaterThan(1);
    expect(blockKitViolations('message', message.blocks)).toEqual([]);
  });
});

describe('renderPublicReply', () => {
  it('names the author and keeps the whole text of an 8000-character reply', () => {
    const text = `${'a'.repeat(2990)} ${'b'.repeat(2990)} ${'c'.repeat(2000)}`;
    const message = renderPublicReply('Ana', text);
    expect(json(message.blocks[0])).toContain('*Ana* replied');
    expect(blockKitViolations('message', message.blocks)).toEqual([]);
    const body = message.blocks
      .slice(1)
      .map((b) => (b as { text: { text: string } }).text.text)
      .join(' ');
    expect(body).toBe(text);
  });

  it('escapes the author and the text', () => {
    const message = renderPublicReply('<@U1>', 'hi <!channel> & <https://evil.example|x>');
    expect(json(message)).not.toMatch(HOSTILE);
    expect(json(message.blocks)).toContain('hi &lt;!channel&gt; &amp;');
  });

  it('never splits an escaped entity across sections', () => {
    const message = renderPublicReply('Ana', '<'.repeat(2000));
    const texts = message.blocks.slice(1).map((b) => (b as { text: { text: string } }).text.text);
    for (const text of texts) expect(text).toMatch(/^(&lt;)+$/);
    expect(blockKitViolations('message', message.blocks)).toEqual([]);
  });
});

describe('renderInternalNote', () => {
  it('marks the note internal and shows logged minutes', () => {
    const message = renderInternalNote('Ben', 'Called <@U1>', 15);
    const out = json(message.blocks);
    expect(out).toContain(':lock: *Internal note* by Ben · 15 min');
    expect(out).toContain('Called &lt;@U1&gt;');
    expect(json(message)).not.toMatch(HOSTILE);
  });
});

describe('renderEphemeralError', () => {
  it.each<[FailureCode, RegExp]>([
    ['not-allowed', /not allowed.*Ask a lead/s],
    ['invalid-transition', /cannot move to that status.*Pick one/s],
    ['requirement-missing', /needed before this step.*Add what is missing/s],
    ['already-claimed', /claimed this case first/],
    ['not-found', /could not be found.*Check the case number/s],
    ['conflict', /same moment.*try again/s],
    ['invalid-input', /not valid.*Correct it/s],
  ])('explains %s and what to do', (code, pattern) => {
    const message = renderEphemeralError(code, 'Detail from the use case.');
    expect(message.text).toMatch(pattern);
    expect(json(message.blocks)).toContain('Detail from the use case.');
  });

  it('escapes the use case message', () => {
    const message = renderEphemeralError('invalid-input', 'Title <!channel> too long');
    expect(json(message)).not.toMatch(HOSTILE);
  });
});

describe('renderUnexpectedError', () => {
  it('apologises and gives the reference', () => {
    const message = renderUnexpectedError('req-42');
    expect(message.text).toMatch(/went wrong on our side.*req-42/);
  });
});
