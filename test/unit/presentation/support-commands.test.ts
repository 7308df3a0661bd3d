import { WORKFLOW_PRESETS } from '../../../src/domain/workflow/index.js';
import {
  helpFor,
  parseSupportCommand,
  type SupportCommand,
} from '../../../src/presentation/support-commands.js';

const workflow = WORKFLOW_PRESETS.simple;
const request = (over: object = {}) => ({ mine: false, all: false, unknown: [], ...over });

describe('support commands typed as a message', () => {
  const table: [string, SupportCommand | undefined][] = [
    ['help', { kind: 'help' }],
    ['  HELP ', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['list', { kind: 'list', request: request() }],
    ['List Mine', { kind: 'list', request: request({ mine: true }) }],
    ['my cases', { kind: 'list', request: request({ mine: true }) }],
    ['list all', { kind: 'list', request: request({ all: true }) }],
    ['list solved', { kind: 'list', request: request({ status: 'solved' }) }],
    ['list open', { kind: 'list', request: request({ category: 'open' }) }],
    [
      'list mine waiting-on-customer',
      { kind: 'list', request: request({ mine: true, status: 'waiting-on-customer' }) },
    ],
    ['show case-1042', { kind: 'show', caseNumber: 'CASE-1042' }],
    ['new case', { kind: 'new' }],
    ['New case for ana@harborfoods.example', { kind: 'new', forEmail: 'ana@harborfoods.example' }],
    // Someone asking for help: these are messages, never commands.
    ['help me, the printer in store 7 is offline', undefined],
    ['list of prices is wrong', undefined],
    ['show me how to export invoices', undefined],
    ['my cases are not syncing', undefined],
    ['new case please: scanner broken', undefined],
    // A question for the knowledge base, in both chats; "kb" alone asks for nothing.
    ['kb printer offline', { kind: 'kb', question: 'printer offline' }],
    ['kb', undefined],
  ];
  it.each(table)('%j', (text, expected) => {
    expect(parseSupportCommand(text, 'message', workflow)).toEqual(expected);
  });
});

describe('support commands after a slash', () => {
  it('answers an unknown word with help and keeps unknown list words to name the valid ones', () => {
    expect(parseSupportCommand('frobnicate', 'slash', workflow)).toEqual({ kind: 'help' });
    expect(parseSupportCommand('', 'slash', workflow)).toEqual({ kind: 'help' });
    expect(parseSupportCommand('list bogus mine', 'slash', workflow)).toEqual({
      kind: 'list',
      request: request({ mine: true, unknown: ['bogus'] }),
    });
    expect(parseSupportCommand('list queue retail org harbor-foods', 'slash', workflow)).toEqual({
      kind: 'list',
      request: request({ queueKey: 'retail', organizationKey: 'harbor-foods' }),
    });
    expect(parseSupportCommand('kb printer offline', 'slash', workflow)).toEqual({
      kind: 'kb',
      question: 'printer offline',
    });
  });

  it('offers agents the staff-only commands and customers not', () => {
    const usages = (audience: 'customer' | 'staff') =>
      helpFor('message', audience).map((l) => l.usage);
    expect(usages('staff')).toContain('new case for EMAIL');
    expect(usages('customer')).not.toContain('new case for EMAIL');
    expect(helpFor('slash', 'customer').map((l) => l.usage)).toEqual([
      'new',
      'list [status] [mine | all | queue NAME | org NAME]',
      'show CASE-1042',
      'kb QUESTION',
    ]);
  });
});
