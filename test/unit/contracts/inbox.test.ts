import { describeInboxContract } from '../../contracts/inbox.contract.js';
import { InMemoryInbox } from '../../support/in-memory/inbox.js';

describeInboxContract('in memory', async () => ({
  inbox: new InMemoryInbox(),
  close: async () => undefined,
}));
