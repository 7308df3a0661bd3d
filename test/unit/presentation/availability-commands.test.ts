import { WORKFLOW_PRESETS } from '../../../src/domain/workflow/index.js';
import { isCommandHere, type AnswerPlace } from '../../../src/presentation/support-answers.js';
import {
  helpFor,
  parseSupportCommand,
  type CommandForm,
  type SupportCommand,
} from '../../../src/presentation/support-commands.js';

const workflow = WORKFLOW_PRESETS.simple;

describe('away and back', () => {
  it.each<[CommandForm, string, SupportCommand | undefined]>([
    ['slash', 'away', { kind: 'away' }],
    ['slash', 'AWAY until 2026-12-24', { kind: 'away', until: '2026-12-24' }],
    ['slash', 'away until 2026-12-24 14:00', { kind: 'away', until: '2026-12-24 14:00' }],
    ['slash', 'away monday', { kind: 'away', until: 'monday' }],
    ['slash', 'away until', { kind: 'away', until: '' }],
    ['slash', 'back', { kind: 'back' }],
    ['slash', 'back tomorrow', { kind: 'help' }],
    ['message', 'away', { kind: 'away' }],
    ['message', 'Away until Friday', { kind: 'away', until: 'Friday' }],
    ['message', 'back', { kind: 'back' }],
    // Someone talking, not a command: it goes on as a message.
    ['message', 'away from my desk', undefined],
    ['message', 'back again', undefined],
  ])('%s %s', (form, text, expected) => {
    expect(parseSupportCommand(text, form, workflow)).toEqual(expected);
  });

  it('is offered to agents only', () => {
    for (const form of ['slash', 'message'] as const) {
      expect(helpFor(form, 'staff').map((l) => l.usage)).toEqual(
        expect.arrayContaining(['away [until DATE]', 'back']),
      );
      expect(helpFor(form, 'customer').map((l) => l.usage)).not.toContain('back');
    }
  });

  it.each<[AnswerPlace, boolean]>([
    [{ kind: 'private' }, true],
    [{ kind: 'staff' }, true],
    [{ kind: 'organization', organizationId: 'o1' }, false],
    [{ kind: 'shared' }, false],
  ])('is a command in a %j place: %s', (place, expected) => {
    expect(isCommandHere({ kind: 'back' }, place)).toBe(expected);
    expect(isCommandHere({ kind: 'list' }, place)).toBe(true);
  });
});
