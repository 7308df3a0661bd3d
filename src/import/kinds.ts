import type { z } from 'zod';
import {
  agentInputSchema,
  contactInputSchema,
  contractInputSchema,
  installationInputSchema,
  organizationInputSchema,
  productInputSchema,
  queueInputSchema,
  type DirectoryInputs,
  type DirectoryKind,
} from '../domain/directory.js';

const inputSchemas = {
  organizations: organizationInputSchema,
  products: productInputSchema,
  queues: queueInputSchema,
  agents: agentInputSchema,
  contacts: contactInputSchema,
  installations: installationInputSchema,
  contracts: contractInputSchema,
} as const;
// The mapped type lets TypeScript pick the schema that matches a generic kind.
const typedSchemas: { [K in DirectoryKind]: z.ZodType<DirectoryInputs[K]> } = inputSchemas;

export const inputSchemaOf = <K extends DirectoryKind>(kind: K): z.ZodType<DirectoryInputs[K]> =>
  typedSchemas[kind];

/** The fields (CSV columns, JSON properties) a row of this kind may have. */
export const columnsOf = (kind: DirectoryKind): readonly string[] =>
  Object.keys(inputSchemas[kind].shape);
