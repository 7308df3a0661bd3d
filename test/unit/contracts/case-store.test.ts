import { describeCaseStoreContract } from '../../contracts/case-store.contract.js';
import { InMemoryCases } from '../../support/in-memory/cases.js';

describeCaseStoreContract('in memory', async () => {
  const store = new InMemoryCases();
  return { cases: store, outbox: store, close: async () => undefined };
});
