import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../src/domain/case/types.js';
import type { Core } from '../../src/composition.js';
import type { Config } from '../../src/config.js';
import { splitConversationId } from './conversation-store.js';
import { friendlyFailure } from './failures.js';
import { teamsAddress } from './identity.js';
import { attachment, card, CARD_CONTENT_TYPE, escapeCardText, textBlock } from './render/card.js';
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

/** "new case": customers get the form; agents are told where cases are opened for others. */
export const showIntakeForm = async (
  context: TurnContext,
  deps: FormDeps,
  actor: Actor,
): Promise<void> => {
  if (actor.kind !== 'customer') {
    await context.sendActivity(
      'Agents open cases for customers who phoned or emailed with `caseline case open`; here, customers open their own.',
    );
    return;
  }
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
  if (actor.kind !== 'customer') {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: friendlyFailure({
        code: 'not-allowed',
        message: 'This form is for customers.',
      }) as unknown as Record<string, unknown>,
    };
  }
  const activity = context.activity;
  const formId = activity.replyToId ?? activity.id ?? '';
  const { base } = splitConversationId(activity.conversation.id);
  const result = await deps.core.useCases.openCase({
    actor,
    intakeKey: `teams:form:${base}:${formId}`,
    title: text(data, 'title') ?? '',
    description: text(data, 'description') ?? '',
    impact: text(data, 'impact'),
    expectation: text(data, 'expectation'),
    priority: text(data, 'priority'),
    installationId: text(data, 'installationId'),
    module: text(data, 'module'),
    origin: {
      channel: 'teams',
      address: teamsAddress(base),
      ...(formId ? { messageId: formId } : {}),
      ...(activity.conversation.tenantId ? { workspace: activity.conversation.tenantId } : {}),
    },
  });
  const value = result.ok
    ? card([
        textBlock(`${result.value.case.number} is open`, { weight: 'Bolder' }),
        textBlock(escapeCardText(result.value.case.title, 500)),
        textBlock('Its card follows below; we post every update there.', { isSubtle: true }),
      ])
    : await formFor(deps, actor, friendlyFailure(result));
  return {
    statusCode: 200,
    type: CARD_CONTENT_TYPE,
    value: value as unknown as Record<string, unknown>,
  };
};
