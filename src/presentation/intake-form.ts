/**
 * The "new case" form, once for every chat: which fields it asks, with which words, and
 * which options a person may pick (the installations of their organization, the modules
 * of the products they run, the desk's priorities); and how a submission becomes
 * openCase's fields. Slack draws it as a modal, Teams as an Adaptive Card.
 * An agent's form ("for a customer who phoned or emailed") asks whom for and how first.
 */
import type { Actor } from '../domain/case/types.js';
import type { Installation, Product } from '../domain/directory.js';
import { PRIORITIES, type Priority } from '../domain/priority.js';

export const INTAKE_FIELD_IDS = [
  'contactEmail',
  'reachedBy',
  'installationId',
  'module',
  'title',
  'description',
  'impact',
  'expectation',
  'priority',
  'files',
] as const;
export type IntakeFieldId = (typeof INTAKE_FIELD_IDS)[number];

export interface IntakeChoice {
  readonly value: string;
  readonly label: string;
}

interface FieldBase {
  readonly id: IntakeFieldId;
  readonly label: string;
  readonly required: boolean;
  readonly hint?: string;
}

export type IntakeField =
  | (FieldBase & {
      readonly kind: 'text';
      readonly multiline: boolean;
      readonly max: number;
      readonly placeholder?: string;
      /** Said when a required field is left empty. */
      readonly missing?: string;
    })
  | (FieldBase & { readonly kind: 'email'; readonly placeholder: string; readonly value?: string })
  | (FieldBase & {
      readonly kind: 'choice';
      readonly options: readonly IntakeChoice[];
      readonly value?: string;
      readonly placeholder?: string;
    })
  /** Screenshots and logs; a chat whose forms cannot carry files leaves it out. */
  | (FieldBase & { readonly kind: 'files' });

export interface IntakeForm {
  readonly heading: string;
  readonly submit: string;
  readonly onBehalf: boolean;
  /** Set when the form comes back with something to fix. */
  readonly problem?: string;
  readonly fields: readonly IntakeField[];
}

export const REACHED_BY = [
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'Email' },
] as const;
export type ReachedBy = (typeof REACHED_BY)[number]['value'];

/** The domain's own maxima for the form's texts. */
export const INTAKE_MAX = { title: 200, description: 20_000, detail: 2000 } as const;

export interface IntakeFormDeps {
  readonly listInstallations: (organizationId: string) => Promise<readonly Installation[]>;
  readonly findProductByKey: (key: string) => Promise<Product | undefined>;
  readonly priorities: {
    readonly labels: Readonly<Record<Priority, string>>;
    readonly default: Priority;
  };
}

/** What the person entered before, shown again (an agent's contact, how they reached us). */
export interface IntakeGiven {
  readonly email?: string | undefined;
  readonly reachedBy?: string | undefined;
  readonly problem?: string | undefined;
}

const onBehalfFields = (given: IntakeGiven): IntakeField[] => [
  {
    id: 'contactEmail',
    kind: 'email',
    label: "Customer's email",
    placeholder: 'The contact who phoned or emailed',
    required: true,
    ...(given.email ? { value: given.email } : {}),
  },
  {
    id: 'reachedBy',
    kind: 'choice',
    label: 'They reached us by',
    required: true,
    options: REACHED_BY,
    value: given.reachedBy === 'email' ? 'email' : 'phone',
  },
];

const caseFields = (
  deps: IntakeFormDeps,
  installations: readonly IntakeChoice[],
  modules: readonly string[],
): IntakeField[] => [
  ...(installations.length > 0
    ? [
        {
          id: 'installationId',
          kind: 'choice',
          label: 'Product and version',
          hint: 'The product installation this is about.',
          required: false,
          options: installations,
          placeholder: 'Choose…',
        } as const,
      ]
    : []),
  ...(modules.length > 0
    ? [
        {
          id: 'module',
          kind: 'choice',
          label: 'Module',
          required: false,
          options: modules.map((m) => ({ value: m, label: m })),
          placeholder: 'Choose…',
        } as const,
      ]
    : []),
  {
    id: 'title',
    kind: 'text',
    label: 'Title',
    required: true,
    multiline: false,
    max: INTAKE_MAX.title,
    missing: 'A case needs a title.',
  },
  {
    id: 'description',
    kind: 'text',
    label: 'What is the problem?',
    placeholder: 'What happened, and the steps to see it',
    // A title alone opens a case (a phoned-in request, a quick report); the agent asks on.
    required: false,
    multiline: true,
    max: INTAKE_MAX.description,
  },
  {
    id: 'impact',
    kind: 'text',
    label: 'Impact',
    placeholder: 'Who or what is affected, and how badly',
    required: false,
    multiline: true,
    max: INTAKE_MAX.detail,
  },
  {
    id: 'expectation',
    kind: 'text',
    label: 'Expectation',
    placeholder: 'What should happen instead',
    required: false,
    multiline: true,
    max: INTAKE_MAX.detail,
  },
  {
    id: 'priority',
    kind: 'choice',
    label: 'Priority',
    required: true,
    options: PRIORITIES.map((p) => ({ value: p, label: deps.priorities.labels[p] })),
    value: deps.priorities.default,
  },
  {
    id: 'files',
    kind: 'files',
    label: 'Screenshots, logs or files that show the problem',
    required: false,
  },
];

/** A customer's installations, as "product version (environment)". */
const installationChoices = (installations: readonly Installation[]): IntakeChoice[] =>
  installations.map((i) => ({
    value: i.id,
    label: `${i.productKey} ${i.version} (${i.environment})`,
  }));

/** The form this person gets: a customer's for their own case, an agent's for a customer. */
export const makeIntakeForm =
  (deps: IntakeFormDeps) =>
  async (actor: Actor, given: IntakeGiven = {}): Promise<IntakeForm | undefined> => {
    if (actor.kind === 'system') return undefined;
    const problem = given.problem ? { problem: given.problem } : {};
    if (actor.kind === 'staff')
      return {
        heading: 'Open a case for a customer',
        submit: 'Open case',
        onBehalf: true,
        ...problem,
        // Whose installations is not known until the contact is: the case routes by text.
        fields: [...onBehalfFields(given), ...caseFields(deps, [], [])],
      };
    const installations = await deps.listInstallations(actor.organizationId);
    const products = await Promise.all(
      [...new Set(installations.map((i) => i.productKey))].map((key) => deps.findProductByKey(key)),
    );
    const modules = [...new Set(products.flatMap((p) => p?.modules ?? []))].sort();
    return {
      heading: 'Open a support case',
      submit: 'Open case',
      onBehalf: false,
      ...problem,
      fields: caseFields(deps, installationChoices(installations), modules),
    };
  };
