/**
 * A case form the use case refused. What the form can fix stays in it as field errors;
 * anything else (a colleague resolved the case a moment ago, a role that may not) turns the
 * modal into the explanation with the person's text, and a copy goes to the channel they
 * pressed the button in (else their DM) with a button that keeps the text as a note.
 */
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackViewMiddlewareArgs,
  ViewOutput,
} from '@slack/bolt';
import { z } from 'zod';
import type { Actor } from '../../../src/domain/case/types.js';
import type { RefusalExplanation, WrittenAction } from '../../../src/domain/case/refusal.js';
import type { Failure } from '../../../src/domain/result.js';
import { refusalText } from '../../shared/words.js';
import type { SlackContext } from '../context.js';
import { tellUser, userOfPayload } from '../context.js';
import { friendlyFailure } from '../failures.js';
import { ACTIONS, VIEWS } from '../registry.js';
import { INPUTS, type InputRef, type ViewErrorsResponse } from '../render/modals.js';
import { keptNotePosted, refusalMessage, refusalModal } from '../render/refusal.js';
import { readInput, readMetadata } from './view-state.js';

/** Which case action each form is, and the inputs that hold what the person wrote. */
const FORMS: Readonly<Record<string, { action: WrittenAction; kept: readonly InputRef[] }>> = {
  [VIEWS.reply]: { action: 'reply', kept: [INPUTS.message] },
  [VIEWS.note]: { action: 'note', kept: [INPUTS.message] },
  [VIEWS.addDetails]: { action: 'add-details', kept: [INPUTS.message] },
  [VIEWS.resolve]: { action: 'resolve', kept: [INPUTS.resolutionText, INPUTS.docLink] },
  [VIEWS.logTime]: { action: 'log-time', kept: [INPUTS.message] },
  [VIEWS.linkIssue]: { action: 'link-issue', kept: [INPUTS.issueUrl, INPUTS.issueTitle] },
  [VIEWS.createTask]: { action: 'create-task', kept: [INPUTS.taskTitle, INPUTS.handover] },
};

/** Where the button that opened a form was, for the form's answer to go back there. */
export const placeOf = (body: BlockAction): Record<string, string> => {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const ts = body.message?.ts ?? body.container?.message_ts;
  return { ...(channel ? { channel } : {}), ...(ts ? { ts } : {}) };
};

const keptTextOf = (view: ViewOutput, refs: readonly InputRef[]): string | undefined =>
  refs
    .map((ref) => readInput(view, ref))
    .filter((text): text is string => text !== undefined)
    .join('\n\n') || undefined;

/**
 * Answers a refused submission: `inline` are the field errors for it, when the form has a
 * field the refusal belongs to. The ack carries the answer; the copy follows it.
 */
export const answerRefusal = async (args: {
  readonly ctx: SlackContext;
  readonly client: AllMiddlewareArgs['client'];
  readonly ack: SlackViewMiddlewareArgs['ack'];
  readonly view: ViewOutput;
  readonly user: string;
  readonly caseId: string;
  readonly actor: Actor;
  readonly failure: Failure;
  readonly inline: ViewErrorsResponse | undefined;
}): Promise<void> => {
  const { ctx, view, failure, caseId } = args;
  const form = FORMS[view.callback_id];
  const metadata = readMetadata(view);
  const explained: RefusalExplanation | undefined = form
    ? await ctx.core.useCases
        .explainRefusal({
          ref: { caseId },
          actor: args.actor,
          action: form.action,
          failure: { code: failure.code, message: refusalText(failure) },
          text: keptTextOf(view, form.kept),
        })
        .then((result) => (result.ok ? result.value : undefined))
    : undefined;
  // Without an explanation the field errors are still the best answer for a field's problem.
  if (args.inline && (explained?.formCanFix ?? true)) return args.ack(args.inline);
  if (!explained) {
    await args.ack();
    return tellUser(args.client, metadata.channel, args.user, friendlyFailure(failure));
  }
  // The modal itself changes: a closing modal reads as success, which is what lost the text.
  await args.ack({ response_action: 'update', view: refusalModal(explained, metadata) });
  await tellUser(args.client, metadata.channel, args.user, refusalMessage(explained, caseId));
};

const keptNoteSchema = z.object({ caseId: z.string().min(1), text: z.string().min(1) });

const parseKept = (value: string | undefined) => {
  try {
    const parsed = keptNoteSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** The copy's "Post as internal note", and the refusal modal (which has nothing to submit). */
export const registerRefusals = (app: App, ctx: SlackContext): void => {
  app.action<BlockAction<ButtonAction>>(
    ACTIONS.keptNote,
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const kept = parseKept(action.value);
      const actor = await ctx.actorOf(userOfPayload(body));
      const channel = placeOf(body).channel;
      if (!kept || !actor) {
        const failure = {
          ok: false,
          code: 'not-allowed',
          message: 'We do not know you yet.',
        } as const;
        return tellUser(client, channel, body.user.id, friendlyFailure(failure));
      }
      const posted = await ctx.core.useCases.addInternalNote({
        ref: { caseId: kept.caseId },
        actor,
        text: kept.text,
      });
      // Replacing the copy takes its button away, so one press is one note.
      if (posted.ok)
        return void (await respond({
          replace_original: true,
          ...keptNotePosted(posted.value.case.number),
        }));
      await tellUser(client, channel, body.user.id, friendlyFailure(posted));
    },
  );
  app.view(VIEWS.refusal, async ({ ack }) => {
    await ack();
  });
};
