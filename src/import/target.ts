import type { Connection } from 'mongoose';
import type { DirectoryEntities, DirectoryKind } from '../domain/directory.js';
import type { UpsertCounts } from '../ports/directory-repository.js';
import { toEntity } from '../store/directory/entities.js';
import {
  createDirectoryModels,
  ensureDirectoryIndexes,
  type DirectoryModels,
  type DirectoryRecords,
  type StoredDocument,
} from '../store/directory/models.js';
import { upsertByNaturalKey, type UpsertOptions } from '../store/directory/upsert.js';

/** Where an import reads what already exists and writes its records. */
export interface ImportTarget {
  /** Every stored record of a kind (master data is small enough to hold in memory). */
  list<K extends DirectoryKind>(kind: K): Promise<readonly DirectoryEntities[K][]>;
  /** Upserts by natural key, skipping records equal to what is stored. */
  upsert<K extends DirectoryKind>(
    kind: K,
    records: readonly DirectoryRecords[K][],
    options: UpsertOptions,
  ): Promise<UpsertCounts>;
}

export function createMongoImportTarget(models: DirectoryModels): ImportTarget {
  return {
    list: async (kind) => {
      const documents = await models[kind].find({}).lean<StoredDocument[]>();
      return documents.map((document) => toEntity(kind, document));
    },
    upsert: (kind, records, options) => upsertByNaturalKey(models, kind, records, options),
  };
}

/** The target for a mongoose connection; creates the indexes first so upserts rely on them. */
export async function connectionImportTarget(connection: Connection): Promise<ImportTarget> {
  const models = createDirectoryModels(connection);
  await ensureDirectoryIndexes(models);
  return createMongoImportTarget(models);
}
