import { describeKbEvidenceContract } from '../../contracts/kb-evidence.contract.js';
import { InMemoryKbEvidence } from '../../support/in-memory/kb-evidence.js';

describeKbEvidenceContract('in memory', async () => ({
  store: new InMemoryKbEvidence(),
  close: async () => undefined,
}));
