import type { App, RespondFn } from '@slack/bolt';
import {
  makeAnswerSupportCommand,
  type SupportAnswer,
} from '../../../src/presentation/support-answers.js';
import { parseSupportCommand } from '../../../src/presentation/support-commands.js';
import { isTimeZone } from '../../../src/domain/directory.js';
import { makeOrganizationNames } from '../../../src/presentation/case-list.js';
import type { SlackContext } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { SLASH_COMMANDS } from '../registry.js';
import { escapeMrkdwn } from '../render/escape.js';
import { reportCardMessage } from '../render/report-card.js';
import { openNewCaseModal } from './intake.js';
import { answerKbSearch } from './kb.js';

/** A support answer as ephemeral mrkdwn. */
const render = (answer: SupportAnswer): string => {
  switch (answer.kind) {
    case 'help':
      return answer.lines
        .map((l) => `*${SLASH_COMMANDS.support} ${l.usage}* — ${escapeMrkdwn(l.description)}`)
        .join('\n');
    case 'list': {
      if (answer.cases.length === 0) return answer.empty;
      const lines = answer.cases.map(
        (c) =>
          `• *${c.number}* ${c.urgent ? ':red_circle: ' : ''}${escapeMrkdwn(c.title)} — ${c.details.map(escapeMrkdwn).join(' · ')}`,
      );
      return [
        `*${escapeMrkdwn(answer.heading)}*`,
        ...lines,
        ...(answer.more ? [`_${answer.more}_`] : []),
      ].join('\n');
    }
    case 'case':
      return [
        `*${answer.number}* ${escapeMrkdwn(answer.title)}`,
        `Status: ${escapeMrkdwn(answer.status)} · Priority: ${escapeMrkdwn(answer.priority)}${answer.assigneeName ? ` · ${escapeMrkdwn(answer.assigneeName)}` : ''}`,
        ...answer.history.map(
          (h) =>
            `${h.when} ${escapeMrkdwn(h.who)}${h.internal ? ' _(internal)_' : ''}: ${h.what}${h.text ? ` — ${escapeMrkdwn(h.text)}` : ''}`,
        ),
      ].join('\n');
    case 'unknown-words':
    case 'status-set':
      return escapeMrkdwn(answer.text);
    case 'rota':
      if (answer.queues.length === 0) return escapeMrkdwn(answer.empty);
      return answer.queues
        .map((q) =>
          [`*${escapeMrkdwn(q.title)}*`, ...q.lines.map((l) => `• ${escapeMrkdwn(l)}`)].join('\n'),
        )
        .join('\n\n');
    case 'refused':
      return friendlyFailure(answer.failure);
  }
};

/** `/support`: acknowledged at once; every answer is ephemeral. */
export const registerSupportCommand = (app: App, ctx: SlackContext): void => {
  const reply = async (respond: RespondFn, text: string): Promise<void> => {
    await respond({ response_type: 'ephemeral', text });
  };
  app.command(SLASH_COMMANDS.support, async ({ ack, command, respond, client }) => {
    await ack();
    const actor = await ctx.actorOf({ teamId: command.team_id, userId: command.user_id });
    if (!actor) {
      await reply(
        respond,
        "We don't have you on file yet. Ask your account manager to add you as a contact.",
      );
      return;
    }
    const asked = parseSupportCommand(command.text, 'slash', ctx.config.workflow);
    if (asked.kind === 'new')
      return openNewCaseModal(ctx, client, {
        triggerId: command.trigger_id,
        actor,
        channel: command.channel_id,
      });
    if (asked.kind === 'kb') return answerKbSearch(ctx, actor, asked.question, respond);
    if (asked.kind === 'report' || asked.kind === 'desk') {
      const desk = ctx.core.desk;
      if (!desk) return reply(respond, 'Reports and the desk page are not set up here.');
      if (asked.kind === 'desk') {
        const link = await desk.answerDeskLink(actor);
        // No unfurl: a preview fetches the link, and the link is for the asker's browser.
        await respond({
          response_type: 'ephemeral',
          text:
            link.kind === 'link'
              ? `<${link.url}|Open the desk page>\n${escapeMrkdwn(link.text)}`
              : escapeMrkdwn(link.text),
          unfurl_links: false,
          unfurl_media: false,
        });
        return;
      }
      const report = await desk.answerReport(actor, asked);
      if (report.kind === 'refused') return reply(respond, escapeMrkdwn(report.text));
      await respond({ response_type: 'ephemeral', ...reportCardMessage(report.card) });
      return;
    }
    // Slack sends no zone with a command; `away until DATE` needs the person's own.
    const timeZone =
      asked.kind === 'away'
        ? await client.users
            .info({ user: command.user_id })
            .then((found) => found.user?.tz)
            .catch(() => undefined)
        : undefined;
    const answer = makeAnswerSupportCommand({
      listCases: ctx.core.useCases.listCases,
      getCase: ctx.core.useCases.getCase,
      organizationNames: makeOrganizationNames((id) => ctx.core.directory.getOrganization(id)),
      workflow: ctx.config.workflow,
      priorityLabels: ctx.config.priorities.labels,
      setAvailability: ctx.core.useCases.setAvailability,
      showRota: ctx.core.useCases.showRota,
      timeZone: timeZone && isTimeZone(timeZone) ? timeZone : undefined,
    });
    await reply(respond, render(await answer(actor, asked, 'slash')));
  });
};
