import { readdirSync, readFileSync } from 'node:fs';
import {
  SLACK_HOME,
  appHomeOpenedEvent,
  blockActions,
  blockSuggestion,
  botMessageEvent,
  globalShortcut,
  messageChangedEvent,
  messageEvent,
  messageShortcut,
  reactionAddedEvent,
  slackFile,
  slackFixture,
  slashCommand,
  stateValue,
  viewOutput,
  viewSubmission,
} from '../../support/slack/payloads.js';

const FIXTURES = new URL('../../fixtures/slack/', import.meta.url);

/** Dotted key paths of an object as it goes over the wire (arrays' first item only). */
const keyPaths = (value: unknown, prefix = ''): string[] => {
  const wire: unknown = JSON.parse(JSON.stringify(value));
  const walk = (node: unknown, path: string): string[] => {
    if (Array.isArray(node)) return node.length ? walk(node[0], `${path}[]`) : [];
    if (node === null || typeof node !== 'object') return [];
    return Object.entries(node).flatMap(([key, child]) => {
      const childPath = path ? `${path}.${key}` : key;
      return [childPath, ...walk(child, childPath)];
    });
  };
  return walk(wire, prefix).sort();
};

describe('Slack payload builders', () => {
  it('has one raw example per payload kind, each naming its Slack doc page', () => {
    const names = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const raw = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as {
        _source?: unknown;
      };
      expect({ name, source: raw._source }).toEqual({
        name,
        source: expect.stringMatching(/^https:\/\/docs\.slack\.dev\//),
      });
    }
  });

  it.each([
    ['event-message', () => messageEvent()],
    ['event-message-thread-reply', () => messageEvent({ threadTs: '1732300000.000100' })],
    ['event-message-file-share', () => messageEvent({ files: [slackFile()] })],
    ['event-message-changed', () => messageChangedEvent({ ts: '1732300000.000100' })],
    ['event-bot-message', () => botMessageEvent()],
    ['event-reaction-added', () => reactionAddedEvent({ ts: '1732300000.000100' })],
    ['event-app-home-opened', () => appHomeOpenedEvent()],
    ['command', () => slashCommand()],
    ['block-actions', () => blockActions()],
    ['view-submission', () => viewSubmission()],
    ['shortcut', () => globalShortcut()],
    ['message-action', () => messageShortcut()],
    ['block-suggestion', () => blockSuggestion()],
  ])('builds %s with exactly the documented fields', (fixture, build) => {
    const withoutStateValues = (paths: string[]) =>
      paths.filter((path) => !/state\.values\./.test(path) && !/blocks\[\]\./.test(path));
    expect(withoutStateValues(keyPaths(build()))).toEqual(
      withoutStateValues(keyPaths(slackFixture(fixture))),
    );
  });

  it('reads like the test it is used in, with the actor’s team and the installation apart', () => {
    const payload = messageEvent({
      channel: 'C0SHARED',
      user: 'U04ASCHMI1',
      team: 'T04NWLOG01',
      text: 'Export fails',
    });
    expect(payload).toMatchObject({
      team_id: SLACK_HOME.teamId,
      is_ext_shared_channel: true,
      event: { channel: 'C0SHARED', user: 'U04ASCHMI1', team: 'T04NWLOG01', text: 'Export fails' },
    });
    expect(messageEvent({ team: SLACK_HOME.teamId }).is_ext_shared_channel).toBe(false);
    expect(messageEvent({ eventId: 'Ev1', ts: '1.000002' })).toMatchObject({
      event_id: 'Ev1',
      event: { ts: '1.000002', event_ts: '1.000002' },
    });
  });

  it('gives every payload fresh ids and timestamps unless told otherwise', () => {
    const [a, b] = [messageEvent(), messageEvent()];
    expect(a.event_id).not.toBe(b.event_id);
    expect(Number(b.event.ts)).toBeGreaterThan(Number(a.event.ts));
    expect(blockActions().trigger_id).not.toBe(blockActions().trigger_id);
    expect(slashCommand().trigger_id).not.toBe(slashCommand().trigger_id);
    expect(viewOutput().id).not.toBe(viewOutput().id);
    expect(blockActions({ triggerId: 'T1' }).trigger_id).toBe('T1');
  });

  it('builds select, user and modal variants of block_actions', () => {
    const select = blockActions({ actionId: 'case_priority', selectedOption: { value: 'urgent' } });
    expect(select.actions[0]).toMatchObject({
      type: 'static_select',
      action_id: 'case_priority',
      selected_option: { value: 'urgent', text: { text: 'urgent' } },
    });
    const assign = blockActions({ actionId: 'case_assign', selectedUser: 'U06LVOGT01' });
    expect(assign.actions[0]).toMatchObject({ type: 'users_select', selected_user: 'U06LVOGT01' });

    const view = viewOutput({ callback_id: 'view_new_case' });
    const inModal = blockActions({ view, state: { b: { a: stateValue.text('x') } } });
    expect(inModal).toMatchObject({ container: { type: 'view', view_id: view.id }, view });
    expect(inModal).not.toHaveProperty('response_url');
    expect(inModal).not.toHaveProperty('channel');
    expect(inModal.state?.values.b?.a).toEqual({ type: 'plain_text_input', value: 'x' });
  });

  it('carries private_metadata and state values on view submissions', () => {
    const submission = viewSubmission({
      callbackId: 'view_log_time',
      privateMetadata: '{"caseId":"CASE-1001"}',
      values: { minutes: { minutes_input: stateValue.text('30') } },
    });
    expect(submission.view).toMatchObject({
      callback_id: 'view_log_time',
      private_metadata: '{"caseId":"CASE-1001"}',
      state: { values: { minutes: { minutes_input: { value: '30' } } } },
    });
  });
});
