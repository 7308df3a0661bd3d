import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../src/domain/case/types.js';
import type { Core } from '../../src/composition.js';
import type { Config } from '../../src/config.js';
import { splitConversationId } from './conversation-store.js';
import { friendlyFailure } from './failures.js';
import { teamsAddress } from './identity.js';
import { contactOnBehalf } from '../shared/on-behalf.js';
import {
  attachment,
  card,
  CARD_CONTENT_TYPE,
  escapeCardText,
  textBlock,
  type AdaptiveCard,
} from './render/card.js';
import { renderIntakeForm } from './render/intake-form.js';

interface FormDeps {
  readonly core: Core;
  readonly config: Pick<Config, 'priorities'>;
}

/** The customer's installations and the modules of the products they run. */
const formFor = async (deps: FormDeps, actor: Actor & { kind: 'customer' }, problem?: string) => {
  const { directory } = deps.core;
  const installations = await directory.listInstallations(actor.organizationId);
  const products = await Promise.all(
    [...new Set(installations.map((i) => i.productKey))].map((key) =>
      directory.findProductByKey(key),
    ),
  );
  return renderIntakeForm({
    installations: installations.map((i) => ({
      value: i.id,
      title: `${i.productKey} ${i.version} (${i.environment})`,
    })),
    modules: [...new Set(products.flatMap((p) => p?.modules ?? []))].sort(),
    priorityLabels: deps.config.priorities.labels,
    defaultPriority: deps.config.priorities.default,
    ...(problem ? { problem } : {}),
  });
};

/** The agents' form: whom the case is for and how they reached us, then the same fields. */
const agentForm = (
  deps: FormDeps,
  given: { readonly email?: string | undefined; readonly reachedBy?: string | undefined },
  problem?: string,
) =>
  renderIntakeForm({
    installations: [],
    modules: [],
    priorityLabels: deps.config.priorities.labels,
    defaultPriority: deps.config.priorities.default,
    onBehalf: {
      ...(given.email ? { email: given.email } : {}),
      ...(given.reachedBy ? { reachedBy: given.reachedBy } : {}),
    },
    ...(problem ? { problem } : {}),
  });

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
  if (actor.kind === 'staff') {
    await context.sendActivity({
      attachments: [attachment(agentForm(deps, { email: contactEmail }))],
    });
    return;
  }
  if (actor.kind !== 'customer') return;
  await context.sendActivity({ attachments: [attachment(await formFor(deps, actor))] });
};

const text = (data: Record<string, unknown>, key: string): string | undefined =>
  typeof data[key] === 'string' && data[key] !== '' ? data[key] : undefined;

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
  const given = { email: text(data, 'contactEmail'), reachedBy: text(data, 'reachedBy') };
  // Agents open cases for customers who phoned or emailed; customers for themselves.
  const behalf =
    actor.kind === 'staff'
      ? await contactOnBehalf(deps.core.directory, given.email, given.reachedBy)
      : undefined;
  if (behalf && 'error' in behalf) return cardAnswer(agentForm(deps, given, behalf.error));
  const activity = context.activity;
  const formId = activity.replyToId ?? activity.id ?? '';
  const { base } = splitConversationId(activity.conversation.id);
  const result = await deps.core.useCases.openCase({
    actor,
    ...(behalf ? { contactId: behalf.contactId } : {}),
    intakeKey: `teams:form:${base}:${formId}`,
    title: text(data, 'title') ?? '',
    description: text(data, 'description') ?? '',
    impact: text(data, 'impact'),
    expectation: text(data, 'expectation'),
    priority: text(data, 'priority'),
    installationId: text(data, 'installationId'),
    module: text(data, 'module'),
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
  if (!result.ok)
    return cardAnswer(
      actor.kind === 'staff'
        ? agentForm(deps, given, friendlyFailure(result))
        : await formFor(deps, actor, friendlyFailure(result)),
    );
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
