import type { Contract, Installation } from '../directory.js';
import type { Priority } from '../priority.js';
import type { Workflow } from '../workflow/index.js';
import { DESCRIPTION_MAX, fitText, textAttachment } from './attachments.js';
import {
  refOf,
  type Actor,
  type CaseFlag,
  type CaseOrigin,
  type CaseState,
  type DecisionContext,
} from './types.js';

/** An unknown key or an expired contract is flagged for the agent, never refused. */
export const contractFlags = (args: {
  supportKeyGiven: boolean;
  supportKeyKnown: boolean;
  contract?: Contract | undefined;
  today: string;
}): CaseFlag[] => {
  const flags: CaseFlag[] = [];
  if (args.supportKeyGiven && !args.supportKeyKnown) flags.push('unknown-support-key');
  if (!args.contract) flags.push('no-contract');
  else if (args.contract.expiresOn < args.today) flags.push('expired-contract');
  return flags;
};

/** The contract that covers a case: by support key first, else the organization's current one. */
export const pickContract = (
  contracts: readonly Contract[],
  supportKey: string | undefined,
  today: string,
): Contract | undefined => {
  const byKey = supportKey ? contracts.find((c) => c.supportKeys.includes(supportKey)) : undefined;
  if (byKey) return byKey;
  const current = contracts.filter((c) => c.startsOn <= today && c.expiresOn >= today);
  // The longest-running current contract is the one the customer thinks of as "ours".
  return current.sort((a, b) => b.expiresOn.localeCompare(a.expiresOn))[0] ?? contracts[0];
};

export interface NewCaseFacts {
  readonly id: string;
  readonly seq: number;
  readonly number: string;
  readonly intakeKey: string;
  readonly actor: Actor;
  readonly contact: { readonly id: string; readonly name: string };
  readonly organization: { readonly id: string; readonly key: string };
  readonly title: string;
  /** As written, however long: what exceeds the field is kept as an attachment. */
  readonly description: string;
  readonly impact?: string;
  readonly expectation?: string;
  readonly priority: Priority;
  readonly productKey?: string;
  readonly productVersion?: string;
  readonly module?: string;
  readonly installation?: Installation;
  readonly contract?: Contract;
  readonly supportKey?: string;
  readonly flags: readonly CaseFlag[];
  readonly queueKey: string;
  readonly routingReason: string;
  readonly origin: CaseOrigin;
  /** The case this one was split from, or follows up after it closed. */
  readonly relatedTo?: RelatedCase;
}

export interface RelatedCase {
  readonly number: string;
  /** `separate`: a message moved out of that case; `follow-up`: written after it closed. */
  readonly why: 'separate' | 'follow-up';
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * The chat message a case was opened from, `<address>:<messageId>`: the same identity every
 * message from chat carries, so a redelivery of the opening message finds it in the history.
 */
const openingData = (
  origin: CaseOrigin,
  related: RelatedCase | undefined,
): { data: Record<string, string> } | undefined => {
  const data = {
    ...(origin.address && origin.messageId
      ? { sourceId: `${origin.address}:${origin.messageId}` }
      : {}),
    ...(related ? { relatedTo: related.number, relation: related.why } : {}),
  };
  return Object.keys(data).length > 0 ? { data } : undefined;
};

/** A new case with its first history and the notifications that announce it. */
export const buildNewCase = (
  workflow: Workflow,
  facts: NewCaseFacts,
  ctx: DecisionContext,
): CaseState => {
  const initial = workflow.statuses.find((s) => s.id === workflow.initial)!;
  const actor = refOf(facts.actor);
  const opened = {
    id: ctx.newId(),
    type: 'opened' as const,
    at: ctx.now,
    actor,
    visibility: 'public' as const,
    text: facts.title,
    ...openingData(facts.origin, facts.relatedTo),
  };
  const described = fitText(facts.description, DESCRIPTION_MAX);
  const attachments = described.cut
    ? [
        textAttachment({
          id: ctx.newId(),
          caseNumber: facts.number,
          field: 'description',
          existing: 0,
          text: facts.description,
          visibility: 'public',
          eventId: opened.id,
          at: ctx.now,
        }),
      ]
    : [];
  const routed = {
    id: ctx.newId(),
    type: 'queue-changed' as const,
    at: ctx.now,
    actor,
    visibility: 'internal' as const,
    text: facts.routingReason,
    data: { from: null, to: facts.queueKey },
  };
  const entry = (topic: 'case-opened', audience: 'customer' | 'staff') => ({
    id: ctx.newId(),
    topic,
    audience,
    eventId: opened.id,
    createdAt: ctx.now,
    state: 'pending' as const,
    attempts: 0,
    nextAttemptAt: ctx.now,
  });
  return {
    id: facts.id,
    number: facts.number,
    seq: facts.seq,
    version: 1,
    intakeKey: facts.intakeKey,
    title: facts.title,
    description: described.text,
    ...optional('impact', facts.impact),
    ...optional('expectation', facts.expectation),
    organizationId: facts.organization.id,
    organizationKey: facts.organization.key,
    contactId: facts.contact.id,
    contactName: facts.contact.name,
    ...optional('productKey', facts.productKey ?? facts.installation?.productKey),
    ...optional('productVersion', facts.productVersion ?? facts.installation?.version),
    ...optional('module', facts.module),
    ...optional('installationId', facts.installation?.id),
    ...optional('supportKey', facts.supportKey),
    ...optional('contractId', facts.contract?.id),
    ...optional('contractLevel', facts.contract?.level),
    ...optional('slaPolicy', facts.contract?.slaPolicy),
    flags: facts.flags,
    queueKey: facts.queueKey,
    status: initial.id,
    statusCategory: initial.category,
    priority: facts.priority,
    tasks: [],
    linkedIssues: [],
    minutesLogged: 0,
    origin: facts.origin,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    events: [opened, routed],
    attachments,
    outbox: [entry('case-opened', 'customer'), entry('case-opened', 'staff')],
  };
};
