import { describeKbEvidenceContract } from '../../contracts/kb-evidence.contract.js';
import { MongoKbEvidenceStore } from '../../../src/store/kb/mongo-kb-evidence-store.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

describeKbEvidenceContract('MongoDB', async () => {
  const connection = await connectTestDatabase('kb_evidence_contract');
  return {
    store: new MongoKbEvidenceStore(connection),
    close: () => closeTestDatabase(connection),
  };
});
