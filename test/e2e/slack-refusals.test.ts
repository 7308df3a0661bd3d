/**
 * A refused case form is told where the person acted, and keeps what they wrote: the
 * lost race (a colleague resolved first), a fixable mistake, a form opened away from any
 * channel. Over signed HTTP against the fake Slack Web API; what was stored is counted.
 */
import { ACTIONS, VIEWS } from '../../adapters/slack/registry.js';
import { blockActions, stateValue, viewSubmission } from '../support/slack/payloads.js';
import { eventually, TRIAGE, useSlackE2E } from '../support/slack/e2e.js';

const PRIYA = 'U06PRAMAN1';
const LENA = 'U06LVOGT01';
const LENA_TEXT = 'Rebuilt the ledger index; exports run again.';
const PRIYA_TEXT = 'Cleared the export cache.\nIt ran <twice> & then *worked*.';

describe('Caseline in Slack: refused case forms', () => {
  const e2e = useSlackE2E();
  const stored = (id: string) => e2e.app.core.cases.findById(id);

  /** Presses a card button that opens a form, as `user`; the modal Slack was asked to open. */
  const openForm = async (actionId: string, caseId: string, user: string, messageTs: string) => {
    const before = e2e.fake.callsTo('views.open').length;
    await e2e.post(
      'interaction',
      blockActions({ actionId, value: caseId, channel: TRIAGE, user, messageTs }),
    );
    await e2e.fake.waitFor('views.open', () => e2e.fake.callsTo('views.open').length > before);
    const opened = e2e.fake.callsTo('views.open').at(-1)!;
    return opened.args.view as { private_metadata: string };
  };

  const resolveWith = (user: string, privateMetadata: string, text: string) =>
    e2e.post(
      'interaction',
      viewSubmission({
        user,
        callbackId: VIEWS.resolve,
        privateMetadata,
        values: {
          resolution_type: { value: stateValue.select('fixed') },
          resolution_text: { value: stateValue.text(text) },
        },
      }),
    );

  /** Both agents open Resolve on the same card; Lena sends hers first. */
  const loseTheRace = async (title: string) => {
    const { case: opened } = await e2e.openByMessage(title);
    const card = e2e.posts(TRIAGE, (c) => String(c.args.text).includes(opened.number))[0]!;
    const cardTs = String(card.response.ts);
    const priyas = await openForm(ACTIONS.resolve, opened.id, PRIYA, cardTs);
    const lenas = await openForm(ACTIONS.resolve, opened.id, LENA, cardTs);
    const won = await resolveWith(LENA, lenas.private_metadata, LENA_TEXT);
    expect(won.body).toBe('');
    const lost = await resolveWith(PRIYA, priyas.private_metadata, PRIYA_TEXT);
    return { opened, cardTs, lost };
  };

  it('tells the agent who lost a Resolve race what happened, where they pressed, with their text', async () => {
    const { opened, lost } = await loseTheRace('Invoice export stops at row 1000');
    // The modal turns into the explanation, holding the text to post as a note.
    const view = (lost.json as { response_action: string; view: Record<string, unknown> }).view;
    expect(lost.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(view)).toContain(`Lena Vogt resolved ${opened.number} a moment ago.`);
    expect(view).toMatchObject({ callback_id: VIEWS.note });
    expect(JSON.stringify(view)).toContain(JSON.stringify(PRIYA_TEXT).slice(1, -1));
    // A copy in the triage channel where she pressed Resolve, only for her.
    const copy = await e2e.fake.waitFor('chat.postEphemeral', (c) => c.args.user === PRIYA);
    expect(copy.args.channel).toBe(TRIAGE);
    expect(String(copy.args.text)).toContain(`Lena Vogt resolved ${opened.number} a moment ago.`);
    expect(JSON.stringify(copy.args.blocks)).toContain('It ran &lt;twice&gt; &amp; then *worked*.');
    expect(JSON.stringify(copy.args.blocks)).toContain(ACTIONS.keptNote);
    // Resolved once, by Lena, with her resolution; nothing of Priya's was stored.
    const after = (await stored(opened.id))!;
    expect(after.events.filter((e) => e.type === 'resolved')).toHaveLength(1);
    expect(after.events.find((e) => e.type === 'resolved')?.actor.name).toBe('Lena Vogt');
    expect(after.resolution?.text).toBe(LENA_TEXT);
    expect(after.events.filter((e) => e.text === PRIYA_TEXT)).toHaveLength(0);
  });

  it('posts the kept text as an internal note from the explanation modal', async () => {
    const { opened, lost } = await loseTheRace('Invoice export drops the VAT column');
    const view = (lost.json as { view: { private_metadata: string } }).view;
    const posted = await e2e.post(
      'interaction',
      viewSubmission({
        user: PRIYA,
        callbackId: VIEWS.note,
        privateMetadata: view.private_metadata,
        values: { message: { value: stateValue.text(PRIYA_TEXT) } },
      }),
    );
    expect(posted.body).toBe('');
    const notes = (await stored(opened.id))!.events.filter((e) => e.type === 'note');
    expect(notes.map((n) => [n.text, n.actor.name])).toEqual([[PRIYA_TEXT, 'Priya Raman']]);
  });

  it('posts the kept text as one note from the copy’s button, and says so in its place', async () => {
    const { opened } = await loseTheRace('Invoice export repeats the header row');
    const copy = await e2e.fake.waitFor(
      'chat.postEphemeral',
      (c) => c.args.user === PRIYA && String(c.args.text).includes(opened.number),
    );
    const button = JSON.stringify(copy.args.blocks).match(/"value":"((?:[^"\\]|\\.)*)"/)!;
    const value = JSON.parse(`"${button[1]}"`) as string;
    const responseUrl = e2e.fake.responseUrl(`kept-${opened.number}`);
    // A double click: two presses of the one button on the one message.
    const press = () =>
      blockActions({
        actionId: ACTIONS.keptNote,
        value,
        channel: TRIAGE,
        user: PRIYA,
        responseUrl,
        messageTs: String(copy.response.message_ts),
      });
    await Promise.all([e2e.post('interaction', press()), e2e.post('interaction', press())]);
    const replaced = await e2e.fake.waitFor('response_url', (c) =>
      c.path.includes(`kept-${opened.number}`),
    );
    expect(replaced.args).toMatchObject({
      replace_original: true,
      text: `Posted as an internal note on ${opened.number}.`,
    });
    // Drained before counting: every press taken in has been processed.
    const inbox = e2e.app.core.connection.collection('inbox');
    const pending = { source: 'slack', state: { $ne: 'done' } } as never;
    await eventually(async () => ((await inbox.countDocuments(pending)) === 0 ? true : undefined));
    const notes = (await stored(opened.id))!.events.filter((e) => e.type === 'note');
    expect(notes.map((n) => n.text)).toEqual([PRIYA_TEXT]);
  });

  it('keeps a form the person can fix open, with the problem under its field', async () => {
    const { case: opened } = await e2e.openByMessage('Invoice export ignores the date filter');
    const card = e2e.posts(TRIAGE, (c) => String(c.args.text).includes(opened.number))[0]!;
    const form = await openForm(ACTIONS.resolve, opened.id, PRIYA, String(card.response.ts));
    const ephemeralsBefore = e2e.fake.callsTo('chat.postEphemeral').length;
    const refused = await e2e.post(
      'interaction',
      viewSubmission({
        user: PRIYA,
        callbackId: VIEWS.resolve,
        privateMetadata: form.private_metadata,
        values: {
          resolution_type: { value: stateValue.select('works-as-designed') },
          resolution_text: { value: stateValue.text('The filter applies to posting dates.') },
        },
      }),
    );
    expect(refused.json).toMatchObject({
      response_action: 'errors',
      errors: { doc_link: expect.stringMatching(/documentation/i) },
    });
    const after = (await stored(opened.id))!;
    expect(after.statusCategory).not.toBe('solved');
    expect(after.version).toBe(opened.version);
    expect(e2e.fake.callsTo('chat.postEphemeral')).toHaveLength(ephemeralsBefore);
  });

  it('tells the loser in their DM when the form was opened away from any channel', async () => {
    const { case: opened } = await e2e.openByMessage('Invoice export names the wrong month');
    await e2e.app.core.useCases.resolveCase({
      ref: { caseId: opened.id },
      actor: { kind: 'staff', agentId: 'ignored', role: 'lead', name: 'Lena Vogt' },
      resolution: { type: 'fixed', text: LENA_TEXT },
    });
    await eventually(async () =>
      (await stored(opened.id))?.statusCategory === 'solved' ? true : undefined,
    );
    // As from App Home: the form knows its case and nothing of a channel.
    await resolveWith(PRIYA, JSON.stringify({ caseId: opened.id }), PRIYA_TEXT);
    const dm = await e2e.fake.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === PRIYA && String(c.args.text).includes(opened.number),
    );
    expect(String(dm.args.text)).toContain(`Lena Vogt resolved ${opened.number}`);
    expect(JSON.stringify(dm.args.blocks)).toContain('Cleared the export cache.');
  });
});
