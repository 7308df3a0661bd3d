/**
 * What the Slack adapter is given: the use cases its listeners call, the directory read
 * only, and the clock. The composition root builds it from
 * the lists in ../shared/deps.ts.
 */
import type { Clock } from '../../src/ports/clock.js';
import type { ChatCsat } from '../shared/csat.js';
import type { ChatDeskReports } from '../shared/desk.js';
import type { ChatKb, ChatKbUseCases, ChatUseCases, DirectoryLookups } from '../shared/deps.js';

export interface SlackDeps {
  readonly useCases: ChatUseCases;
  readonly kb: ChatKb<ChatKbUseCases>;
  /** The satisfaction survey (absent where a test builds the adapter without it). */
  readonly csat?: ChatCsat | undefined;
  readonly directory: DirectoryLookups;
  readonly clock: Clock;
  /** Report cards and desk sign-in links for leads (absent where a test leaves them out). */
  readonly desk?: ChatDeskReports | undefined;
}
