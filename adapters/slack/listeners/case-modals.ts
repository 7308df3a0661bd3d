import type { App, ViewSubmitAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { Failure, Result } from '../../../src/domain/result.js';
import type { SlackContext } from '../context.js';
import { userOfPayload } from '../context.js';
import { VIEWS } from '../registry.js';
import {
  addDetailsModal,
  createTaskModal,
  INPUTS,
  linkIssueModal,
  logTimeModal,
  noteModal,
  replyModal,
  resolveModal,
  viewErrors,
} from '../render/modals.js';
import { encodeMetadata } from '../render/modal-inputs.js';
import { answerRefusal, placeOf, registerRefusals } from './refusals.js';
import type { CasePress } from './case-press.js';
import { readInput, readMetadata } from './view-state.js';
import { citableArticles } from '../../../src/presentation/resolve-form.js';

export type FormAction =
  'reply' | 'note' | 'resolve' | 'logTime' | 'linkIssue' | 'createTask' | 'addDetails';

const MODAL_FOR: Readonly<Record<FormAction, (caseId: string) => ModalView>> = {
  reply: replyModal,
  note: noteModal,
  resolve: resolveModal,
  logTime: logTimeModal,
  linkIssue: linkIssueModal,
  createTask: createTaskModal,
  addDetails: addDetailsModal,
};

/** A press that opens its form; where the button was rides along, for a later refusal. */
const opening =
  (build: (caseId: string) => ModalView): CasePress =>
  async ({ caseId, body, client }) => {
    const metadata = encodeMetadata({ caseId, ...placeOf(body) });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: { ...build(caseId), private_metadata: metadata },
    });
  };

/**
 * Resolve offers the articles the case may cite; read just before opening (one read by
 * `_id`, well inside the 3 s a trigger id lives). A reader who may not see the case gets
 * the form without them: the resolve itself refuses as usual.
 */
const openingResolve =
  (ctx: SlackContext): CasePress =>
  async (press) => {
    const actor = await ctx.actorOf(userOfPayload(press.body));
    const found = actor
      ? await ctx.core.useCases.getCase({ ref: { caseId: press.caseId }, actor })
      : undefined;
    const view = found?.ok ? found.value : undefined;
    const citable = view?.audience === 'staff' ? citableArticles(view.case.events) : [];
    await opening((caseId) => resolveModal(caseId, citable))(press);
  };

/** The card's presses that open a form (a modal) first. */
export const formPresses = (ctx: SlackContext): Record<FormAction, CasePress> => ({
  reply: opening(MODAL_FOR.reply),
  note: opening(MODAL_FOR.note),
  resolve: openingResolve(ctx),
  logTime: opening(MODAL_FOR.logTime),
  linkIssue: opening(MODAL_FOR.linkIssue),
  createTask: opening(MODAL_FOR.createTask),
  addDetails: opening(MODAL_FOR.addDetails),
});

// Which input a refusal belongs to, so the message appears under that field.
const FIELD_FOR: Readonly<Record<string, string>> = {
  [VIEWS.reply]: INPUTS.message.block,
  [VIEWS.note]: INPUTS.message.block,
  [VIEWS.addDetails]: INPUTS.message.block,
  [VIEWS.resolve]: INPUTS.resolutionText.block,
  [VIEWS.logTime]: INPUTS.minutes.block,
  [VIEWS.linkIssue]: INPUTS.issueUrl.block,
  [VIEWS.createTask]: INPUTS.taskTitle.block,
};

type Submit = (args: {
  caseId: string;
  view: ViewSubmitAction['view'];
  ctx: SlackContext;
  actor: NonNullable<Awaited<ReturnType<SlackContext['actorOf']>>>;
}) => Promise<Result<unknown>>;

const minutesOf = (view: ViewSubmitAction['view']): number | undefined => {
  const raw = readInput(view, INPUTS.minutes);
  return raw === undefined ? undefined : Number(raw);
};

const SUBMITS: Readonly<Record<string, Submit>> = {
  [VIEWS.reply]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.replyToCustomer({
      ref: { caseId },
      actor,
      text: readInput(view, INPUTS.message) ?? '',
      minutes: minutesOf(view),
    }),
  [VIEWS.addDetails]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.replyToCustomer({
      ref: { caseId },
      actor,
      text: readInput(view, INPUTS.message) ?? '',
    }),
  [VIEWS.note]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.addInternalNote({
      ref: { caseId },
      actor,
      text: readInput(view, INPUTS.message) ?? '',
      minutes: minutesOf(view),
    }),
  [VIEWS.resolve]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.resolveCase({
      ref: { caseId },
      actor,
      minutes: minutesOf(view),
      resolution: {
        type: readInput(view, INPUTS.resolutionType),
        text: readInput(view, INPUTS.resolutionText) ?? '',
        docLink: readInput(view, INPUTS.docLink),
        article: readInput(view, INPUTS.citedArticle),
      },
    }),
  [VIEWS.logTime]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.logTime({
      ref: { caseId },
      actor,
      minutes: minutesOf(view),
      note: readInput(view, INPUTS.message),
    }),
  [VIEWS.linkIssue]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.linkIssue({
      ref: { caseId },
      actor,
      url: readInput(view, INPUTS.issueUrl) ?? '',
      title: readInput(view, INPUTS.issueTitle),
    }),
  [VIEWS.createTask]: ({ caseId, view, ctx, actor }) =>
    ctx.core.useCases.createTask({
      ref: { caseId },
      actor,
      title: readInput(view, INPUTS.taskTitle) ?? '',
      handover: readInput(view, INPUTS.handover),
    }),
};

/** Where a refusal shows in the form, when the form is where it can be fixed. */
const errorsFor = (callbackId: string, failure: Failure) => {
  const field =
    failure.message.toLowerCase().includes('link') && callbackId === VIEWS.resolve
      ? INPUTS.docLink.block
      : FIELD_FOR[callbackId];
  return field ? viewErrors({ [field]: failure.message }) : undefined;
};

/** The forms' submissions, and what a refused one turns into. */
export const registerCaseModals = (app: App, ctx: SlackContext): void => {
  for (const [callbackId, submit] of Object.entries(SUBMITS)) {
    app.view<ViewSubmitAction>(callbackId, async ({ ack, view, body, client }) => {
      const caseId = readMetadata(view).caseId;
      const actor = await ctx.actorOf(userOfPayload(body));
      if (!caseId || !actor) {
        await ack(
          viewErrors({
            [FIELD_FOR[callbackId] ?? INPUTS.message.block]:
              'We could not tell who you are or which case this is.',
          }),
        );
        return;
      }
      const result = await submit({ caseId, view, ctx, actor });
      if (result.ok) return void (await ack());
      const inline = errorsFor(callbackId, result);
      await answerRefusal({
        ctx,
        client,
        ack,
        view,
        user: body.user.id,
        caseId,
        actor,
        failure: result,
        inline,
      });
    });
  }
  registerRefusals(app, ctx);
};
