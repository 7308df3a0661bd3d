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
import type { Actor } from '../../../src/domain/case/types.js';
import { INTAKE_FIELD_IDS, makeIntakeForm } from '../../../src/presentation/intake-form.js';
import {
  contactOnBehalf,
  openCaseFields,
  type IntakeValues,
} from '../../../src/presentation/intake-submission.js';
import type { SlackContext } from '../context.js';
import { tellUser, userOfPayload } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { slackAddress } from '../identity.js';
import { ACTIONS, OPTIONS, SHORTCUTS, VIEWS } from '../registry.js';
import { INPUTS, INTAKE_INPUTS, newCaseModal, viewErrors } from '../render/modals.js';
import { readFiles, readInput, readMetadata } from './view-state.js';
import { titleOf } from '../../../src/use-cases/receive-chat-message.js';

/** The form this person gets (src/presentation/intake-form.ts). */
const formFor = (ctx: SlackContext, actor: Actor) =>
  makeIntakeForm({
    listInstallations: (id) => ctx.core.directory.listInstallations(id),
    findProductByKey: (key) => ctx.core.directory.findProductByKey(key),
    priorities: ctx.config.priorities,
  })(actor);

/** The installations a person may pick, for the menu Slack fills as they type. */
const installationChoices = async (ctx: SlackContext, actor: Actor) => {
  const form = await formFor(ctx, actor);
  const field = form?.fields.find((f) => f.id === 'installationId');
  return field?.kind === 'choice' ? field.options : [];
};

/** Opens the intake form; where it was opened from rides along for the card. */
export const openNewCaseModal = async (
  ctx: SlackContext,
  client: WebClient,
  args: { triggerId: string; actor: Actor; channel?: string | undefined },
): Promise<void> => {
  const form = await formFor(ctx, args.actor);
  if (!form) return;
  await client.views.open({
    trigger_id: args.triggerId,
    view: newCaseModal({
      form,
      useExternalSelect: false,
      metadata: args.channel ? { channel: args.channel } : {},
    }),
  });
};

/** A submission's values by the form's field ids. */
const valuesOf = (view: ViewSubmitAction['view']): IntakeValues =>
  Object.fromEntries(
    INTAKE_FIELD_IDS.map((id) => [id, readInput(view, INTAKE_INPUTS[id])] as const),
  );

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

const registerNewCaseSubmission = (app: App, ctx: SlackContext): void => {
  app.view<ViewSubmitAction>(VIEWS.newCase, async ({ ack, view, body, context }) => {
    const actor = await ctx.actorOf(userOfPayload(body));
    if (!actor || actor.kind === 'system') {
      await ack(viewErrors({ [INPUTS.title.block]: 'We could not tell who you are.' }));
      return;
    }
    const values = valuesOf(view);
    // Agents open cases for customers who phoned or emailed; customers for themselves.
    const behalf =
      actor.kind === 'staff'
        ? await contactOnBehalf((email) => ctx.core.directory.findContactByEmail(email), values)
        : undefined;
    if (behalf && 'error' in behalf) {
      await ack(viewErrors({ [INPUTS.contactEmail.block]: behalf.error }));
      return;
    }
    const channel = readMetadata(view).channel;
    const result = await ctx.core.useCases.openCase({
      actor,
      ...(behalf ? { contactId: behalf.contactId } : {}),
      intakeKey: `slack:view:${view.id}`,
      ...openCaseFields(values, readFiles(view, INPUTS.files)),
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
          value: c.value,
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
