/**
 * Moves a case to a stage of the conversation table the way an agent would, through the
 * running app's use cases; "closed long ago" also dates its closing back past the window.
 */
import type { Core } from '../../src/composition.js';
import { staffActor } from '../../adapters/shared/actors.js';
import type { CaseStage } from './conversation-table.js';
import { eventually } from './eventually.js';

const AGENT_EMAIL = 'priya.raman@ledgerline.example';
const DAY_MS = 24 * 60 * 60 * 1000;

const must = async (step: string, result: Promise<{ ok: boolean }>): Promise<void> => {
  const done = await result;
  if (!done.ok) throw new Error(`setting up the case failed at ${step}: ${JSON.stringify(done)}`);
};

export const moveToStage = async (core: Core, caseId: string, stage: CaseStage): Promise<void> => {
  if (stage === 'none' || stage === 'new') return;
  const agent = await core.directory.findAgentByEmail(AGENT_EMAIL);
  if (!agent) throw new Error(`the example data has no ${AGENT_EMAIL}`);
  const actor = staffActor(agent);
  const ref = { caseId };
  const { useCases } = core;
  if (stage === 'open' || stage === 'pending-customer')
    await must('claim', useCases.claimCase({ ref, actor }));
  if (stage === 'pending-customer')
    await must('ask', useCases.transitionCase({ ref, actor, to: 'waiting-on-customer' }));
  if (stage === 'solved' || stage === 'closed' || stage === 'closed-long-ago')
    await must(
      'resolve',
      useCases.resolveCase({
        ref,
        actor,
        resolution: { type: 'fixed', text: 'Re-ran the export with the corrected period.' },
      }),
    );
  if (stage === 'closed' || stage === 'closed-long-ago') {
    // Closing needs the resolution sent to the customer: the outbox does that just after.
    await eventually(async () => (await core.cases.findById(caseId))?.resolutionSentAt, 10_000);
    await must('close', useCases.closeCase({ ref, actor }));
  }
  if (stage === 'closed-long-ago')
    await core.connection
      .collection('cases')
      .updateOne(
        { _id: caseId as never },
        { $set: { closedAt: new Date(Date.now() - 30 * DAY_MS) } },
      );
};
