import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Core } from '../../src/composition.js';
import type { Config } from '../../src/config.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';
import type { ChatMessageOutcome } from '../../src/use-cases/receive-chat-message.js';
import type { Result } from '../../src/domain/result.js';
import { resolveSlackActor, type SlackUser } from './identity.js';

/** What every listener needs; built once in app.ts. */
export interface SlackContext {
  readonly core: Core;
  readonly config: Config;
  readonly chatLinks: ChatLinkRepository;
  readonly log: Logger;
  readonly receiveMessage: (input: unknown) => Promise<Result<ChatMessageOutcome>>;
  actorOf(user: SlackUser): Promise<Actor | undefined>;
}

export const makeSlackContext = (args: Omit<SlackContext, 'actorOf'>): SlackContext => ({
  ...args,
  actorOf: (user) => resolveSlackActor(args.core.directory, user),
});

/** Tells one person something only they see, in the conversation they acted in. */
export const tellUser = async (
  client: WebClient,
  channel: string | undefined,
  user: string,
  text: string,
): Promise<void> => {
  if (!channel) return;
  await client.chat.postEphemeral({ channel, user, text });
};
