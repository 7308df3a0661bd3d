import type { DirectoryKind } from '../domain/directory.js';
import { checkContacts, checkContracts, checkInstallations } from './check-customer-data.js';
import { checkAgents, checkOrganizations, checkProducts, checkQueues } from './check-staff-data.js';
import type { Check, Checked } from './claims.js';
import type { ImportTarget } from './target.js';
import type { ValidRow } from './validate-rows.js';

const checks: { [K in DirectoryKind]: Check<K> } = {
  organizations: checkOrganizations,
  products: checkProducts,
  queues: checkQueues,
  agents: checkAgents,
  contacts: checkContacts,
  installations: checkInstallations,
  contracts: checkContracts,
};

/**
 * Checks the rows against what is stored (references exist, chat ids and support keys have
 * one owner) and resolves references to ids.
 */
export const checkReferences = <K extends DirectoryKind>(
  kind: K,
  rows: readonly ValidRow<K>[],
  target: ImportTarget,
): Promise<Checked<K>> => checks[kind](rows, target);
