/**
 * Master data: who the customers are, who works the cases, what is installed where and
 * under which contract. Input schemas validate what an admin imports or configures;
 * entity schemas describe what the directory hands back (with `id`, never `_id`).
 */
import { z } from 'zod';
import { queueAssignmentSchema } from './assignment-strategy.js';
import { contractRatesSchema, ratesInputSchema } from './billing/rates.js';
import { PRIORITIES } from './priority.js';
import { queueRotaSchema } from './rota.js';
import { STAFF_ROLES } from './roles.js';
import { WEEKDAYS } from './sla/types.js';

/** The kinds of master data, in the order they must be imported (later ones refer to earlier ones). */
export const DIRECTORY_KINDS = [
  'organizations',
  'products',
  'queues',
  'agents',
  'contacts',
  'installations',
  'contracts',
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** The fields that identify a record across imports (upserts match on them). */
export const NATURAL_KEYS = {
  organizations: ['key'],
  products: ['key'],
  queues: ['key'],
  agents: ['email'],
  contacts: ['email'],
  installations: ['organizationKey', 'productKey', 'version', 'environment'],
  contracts: ['key'],
} as const satisfies Record<DirectoryKind, readonly string[]>;

/** A record's natural key as one string, e.g. `acme/ledgerly/4.2/production`. */
export const naturalKeyOf = (
  kind: DirectoryKind,
  record: Readonly<Record<string, unknown>>,
): string => NATURAL_KEYS[kind].map((field) => String(record[field])).join('/');

export const isDirectoryKind = (value: string): value is DirectoryKind =>
  (DIRECTORY_KINDS as readonly string[]).includes(value);

export const ENVIRONMENTS = ['production', 'staging', 'test', 'development'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** True for a time zone name the runtime knows (IANA, e.g. `Europe/Berlin`). */
export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const text = z.string().trim().min(1, 'must not be empty');
const slug = text
  .max(64)
  .regex(
    /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
    'must be lower-case letters and digits, joined by - or _',
  );
const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address'));
const slackId = text.regex(/^[A-Z][A-Z0-9]{2,}$/, 'must be a Slack id such as T0123ABCD');
// Entra ids are case-insensitive; Teams sends them lower-case.
const entraId = (message: string) => z.string().trim().toLowerCase().pipe(z.guid(message));
const aadObjectId = entraId('must be a Microsoft Entra object id (a GUID)');
// Customers type support keys by hand, so they are stored and looked up upper-case.
export const supportKeySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._-]{3,63}$/, 'must be 4-64 letters, digits, ., _ or -');
const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const chatAddress = text.regex(
  /^(slack|teams):\S+$/,
  'must be a chat address such as slack:C0123ABCD or teams:19:abc@thread.tacv2',
);

const noRepeats = (values: readonly unknown[], ctx: z.RefinementCtx): void => {
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index) {
      ctx.addIssue({ code: 'custom', path: [index], message: `repeats ${String(value)}` });
    }
  });
};
const uniqueArray = <T extends z.ZodType>(item: T) => z.array(item).superRefine(noRepeats);
const list = <T extends z.ZodType>(item: T) => uniqueArray(item).default([]);

const organizationShape = {
  key: slug,
  name: text,
  slackTeamIds: list(slackId),
  /** Microsoft tenants whose Teams chats and channels speak for this customer. */
  teamsTenantIds: uniqueArray(entraId('must be a Microsoft tenant id (a GUID)')).optional(),
  accountOwnerEmail: email.optional(),
  notes: text.optional(),
};

const contactShape = {
  email,
  name: text,
  organizationKey: slug,
  phone: text.regex(/^\+?[0-9][0-9 ()./-]{3,}$/, 'must be a phone number').optional(),
  slackTeamId: slackId.optional(),
  slackUserId: slackId.optional(),
  teamsAadObjectId: aadObjectId.optional(),
  locale: text
    .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/, 'must be a locale such as en-GB')
    .optional(),
  timeZone: text.refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').optional(),
};

const agentShape = {
  email,
  name: text,
  roles: uniqueArray(z.enum(STAFF_ROLES)).min(1).default(['agent']),
  /** Keys of the queues the agent works. */
  queues: list(slug),
  /** What the agent handles, for queues that assign by skill: product keys, module names. */
  skills: z
    .strictObject({ products: uniqueArray(slug).optional(), modules: uniqueArray(text).optional() })
    .optional(),
  slackUserId: slackId.optional(),
  teamsAadObjectId: aadObjectId.optional(),
  active: z.boolean().default(true),
  /**
   * When the agent works: a calendar of the SLA section by name, or their own zone, days
   * and hours (`to` before `from` runs across midnight). Left out, the agent is on at any
   * hour; away and out of office are their status, not part of the directory.
   */
  workingHours: z
    .union([
      z.strictObject({ calendar: text }),
      z
        .strictObject({
          timeZone: text.refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
          days: uniqueArray(z.enum(WEEKDAYS)).min(1, 'must list at least one day'),
          from: text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:mm, e.g. 09:00'),
          to: text.regex(
            /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
            'must be a time as HH:mm, e.g. 17:30',
          ),
        })
        .refine((hours) => hours.from !== hours.to, {
          message: 'must end at another time than it starts',
          path: ['to'],
        }),
    ])
    .optional(),
};

export const routingRuleSchema = z
  .strictObject({
    products: uniqueArray(slug).optional(),
    modules: uniqueArray(text).optional(),
    organizations: uniqueArray(slug).optional(),
    keywords: uniqueArray(text.toLowerCase()).optional(),
    priorities: uniqueArray(z.enum(PRIORITIES)).optional(),
  })
  .refine(
    (rule) => Object.values(rule).some((values) => values !== undefined && values.length > 0),
    {
      message: 'a routing rule needs products, modules, organizations, keywords or priorities',
    },
  );
export type RoutingRule = z.infer<typeof routingRuleSchema>;

const queueShape = {
  key: slug,
  name: text,
  managerEmail: email.optional(),
  /** Agent emails; not checked against agents because queues are imported first. */
  members: list(email),
  triageChannel: chatAddress.optional(),
  escalationChannel: chatAddress.optional(),
  routing: z.array(routingRuleSchema).default([]),
  isDefault: z.boolean().default(false),
  /** How new cases get an owner; absent: someone claims them (manual). */
  assignment: queueAssignmentSchema.optional(),
  /** People who take turns on duty for the queue (see rota.ts). */
  rota: queueRotaSchema.optional(),
};

const productShape = {
  key: slug,
  name: text,
  versions: uniqueArray(text).min(1, 'must list at least one version'),
  modules: list(text),
  packages: uniqueArray(text).optional(),
  sessions: uniqueArray(text).optional(),
  toolset: text.optional(),
  database: text.optional(),
};

const installationShape = {
  organizationKey: slug,
  productKey: slug,
  version: text,
  environment: z.enum(ENVIRONMENTS),
  supportKey: supportKeySchema.optional(),
};

const contractShape = {
  key: text.regex(/^\S+$/, 'must not contain spaces'),
  organizationKey: slug,
  level: text,
  slaPolicy: text,
  startsOn: isoDate,
  expiresOn: isoDate,
  supportKeys: list(supportKeySchema),
};

export const organizationInputSchema = z.strictObject(organizationShape);
export const contactInputSchema = z
  .strictObject(contactShape)
  .refine((contact) => contact.slackUserId === undefined || contact.slackTeamId !== undefined, {
    message: 'is required when slackUserId is given (Slack user ids are unique per team only)',
    path: ['slackTeamId'],
  });
export const agentInputSchema = z.strictObject(agentShape);
export const queueInputSchema = z.strictObject(queueShape).superRefine((queue, ctx) => {
  if (queue.rota?.takes === 'pool' && (queue.assignment?.strategy ?? 'manual') === 'manual') {
    ctx.addIssue({
      code: 'custom',
      path: ['rota', 'takes'],
      message:
        'pool adds the person on duty to automatic assignment, which this queue does not use: give the queue an assignment strategy (round-robin or least-loaded), or let the rota take statuses ({ statuses: [...] })',
    });
  }
});
export const productInputSchema = z.strictObject(productShape);
/** Access notes are accepted on input only; entities never carry them (see the repository). */
export const installationInputSchema = z.strictObject({
  ...installationShape,
  accessNotes: text.optional(),
});
/** Rates are written as decimals of their currency and kept in minor units (billing/rates.ts). */
export const contractInputSchema = z
  .strictObject({ ...contractShape, rates: ratesInputSchema.optional() })
  .refine((contract) => contract.startsOn <= contract.expiresOn, {
    message: 'must not be before startsOn',
    path: ['expiresOn'],
  });

export type OrganizationInput = z.output<typeof organizationInputSchema>;
export type ContactInput = z.output<typeof contactInputSchema>;
export type AgentInput = z.output<typeof agentInputSchema>;
export type QueueInput = z.output<typeof queueInputSchema>;
export type ProductInput = z.output<typeof productInputSchema>;
export type InstallationInput = z.output<typeof installationInputSchema>;
export type ContractInput = z.output<typeof contractInputSchema>;

const id = z.string().min(1);

// Entities strip unknown fields so a stored field that is not part of the shape never leaks.
export const organizationSchema = z.object({ id, ...organizationShape });
export const contactSchema = z.object({ id, organizationId: id, ...contactShape });
export const agentSchema = z.object({ id, ...agentShape });
export const queueSchema = z.object({ id, ...queueShape });
export const productSchema = z.object({ id, ...productShape });
export const installationSchema = z.object({
  id,
  organizationId: id,
  productId: id,
  ...installationShape,
});
export const contractSchema = z.object({
  id,
  organizationId: id,
  ...contractShape,
  rates: contractRatesSchema.optional(),
});

export type Organization = z.output<typeof organizationSchema>;
export type Contact = z.output<typeof contactSchema>;
export type Agent = z.output<typeof agentSchema>;
export type Queue = z.output<typeof queueSchema>;
export type Product = z.output<typeof productSchema>;
export type Installation = z.output<typeof installationSchema>;
export type Contract = z.output<typeof contractSchema>;

/** Entity type per kind, for code that handles every kind alike (import, store). */
export interface DirectoryEntities {
  organizations: Organization;
  products: Product;
  queues: Queue;
  agents: Agent;
  contacts: Contact;
  installations: Installation;
  contracts: Contract;
}

/** Validated input per kind. */
export interface DirectoryInputs {
  organizations: OrganizationInput;
  products: ProductInput;
  queues: QueueInput;
  agents: AgentInput;
  contacts: ContactInput;
  installations: InstallationInput;
  contracts: ContractInput;
}
