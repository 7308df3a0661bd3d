import { describeCaseStoreContract } from '../../contracts/case-store.contract.js';
import { describeOutboxStoreContract } from '../../contracts/outbox-store.contract.js';
import { MongoCaseRepository } from '../../../src/store/cases/mongo-case-repository.js';
import { MongoOutboxStore } from '../../../src/store/cases/mongo-outbox-store.js';
import { createCaseModels, ensureCaseIndexes } from '../../../src/store/cases/models.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

const open = async () => {
  const connection = await connectTestDatabase('case_contract');
  const models = createCaseModels(connection);
  // The unique indexes on number and intake key are part of what the store promises.
  await ensureCaseIndexes(models);
  return {
    cases: new MongoCaseRepository(models),
    outbox: new MongoOutboxStore(models),
    close: () => closeTestDatabase(connection),
  };
};

describeCaseStoreContract('MongoDB', open);
describeOutboxStoreContract('MongoDB', open);
