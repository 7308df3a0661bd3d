import {
  contractCalendars,
  describeAgentStatusContract,
} from '../../contracts/agent-status.contract.js';
import { MongoAgentStatus } from '../../../src/store/agents/mongo-agent-status.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

describeAgentStatusContract('MongoDB', async () => {
  const connection = await connectTestDatabase('agent_status_contract');
  return {
    store: new MongoAgentStatus(connection, contractCalendars),
    close: () => closeTestDatabase(connection),
  };
});
