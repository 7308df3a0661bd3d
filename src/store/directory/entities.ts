import type { z } from 'zod';
import {
  agentSchema,
  contactSchema,
  contractSchema,
  installationSchema,
  organizationSchema,
  productSchema,
  queueSchema,
  type DirectoryEntities,
  type DirectoryKind,
} from '../../domain/directory.js';
import type { StoredDocument } from './models.js';

const entitySchemas: { [K in DirectoryKind]: z.ZodType<DirectoryEntities[K]> } = {
  organizations: organizationSchema,
  products: productSchema,
  queues: queueSchema,
  agents: agentSchema,
  contacts: contactSchema,
  installations: installationSchema,
  contracts: contractSchema,
};

/**
 * Turns a stored document into a domain entity. The entity schemas strip fields they do
 * not name, which is what keeps `accessNotes`, `_id` and the timestamps inside the store.
 */
export function toEntity<K extends DirectoryKind>(
  kind: K,
  document: StoredDocument,
): DirectoryEntities[K] {
  return entitySchemas[kind].parse({ ...document, id: document._id });
}
