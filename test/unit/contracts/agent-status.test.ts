import {
  contractCalendars,
  describeAgentStatusContract,
} from '../../contracts/agent-status.contract.js';
import { InMemoryAgentStatus } from '../../support/in-memory/agent-status.js';

describeAgentStatusContract('in memory', async () => ({
  store: new InMemoryAgentStatus(contractCalendars),
  close: async () => undefined,
}));
