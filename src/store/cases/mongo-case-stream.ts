import type { Collection, Filter } from 'mongodb';
import type { CaseState } from '../../domain/case/types.js';
import type { CaseStream, CaseStreamFilter } from '../../ports/case-stream.js';
import { toCaseState } from './case-document.js';
import type { CaseModels, StoredCase } from './models.js';

// Cases with their history are a few kilobytes each: a batch is well under a megabyte,
// and a round trip per 100 cases keeps the database, not the network, the limit.
const BATCH_SIZE = 100;

const queryOf = (filter: CaseStreamFilter): Filter<StoredCase> => {
  const query: Filter<StoredCase> = {};
  if (filter.organizationId) query.organizationId = filter.organizationId;
  if (filter.createdSince || filter.createdBefore)
    query.createdAt = {
      ...(filter.createdSince ? { $gte: filter.createdSince } : {}),
      ...(filter.createdBefore ? { $lt: filter.createdBefore } : {}),
    };
  if (filter.updatedSince) query.updatedAt = { $gte: filter.updatedSince };
  if (filter.withMinutesLogged) query.minutesLogged = { $gt: 0 };
  return query;
};

export class MongoCaseStream implements CaseStream {
  private readonly cases: Collection<StoredCase>;

  constructor(models: CaseModels) {
    this.cases = models.Case.collection as unknown as Collection<StoredCase>;
  }

  /**
   * For every case the collection's own count, which needs no scan: an exact count of
   * 10,000 cases took 30 s on FerretDB.
   */
  count(filter: CaseStreamFilter): Promise<number> {
    const query = queryOf(filter);
    return Object.keys(query).length === 0
      ? this.cases.estimatedDocumentCount()
      : this.cases.countDocuments(query);
  }

  /**
   * A driver cursor: the next batch is fetched only when the consumer asks for it, so a
   * slow writer downstream holds the read back instead of piling cases up in memory.
   * Sorted on the unique `number` index, which MongoDB walks without an in-memory sort.
   */
  async *stream(filter: CaseStreamFilter): AsyncIterable<CaseState> {
    const cursor = this.cases.find(queryOf(filter)).sort({ number: 1 }).batchSize(BATCH_SIZE);
    try {
      for await (const document of cursor) yield toCaseState(document);
    } finally {
      await cursor.close();
    }
  }
}
