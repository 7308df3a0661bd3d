/**
 * The support commands typed to the bot in Teams (`help`, `new case`, `list`, `my cases`,
 * `show CASE-1042`, `kb QUESTION`): the grammar and the answers are src/presentation's, as for Slack's
 * `/support`; this file finds where the answer would be read and renders it as a message.
 * A message that is not a command in every word goes on as a message (it asks for help).
 */
import type { TurnContext } from 'botbuilder';
import type { TeamsDeps } from './deps.js';
import type { Config } from '../../src/config.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { Organization } from '../../src/domain/directory.js';
import type { AvailabilityBoard } from '../../src/presentation/availability-view.js';
import {
  ASK_PRIVATELY,
  isCommandHere,
  makeAnswerSupportCommand,
  mayAnswerHere,
  type AnswerPlace,
  type SupportAnswer,
} from '../../src/presentation/support-answers.js';
import {
  parseSupportCommand,
  type SupportCommand,
} from '../../src/presentation/support-commands.js';
import { makeOrganizationNames } from '../../src/presentation/case-list.js';
import { makeAnswerKbQuestion, type KbAnswer } from '../../src/presentation/kb-answers.js';
import { splitConversationId } from './conversation-store.js';
import { friendlyFailure } from './failures.js';
import { teamsAddress } from './identity.js';
import { timeZoneOf } from './time-zone.js';
import { showIntakeForm } from './intake-form.js';
import { escapeMessageText } from './render/thread-lines.js';
import { reportAdaptiveCard } from './render/report-card.js';
import { CARD_CONTENT_TYPE } from './render/card.js';
import { ASK_FOR_DESK_LINK_PRIVATELY } from '../../src/presentation/desk-sign-in.js';

export interface TeamsCommandDeps {
  readonly core: Pick<TeamsDeps, 'useCases' | 'directory' | 'kb' | 'desk'>;
  readonly config: Config;
  /** The playground's desk conversation: agents only, as a triage channel is. */
  readonly deskConversation?: string | undefined;
}

const safe = (text: string, max = 500) => escapeMessageText(text, max);

const STATE_MARKS = { available: '🟢', away: '⚪', 'off-hours': '🌙' } as const;

const renderBoard = (board: AvailabilityBoard): string[] => [
  `**${safe(board.title)}**`,
  ...board.queues.map((queue) =>
    [
      `_${safe(queue.title)}_`,
      queue.lines.length === 0
        ? safe(queue.empty)
        : queue.lines
            .map((l) => `- ${STATE_MARKS[l.state]} ${safe(l.name, 120)}: ${safe(l.words)}`)
            .join('\n'),
    ].join('\n\n'),
  ),
];

// Teams markdown: a blank line breaks a paragraph, `- ` starts a list item.
const render = (answer: SupportAnswer): string => {
  switch (answer.kind) {
    case 'help':
      return answer.lines.map((l) => `- **${safe(l.usage)}** — ${safe(l.description)}`).join('\n');
    case 'list': {
      const board = answer.availability ? renderBoard(answer.availability) : [];
      if (answer.cases.length === 0) return [answer.empty, ...board].join('\n\n');
      const lines = answer.cases.map(
        (c) =>
          `- **${c.number}** ${c.urgent ? '🔴 ' : ''}${safe(c.title, 200)} — ${c.details.map((d) => safe(d)).join(' · ')}`,
      );
      return [
        `**${safe(answer.heading)}**`,
        lines.join('\n'),
        ...(answer.more ? [`_${safe(answer.more)}_`] : []),
        ...board,
      ].join('\n\n');
    }
    case 'case':
      return [
        `**${answer.number}** ${safe(answer.title, 200)}`,
        `Status: ${safe(answer.status)} · Priority: ${safe(answer.priority)}${answer.assigneeName ? ` · ${safe(answer.assigneeName)}` : ''}`,
        answer.history
          .map(
            (h) =>
              `- ${h.when} ${safe(h.who, 120)}${h.internal ? ' 🔒 _(internal)_' : ''}: ${h.what}${h.text ? ` — ${safe(h.text)}` : ''}`,
          )
          .join('\n'),
      ].join('\n\n');
    case 'unknown-words':
    case 'status-set':
      return safe(answer.text);
    case 'rota':
      if (answer.queues.length === 0) return safe(answer.empty);
      return answer.queues
        .map((q) =>
          [`**${safe(q.title)}**`, q.lines.map((l) => `- ${safe(l)}`).join('\n')].join('\n\n'),
        )
        .join('\n\n');
    case 'refused':
      return friendlyFailure(answer.failure);
  }
};

/** A KB answer as Teams markdown: each article's title, solution, slug and links. */
const renderKbAnswer = (answer: KbAnswer): string =>
  [
    `**${safe(answer.heading)}**`,
    ...answer.articles.map((a) =>
      [
        `**${safe(a.title, 200)}**`,
        safe(a.solution, 1000),
        [`\`${a.slug}\``, ...a.docLinks.map((link) => safe(link))].join(' · '),
      ].join('\n\n'),
    ),
    ...(answer.none ? [`${safe(answer.none)} **new case**.`] : []),
  ].join('\n\n');

/** `report ...` as an Adaptive Card, `desk` as a link in the personal chat. */
const answerDeskCommand = async (
  context: TurnContext,
  deps: TeamsCommandDeps,
  actor: Actor,
  command: Extract<SupportCommand, { kind: 'report' | 'desk' }>,
): Promise<void> => {
  const reply = (markdown: string) =>
    context.sendActivity({ type: 'message', textFormat: 'markdown', text: markdown });
  const desk = deps.core.desk;
  if (!desk) {
    await reply('Reports and the desk page are not set up here.');
    return;
  }
  if (command.kind === 'desk') {
    const link = await desk.answerDeskLink(actor);
    await reply(
      link.kind === 'link'
        ? `[Open the desk page](${link.url})\n\n${safe(link.text)}`
        : safe(link.text),
    );
    return;
  }
  const report = await desk.answerReport(actor, command);
  if (report.kind === 'refused') {
    await reply(safe(report.text));
    return;
  }
  await context.sendActivity({
    type: 'message',
    // The card says it all; the summary is what a notification shows.
    summary: report.card.title,
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: reportAdaptiveCard(report.card) }],
  });
};

/** Who can read a reply here: the person alone, agents, one organization, or anyone. */
const placeOf = async (
  context: TurnContext,
  deps: TeamsCommandDeps,
  tenantOrganization: Organization | undefined,
): Promise<AnswerPlace> => {
  const conversation = context.activity.conversation;
  if (conversation.conversationType === 'personal') return { kind: 'private' };
  if (deps.deskConversation && conversation.id === deps.deskConversation) return { kind: 'staff' };
  const address = teamsAddress(splitConversationId(conversation.id).base);
  const queues = await deps.core.directory.listQueues();
  if (
    conversation.conversationType === 'channel' &&
    queues.some((q) => q.triageChannel === address)
  )
    return { kind: 'staff' };
  const mapped = deps.config.supportChannels.find((c) => c.channel === address);
  const organization = mapped
    ? await deps.core.directory.findOrganizationByKey(mapped.organization)
    : tenantOrganization;
  return organization
    ? { kind: 'organization', organizationId: organization.id }
    : { kind: 'shared' };
};

/**
 * Answers `text` when it is a support command; false when it is not one (the caller goes
 * on with it as a message). Never opens a case.
 */
export const answerTeamsCommand = async (
  context: TurnContext,
  deps: TeamsCommandDeps,
  actor: Actor,
  text: string,
  tenantOrganization?: Organization,
): Promise<boolean> => {
  const command = parseSupportCommand(text, 'message', deps.config.workflow);
  if (!command) return false;
  if (command.kind === 'new') {
    await showIntakeForm(context, deps, actor, command.forEmail);
    return true;
  }
  const place = await placeOf(context, deps, tenantOrganization);
  if (!isCommandHere(command, place)) return false;
  if (!mayAnswerHere(actor, command, place)) {
    await context.sendActivity(
      command.kind === 'desk' ? ASK_FOR_DESK_LINK_PRIVATELY : ASK_PRIVATELY,
    );
    return true;
  }
  const reply = (markdown: string) =>
    context.sendActivity({ type: 'message', textFormat: 'markdown', text: markdown });
  if (command.kind === 'report' || command.kind === 'desk') {
    await answerDeskCommand(context, deps, actor, command);
    return true;
  }
  if (command.kind === 'kb') {
    const found = await makeAnswerKbQuestion(deps.core.kb.useCases)(actor, command.question);
    await reply(found.ok ? renderKbAnswer(found.value) : friendlyFailure(found));
    return true;
  }
  const answer = makeAnswerSupportCommand({
    listCases: deps.core.useCases.listCases,
    getCase: deps.core.useCases.getCase,
    organizationNames: makeOrganizationNames((id) => deps.core.directory.getOrganization(id)),
    workflow: deps.config.workflow,
    priorityLabels: deps.config.priorities.labels,
    setAvailability: deps.core.useCases.setAvailability,
    showRota: deps.core.useCases.showRota,
    listAvailability: deps.core.useCases.listAvailability,
    timeZone: timeZoneOf(context.activity),
  });
  await reply(render(await answer(actor, command, 'message')));
  return true;
};
