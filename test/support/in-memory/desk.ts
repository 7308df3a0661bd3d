import { SIMPLE_WORKFLOW } from '../../../src/domain/workflow/index.js';
import { makeAddInternalNote } from '../../../src/use-cases/add-internal-note.js';
import { makeCloseCase } from '../../../src/use-cases/close-case.js';
import { makeMoveMessageToNewCase } from '../../../src/use-cases/move-message-to-new-case.js';
import { makeReopenCase } from '../../../src/use-cases/reopen-case.js';
import { makeResolveCase } from '../../../src/use-cases/resolve-case.js';
import { makeOpenCase } from '../../../src/use-cases/open-case.js';
import { wordOverlap } from '../../../src/kb/word-overlap.js';
import { makeReceiveChatMessage } from '../../../src/use-cases/receive-chat-message.js';
import { makeReplyToCustomer } from '../../../src/use-cases/reply-to-customer.js';
import { InMemoryCases, InMemoryChatLinks, ManualClock, sequentialIds } from './cases.js';
import { InMemoryDirectory } from './directory.js';

export const GROUPING_WINDOW_MS = 120_000;

/**
 * The chat intake use cases wired to in-memory ports as the chat adapters wire them to
 * Mongo ones. `intakeLookup: false` leaves out the optional lookup of a message's own case.
 */
export const inMemoryDesk = (options: { readonly intakeLookup?: boolean } = {}) => {
  const clock = new ManualClock();
  const cases = new InMemoryCases();
  const chatLinks = new InMemoryChatLinks();
  const deps = { cases, clock, newId: sequentialIds(), workflow: SIMPLE_WORKFLOW };
  const openCase = makeOpenCase({
    ...deps,
    directory: new InMemoryDirectory(),
    caseNumber: { prefix: 'CASE', start: 1000 },
    defaultPriority: 'normal',
  });
  const replyToCustomer = makeReplyToCustomer(deps);
  const addInternalNote = makeAddInternalNote(deps);
  const receive = makeReceiveChatMessage({
    chatLinks,
    cases,
    clock,
    groupingWindowMs: GROUPING_WINDOW_MS,
    reopenWithinDays: 14,
    overlap: wordOverlap,
    openCase,
    replyToCustomer,
    addInternalNote,
    ...(options.intakeLookup === false
      ? {}
      : { caseOfIntake: (key: string) => cases.findByIntakeClaim(key) }),
  });
  const moveMessage = makeMoveMessageToNewCase({ ...deps, openCase });
  const reopenCase = makeReopenCase({ ...deps, reopenWithinDays: 14 });
  const closeCase = makeCloseCase(deps);
  const resolveCase = makeResolveCase(deps);
  return {
    clock,
    cases,
    chatLinks,
    openCase,
    replyToCustomer,
    addInternalNote,
    receive,
    moveMessage,
    reopenCase,
    closeCase,
    resolveCase,
  };
};
