/**
 * The satisfaction survey in Teams, over HTTP (real outbox, real database, fake connector):
 * asked in the requester's chat after the close, answered once with the comment typed on
 * the card, a double press ignored, a low score told to the queue (its lead has no Teams
 * account here, so the triage channel hears it).
 */
import { cardAction } from '../support/teams/activities.js';
import { teamsTestConfig } from '../support/teams/app-under-test.js';
import {
  cardOf,
  DESK_CHANNEL,
  eventually,
  TEAMS_AGENT,
  TEAMS_CUSTOMER,
  useTeamsE2E,
  verbsIn,
} from '../support/teams/e2e.js';
import type { ConnectorCall } from '../support/teams/fake-connector.js';

const LEAD = { kind: 'staff', agentId: 'lead-1', role: 'lead', name: 'Tomás Herrera' } as const;

const e2e = useTeamsE2E({
  CASELINE_CONFIG: teamsTestConfig((config) => {
    const queues = (config as { queues: { key: string; managerEmail?: string }[] }).queues;
    for (const queue of queues) delete queue.managerEmail;
    return { ...config, csat: { send: 'every', delayMinutes: 0, lowScoreAtMost: 2 } };
  }),
});

/** A card as text, with the markdown escapes taken out. */
const textOf = (value: unknown) => JSON.stringify(value).replaceAll('\\\\', '');

type Opened = Awaited<ReturnType<typeof e2e.openCase>>;

const closedCase = async (text: string): Promise<Opened> => {
  const opened = await e2e.openCase(text);
  const ref = { caseId: opened.case.id };
  await e2e.app.core.useCases.resolveCase({
    ref,
    actor: LEAD,
    resolution: { type: 'fixed', text: 'Cleared the till cache.' },
  });
  await eventually(async () =>
    (await e2e.app.core.cases.findById(opened.case.id))?.resolutionSentAt ? true : undefined,
  );
  const closed = await e2e.app.core.useCases.closeCase({ ref, actor: LEAD });
  if (!closed.ok) throw new Error(closed.message);
  return opened;
};

const surveyOf = (opened: Opened) =>
  e2e.connector.waitFor(
    (c) =>
      c.method === 'POST' &&
      c.status === 200 &&
      c.conversationId === opened.conversation.id &&
      verbsIn(c.body).includes('csatAnswer'),
  );

const answerValue = (survey: ConnectorCall, score: number): string => {
  const actions = (cardOf(survey).actions ?? []) as { data?: { answer?: string } }[];
  return actions.map((a) => a.data?.answer ?? '').find((v) => v.endsWith(`|${score}`))!;
};

const press = async (
  opened: Opened,
  survey: ConnectorCall,
  score: number,
  comment = '',
  from: { id: string; name: string; aadObjectId?: string } = TEAMS_CUSTOMER,
) => {
  const sent = await e2e.post(
    cardAction(e2e.connector.url, {
      from,
      conversation: opened.conversation,
      verb: 'csatAnswer',
      data: { answer: answerValue(survey, score), csatComment: comment },
      replyToId: survey.postedId!,
    }),
  );
  expect(sent.status).toBe(200);
  return { text: textOf(sent.body?.value), type: sent.body?.type };
};

const answersOf = async (caseId: string) =>
  (await e2e.app.core.cases.findById(caseId))!.events.filter((e) => e.type === 'csat-answered');

describe('Teams: satisfaction survey', () => {
  it('asks after the close, records one answer, and ignores a second press', async () => {
    const opened = await closedCase('The till freezes when a voucher is scanned');
    const survey = await surveyOf(opened);
    expect(textOf(cardOf(survey).body)).toContain(`How did we do on ${opened.case.number}?`);
    // Someone else's press is refused to them alone: the question stays on the card.
    const other = await press(opened, survey, 1, '', TEAMS_AGENT);
    expect(other).toEqual({
      type: 'application/vnd.microsoft.activity.message',
      text: expect.stringContaining('Only the person who asked'),
    });
    expect((await press(opened, survey, 4, 'Friendly and quick')).text).toContain(
      `You rated ${opened.case.number} 4 of 5`,
    );
    expect((await press(opened, survey, 2)).text).toContain('We already have your answer');
    const answers = await answersOf(opened.case.id);
    expect(answers.map((e) => [e.data?.score, e.text])).toEqual([[4, 'Friendly and quick']]);
  });

  it('tells the queue of a low score, with the comment', async () => {
    const opened = await closedCase('The till prints receipts twice');
    const survey = await surveyOf(opened);
    await press(opened, survey, 1, 'Nobody called back');
    const told = await e2e.connector.waitFor(
      (c) =>
        c.method === 'POST' &&
        c.conversationId.startsWith(DESK_CHANNEL) &&
        textOf(c.body).includes('rated it 1 of 5'),
    );
    expect(textOf(told.body)).toContain('Nobody called back');
  });
});
