import { describeCaseStoreContract } from '../../contracts/case-store.contract.js';
import { describeOutboxStoreContract } from '../../contracts/outbox-store.contract.js';
import { InMemoryCases } from '../../support/in-memory/cases.js';

const open = async () => {
  const store = new InMemoryCases();
  return { cases: store, outbox: store, close: async () => undefined };
};

describeCaseStoreContract('in memory', open);
describeOutboxStoreContract('in memory', open);
