import type {
  App,
  BlockAction,
  ButtonAction,
  BlockSuggestion,
  GlobalShortcut,
  MessageShortcut,
  SlackShortcut,
  ViewSubmitAction,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { PRIORITIES } from '../../../src/domain/priority.js';
import type { Actor } from '../../../src/domain/case/types.js';
import { contactOnBehalf } from '../../shared/on-behalf.js';
import type { SlackContext } from '../context.js';
import { tellUser, userOfPayload } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { slackAddress } from '../identity.js';
import { ACTIONS, OPTIONS, SHORTCUTS, VIEWS } from '../registry.js';
import { INPUTS, newCaseModal, viewErrors } from '../render/modals.js';
import { readFiles, readInput, readMetadata } from './view-state.js';
import { titleOf } from '../../../src/use-cases/receive-chat-message.js';

const installationChoices = async (ctx: SlackContext, actor: Actor) => {
  if (actor.kind !== 'customer') return [];
  const installations = await ctx.core.directory.listInstallations(actor.organizationId);
  return installations.map((i) => ({
    id: i.id,
    productKey: i.productKey,
    label: `${i.productKey} ${i.version} (${i.environment})`,
  }));
};

/** The modules of every product the customer runs, for the form's module menu. */
const moduleChoices = async (
  ctx: SlackContext,
  productKeys: readonly string[],
): Promise<string[]> => {
  const products = await Promise.all(
    [...new Set(productKeys)].map((key) => ctx.core.directory.findProductByKey(key)),
  );
  return [...new Set(products.flatMap((p) => p?.modules ?? []))].sort();
};

/** Opens the intake form; where it was opened from rides along for the card. */
export const openNewCaseModal = async (
  ctx: SlackContext,
  client: WebClient,
  args: { triggerId: string; actor: Actor; channel?: string | undefined },
): Promise<void> => {
  const installations = await installationChoices(ctx, args.actor);
  const modules = await moduleChoices(
    ctx,
    installations.map((i) => i.productKey),
  );
  const priorities = PRIORITIES.map((value) => ({
    value,
    label: ctx.config.priorities.labels[value],
  }));
  await client.views.open({
    trigger_id: args.triggerId,
    view: newCaseModal({
      installations,
      priorities,
      modules,
      useExternalSelect: installations.length > 100,
      defaultPriority: ctx.config.priorities.default,
      onBehalf: args.actor.kind === 'staff',
      metadata: args.channel ? { channel: args.channel } : {},
    }),
  });
};

// Zod paths of openCase map onto the form's blocks, so errors show under their field.
const FIELD_BLOCKS: Readonly<Record<string, string>> = {
  title: INPUTS.title.block,
  description: INPUTS.description.block,
  impact: INPUTS.impact.block,
  expectation: INPUTS.expectation.block,
  priority: INPUTS.priority.block,
};

const fieldErrors = (message: string): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const part of message.split('; ')) {
    const [field, ...rest] = part.split(': ');
    const block = field ? FIELD_BLOCKS[field] : undefined;
    errors[block ?? INPUTS.title.block] = block ? rest.join(': ') : part;
  }
  return errors;
};

/** The contact an agent names in the form, and how they reached us. */
const onBehalfOf = async (
  ctx: SlackContext,
  view: ViewSubmitAction['view'],
): ReturnType<typeof contactOnBehalf> =>
  contactOnBehalf(
    ctx.core.directory,
    readInput(view, INPUTS.contactEmail),
    readInput(view, INPUTS.reachedBy),
  );

const registerNewCaseSubmission = (app: App, ctx: SlackContext): void => {
  app.view<ViewSubmitAction>(VIEWS.newCase, async ({ ack, view, body, context }) => {
    const actor = await ctx.actorOf(userOfPayload(body));
    if (!actor || actor.kind === 'system') {
      await ack(viewErrors({ [INPUTS.title.block]: 'We could not tell who you are.' }));
      return;
    }
    // Agents open cases for customers who phoned or emailed; customers for themselves.
    const behalf = actor.kind === 'staff' ? await onBehalfOf(ctx, view) : undefined;
    if (behalf && 'error' in behalf) {
      await ack(viewErrors({ [INPUTS.contactEmail.block]: behalf.error }));
      return;
    }
    const channel = readMetadata(view).channel;
    const files = readFiles(view, INPUTS.files);
    const description = readInput(view, INPUTS.description) ?? '';
    const result = await ctx.core.useCases.openCase({
      actor,
      ...(behalf ? { contactId: behalf.contactId } : {}),
      intakeKey: `slack:view:${view.id}`,
      title: readInput(view, INPUTS.title) ?? '',
      description: files.length ? `${description}\n\nFiles: ${files.join(', ')}` : description,
      impact: readInput(view, INPUTS.impact),
      expectation: readInput(view, INPUTS.expectation),
      priority: readInput(view, INPUTS.priority),
      installationId: readInput(view, INPUTS.installation),
      module: readInput(view, INPUTS.module),
      // A form-opened case's card goes to the channel it came from, else a DM; one taken
      // by phone or email has no customer conversation in Slack.
      origin: behalf
        ? { channel: behalf.reachedBy }
        : {
            channel: 'slack',
            address: slackAddress(channel ?? body.user.id),
            ...(context.teamId ? { workspace: context.teamId } : {}),
          },
    });
    if (result.ok) return void (await ack());
    await ack(
      result.code === 'invalid-input'
        ? viewErrors(fieldErrors(result.message))
        : viewErrors({ [INPUTS.title.block]: result.message }),
    );
  });
};

export const registerIntake = (app: App, ctx: SlackContext): void => {
  app.shortcut<GlobalShortcut>(SHORTCUTS.newCase, async ({ ack, shortcut, client }) => {
    await ack();
    const actor = await ctx.actorOf({
      teamId: shortcut.user.team_id ?? shortcut.team?.id,
      userId: shortcut.user.id,
    });
    if (!actor) return;
    await openNewCaseModal(ctx, client, { triggerId: shortcut.trigger_id, actor });
  });
  // The "Open a case" button on the App Home.
  app.action<BlockAction<ButtonAction>>(ACTIONS.openCase, async ({ ack, body, client }) => {
    await ack();
    const actor = await ctx.actorOf(userOfPayload(body));
    if (actor) await openNewCaseModal(ctx, client, { triggerId: body.trigger_id, actor });
  });
  app.shortcut<MessageShortcut>(
    SHORTCUTS.caseFromMessage,
    async ({ ack, shortcut, client, context }) => {
      await ack();
      await caseFromMessage(ctx, client, shortcut, context.teamId);
    },
  );
  app.options<'block_suggestion'>(OPTIONS.installation, async ({ ack, body }) => {
    const suggestion = body as BlockSuggestion;
    const actor = await ctx.actorOf({
      teamId: suggestion.user.team_id ?? suggestion.team?.id,
      userId: suggestion.user.id,
    });
    const query = suggestion.value.toLowerCase();
    const choices = actor ? await installationChoices(ctx, actor) : [];
    await ack({
      options: choices
        .filter((c) => c.label.toLowerCase().includes(query))
        .slice(0, 100)
        .map((c) => ({
          text: { type: 'plain_text' as const, text: c.label.slice(0, 75) },
          value: c.id,
        })),
    });
  });
  registerNewCaseSubmission(app, ctx);
};

/** The message shortcut: whoever wrote the message is the requester. */
const caseFromMessage = async (
  ctx: SlackContext,
  client: WebClient,
  shortcut: SlackShortcut & MessageShortcut,
  workspace: string | undefined,
) => {
  const author = shortcut.message.user;
  const presser = await ctx.actorOf({
    teamId: shortcut.user.team_id ?? shortcut.team?.id,
    userId: shortcut.user.id,
  });
  const requester = author
    ? await ctx.actorOf({
        teamId: shortcut.message.user_team ?? shortcut.message.team ?? shortcut.team?.id,
        userId: author,
      })
    : undefined;
  const contactActor =
    requester?.kind === 'customer' ? requester : presser?.kind === 'customer' ? presser : undefined;
  if (!presser || !contactActor) {
    await tellUser(
      client,
      shortcut.channel.id,
      shortcut.user.id,
      ':warning: This message is not from a customer we have on file, so no case was opened.',
    );
    return;
  }
  const text = shortcut.message.text ?? '';
  const result = await ctx.core.useCases.openCase({
    actor: presser,
    ...(presser.kind === 'staff' ? { contactId: contactActor.contactId } : {}),
    intakeKey: `slack:${shortcut.channel.id}:${shortcut.message.ts}`,
    title: titleOf(text),
    description: text,
    origin: {
      channel: 'slack',
      address: slackAddress(shortcut.channel.id),
      messageId: shortcut.message.ts,
      ...(workspace ? { workspace } : {}),
    },
  });
  if (!result.ok)
    await tellUser(client, shortcut.channel.id, shortcut.user.id, friendlyFailure(result));
};
