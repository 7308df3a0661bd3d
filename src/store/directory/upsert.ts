/**
 * Upsert by natural key that leaves unchanged records alone: importing the same file twice
 * must not move `updatedAt`, so every record is compared with what is stored first.
 */
import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation } from 'mongoose';
import { NATURAL_KEYS, naturalKeyOf, type DirectoryKind } from '../../domain/directory.js';
import type { UpsertCounts } from '../../ports/directory-repository.js';
import {
  recordFields,
  type DirectoryModels,
  type DirectoryRecords,
  type StoredDocument,
} from './models.js';

export interface UpsertOptions {
  /** Records written per bulkWrite round trip. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly now?: () => Date;
}

type Fields = Record<string, unknown>;

const naturalKeyFilter = (kind: DirectoryKind, record: Fields): Fields =>
  Object.fromEntries(NATURAL_KEYS[kind].map((field) => [field, record[field]]));

// Key order differs between what zod produced and what the database returns.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

interface Change {
  readonly set: Fields;
  readonly unset: string[];
}

/** What must change to make `stored` equal `record`; undefined when nothing does. */
function diff(
  fields: readonly string[],
  record: Fields,
  stored: Fields | undefined,
): Change | undefined {
  const set: Fields = {};
  const unset: string[] = [];
  let changed = stored === undefined;
  for (const field of fields) {
    const next = record[field];
    if (next === undefined) {
      if (stored?.[field] !== undefined) unset.push(field);
    } else {
      set[field] = next;
    }
    if (stored !== undefined && canonical(next) !== canonical(stored[field])) changed = true;
  }
  return changed ? { set, unset } : undefined;
}

function toOperation(
  kind: DirectoryKind,
  record: Fields,
  change: Change,
  now: Date,
): AnyBulkWriteOperation<StoredDocument> {
  const update: Fields = {
    $set: { ...change.set, updatedAt: now },
    $setOnInsert: { _id: randomUUID(), createdAt: now },
  };
  if (change.unset.length > 0) update.$unset = Object.fromEntries(change.unset.map((f) => [f, '']));
  return {
    updateOne: {
      filter: naturalKeyFilter(kind, record),
      update,
      upsert: true,
      // The timestamps are set above, and only when something changed.
      timestamps: false,
      setDefaultsOnInsert: false,
    },
  };
}

export async function upsertByNaturalKey<K extends DirectoryKind>(
  models: DirectoryModels,
  kind: K,
  records: readonly DirectoryRecords[K][],
  options: UpsertOptions = {},
): Promise<UpsertCounts> {
  const { batchSize = 500, onProgress, now = () => new Date() } = options;
  const model = models[kind];
  const fields = recordFields(kind);
  // Master data is small (thousands of rows): one read beats one query per batch, and
  // FerretDB's SQLite backend would scan the collection for an $in query anyway.
  const stored = await model.find({}).lean<StoredDocument[]>();
  const byKey = new Map(stored.map((doc) => [naturalKeyOf(kind, doc), doc]));
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  onProgress?.(0, records.length);
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize);
    const operations: AnyBulkWriteOperation<StoredDocument>[] = [];
    for (const record of batch) {
      const existing = byKey.get(naturalKeyOf(kind, record));
      const change = diff(fields, record, existing);
      if (change === undefined) counts.unchanged += 1;
      else {
        counts[existing === undefined ? 'inserted' : 'updated'] += 1;
        operations.push(toOperation(kind, record, change, now()));
      }
    }
    if (operations.length > 0) await model.bulkWrite(operations, { ordered: true });
    onProgress?.(start + batch.length, records.length);
  }
  return counts;
}
