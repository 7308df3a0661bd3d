import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../src/domain/case/types.js';
import type { TeamsDeps } from './deps.js';
import type { Config } from '../../src/config.js';
import { splitConversationId } from './conversation-store.js';
import { friendlyFailure } from './failures.js';
import { teamsAddress } from './identity.js';
import {
  attachment,
  card,
  CARD_CONTENT_TYPE,
  escapeCardText,
  textBlock,
  type AdaptiveCard,
} from './render/card.js';
import { renderIntakeForm } from './render/intake-form.js';
import {
  INTAKE_FIELD_IDS,
  makeIntakeForm,
  type IntakeGiven,
} from '../../src/presentation/intake-form.js';
import {
  contactOnBehalf,
  openCaseFields,
  type IntakeValues,
} from '../../src/presentation/intake-submission.js';

interface FormDeps {
  readonly core: Pick<TeamsDeps, 'useCases' | 'directory'>;
  readonly config: Pick<Config, 'priorities'>;
}

/** The form for this person (src/presentation/intake-form.ts), drawn as a card. */
const formFor = async (deps: FormDeps, actor: Actor, given: IntakeGiven = {}) => {
  const { directory } = deps.core;
  const form = await makeIntakeForm({
    listInstallations: (id) => directory.listInstallations(id),
    findProductByKey: (key) => directory.findProductByKey(key),
    priorities: deps.config.priorities,
  })(actor, given);
  return form ? renderIntakeForm(form) : undefined;
};

/**
 * "new case": customers get the form for their own case; agents ("new case for <email>")
 * get the form for a customer who phoned or emailed, as Slack's /support new offers them.
 */
export const showIntakeForm = async (
  context: TurnContext,
  deps: FormDeps,
  actor: Actor,
  contactEmail?: string,
): Promise<void> => {
  const form = await formFor(deps, actor, { email: contactEmail });
  if (form) await context.sendActivity({ attachments: [attachment(form)] });
};

/** The card's data by the form's field ids; anything that is not text is left out. */
const valuesOf = (data: Record<string, unknown>): IntakeValues =>
  Object.fromEntries(
    INTAKE_FIELD_IDS.flatMap((id) => (typeof data[id] === 'string' ? [[id, data[id]]] : [])),
  );

/**
 * The form's "Open case": the form message's id is the intake key, so a double press or a
 * redelivered invoke returns the case already opened instead of a second one.
 */
export const openCaseFromForm = async (
  context: TurnContext,
  deps: FormDeps,
  actor: Actor,
  data: Record<string, unknown>,
): Promise<AdaptiveCardInvokeResponse> => {
  if (actor.kind === 'system') {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: friendlyFailure({
        code: 'not-allowed',
        message: 'This form is for customers and agents.',
      }) as unknown as Record<string, unknown>,
    };
  }
  const values = valuesOf(data);
  const given = { email: values.contactEmail, reachedBy: values.reachedBy };
  const again = async (problem: string) =>
    cardAnswer((await formFor(deps, actor, { ...given, problem })) ?? card([]));
  // Agents open cases for customers who phoned or emailed; customers for themselves.
  const behalf =
    actor.kind === 'staff'
      ? await contactOnBehalf((email) => deps.core.directory.findContactByEmail(email), values)
      : undefined;
  if (behalf && 'error' in behalf) return again(behalf.error);
  const activity = context.activity;
  const formId = activity.replyToId ?? activity.id ?? '';
  const { base } = splitConversationId(activity.conversation.id);
  const result = await deps.core.useCases.openCase({
    actor,
    ...(behalf ? { contactId: behalf.contactId } : {}),
    intakeKey: `teams:form:${base}:${formId}`,
    ...openCaseFields(values),
    // A case taken by phone or email has no customer conversation in Teams.
    origin: behalf
      ? { channel: behalf.reachedBy }
      : {
          channel: 'teams',
          address: teamsAddress(base),
          ...(formId ? { messageId: formId } : {}),
          ...(activity.conversation.tenantId ? { workspace: activity.conversation.tenantId } : {}),
        },
  });
  if (!result.ok) return again(friendlyFailure(result));
  const opened = result.value.case;
  return cardAnswer(
    card([
      textBlock(
        behalf
          ? `${opened.number} is open for ${escapeCardText(opened.contactName, 120)}`
          : `${opened.number} is open`,
        { weight: 'Bolder' },
      ),
      textBlock(escapeCardText(opened.title, 500)),
      textBlock(
        behalf
          ? `Its card is in the ${escapeCardText(opened.queueKey)} queue's channel.`
          : 'Its card follows below; we post every update there.',
        { isSubtle: true },
      ),
    ]),
  );
};

const cardAnswer = (value: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: CARD_CONTENT_TYPE,
  value: value as unknown as Record<string, unknown>,
});
