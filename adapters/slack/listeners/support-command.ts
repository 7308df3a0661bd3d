import type { App, RespondFn } from '@slack/bolt';
import type { Actor } from '../../../src/domain/case/types.js';
import type { CaseListFilter } from '../../../src/ports/case-repository.js';
import type { SlackContext } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { SLASH_COMMANDS } from '../registry.js';
import { escapeMrkdwn } from '../render/escape.js';
import { openNewCaseModal } from './intake.js';
import { answerKbSearch } from './kb.js';

const HELP = [
  '*/support new* — open a case with a form',
  '*/support list* [status] [mine | queue NAME | org NAME] — cases, urgent first',
  '*/support show* CASE-1042 — one case and its public history',
  '*/support kb* QUESTION — knowledge-base articles that may answer it',
].join('\n');

const line = (c: {
  number: string;
  priority: string;
  status: string;
  title: string;
  assigneeName?: string;
}) =>
  `• *${c.number}* ${c.priority === 'urgent' ? ':red_circle: ' : ''}${escapeMrkdwn(c.title)} — ${escapeMrkdwn(c.status)}${c.assigneeName ? `, ${escapeMrkdwn(c.assigneeName)}` : ''}`;

/** `list [status] [mine|queue NAME|org NAME]` → a filter; customers are scoped by the use case. */
const listFilter = (
  words: readonly string[],
  actor: Actor,
): Partial<CaseListFilter> & { status?: string } => {
  const filter: Record<string, string> = {};
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === 'mine' && actor.kind === 'staff') filter.assigneeId = actor.agentId;
    else if (word === 'queue' && words[i + 1]) filter.queueKey = words[++i]!;
    else if (word === 'org' && words[i + 1]) filter.organizationKey = words[++i]!;
    else filter.status = word;
  }
  return filter;
};

const list = async (ctx: SlackContext, actor: Actor, words: string[], respond: RespondFn) => {
  const result = await ctx.core.useCases.listCases({
    actor,
    ...listFilter(words, actor),
    categories: words.length ? undefined : ['new', 'open', 'pending-customer', 'pending-internal'],
    limit: 30,
  });
  if (!result.ok) return respond({ response_type: 'ephemeral', text: friendlyFailure(result) });
  const { cases, total } = result.value;
  const more =
    total > cases.length
      ? [
          `_Showing ${cases.length} of ${total.toLocaleString('en')}: narrow it with a status, mine, queue or org._`,
        ]
      : [];
  const text = cases.length ? [...cases.map(line), ...more].join('\n') : 'No cases match.';
  return respond({ response_type: 'ephemeral', text });
};

const show = async (
  ctx: SlackContext,
  actor: Actor,
  number: string | undefined,
  respond: RespondFn,
) => {
  const result = await ctx.core.useCases.getCase({ ref: { caseNumber: number ?? '' }, actor });
  if (!result.ok) return respond({ response_type: 'ephemeral', text: friendlyFailure(result) });
  const c = result.value.case;
  const history = c.events
    .slice(-15)
    .map(
      (e) =>
        `${e.at.toISOString().slice(0, 16).replace('T', ' ')} ${escapeMrkdwn(e.actor.name)}${e.visibility === 'internal' ? ' _(internal)_' : ''}: ${e.type}${e.text ? ` — ${escapeMrkdwn(e.text.slice(0, 200))}` : ''}`,
    );
  const text = [
    `*${c.number}* ${escapeMrkdwn(c.title)}`,
    `Status: ${escapeMrkdwn(c.status)} · Priority: ${c.priority}${c.assigneeName ? ` · ${escapeMrkdwn(c.assigneeName)}` : ''}`,
    ...history,
  ].join('\n');
  return respond({ response_type: 'ephemeral', text });
};

/** `/support`: acknowledged at once; every answer is ephemeral. */
export const registerSupportCommand = (app: App, ctx: SlackContext): void => {
  app.command(SLASH_COMMANDS.support, async ({ ack, command, respond, client }) => {
    await ack();
    const [sub = 'help', ...words] = command.text.trim().split(/\s+/).filter(Boolean);
    const actor = await ctx.actorOf({ teamId: command.team_id, userId: command.user_id });
    if (!actor) {
      await respond({
        response_type: 'ephemeral',
        text: "We don't have you on file yet. Ask your account manager to add you as a contact.",
      });
      return;
    }
    if (sub === 'new')
      return openNewCaseModal(ctx, client, {
        triggerId: command.trigger_id,
        actor,
        channel: command.channel_id,
      });
    if (sub === 'list') return void (await list(ctx, actor, words, respond));
    if (sub === 'show') return void (await show(ctx, actor, words[0], respond));
    if (sub === 'kb') return void (await answerKbSearch(ctx, actor, words.join(' '), respond));
    await respond({ response_type: 'ephemeral', text: HELP });
  });
};
