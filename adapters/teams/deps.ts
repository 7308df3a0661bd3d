/**
 * What the Teams adapter is given: the use cases its bot calls, the directory read only
 * and the SLA clocks for its cards. The composition root builds it from
 * the lists in ../shared/deps.ts.
 */
import type { Clock } from '../../src/ports/clock.js';
import type { ChatCsat } from '../shared/csat.js';
import type { ChatDeskReports } from '../shared/desk.js';
import type {
  ChatKbUseCases,
  ChatUseCases,
  ChatKb,
  DirectoryLookups,
  RegisterChatContact,
  SlaLookups,
} from '../shared/deps.js';

export interface TeamsDeps {
  readonly useCases: ChatUseCases;
  readonly kb: ChatKb<ChatKbUseCases>;
  /** The satisfaction survey (absent where a test builds the adapter without it). */
  readonly csat?: ChatCsat | undefined;
  readonly directory: DirectoryLookups;
  /** Makes an unknown sender from a mapped tenant a contact of that organization. */
  readonly registerContact: RegisterChatContact;
  readonly sla?: SlaLookups | undefined;
  readonly clock: Clock;
  /** Report cards and desk sign-in links for leads (absent where a test leaves them out). */
  readonly desk?: ChatDeskReports | undefined;
}
