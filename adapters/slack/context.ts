import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Config } from '../../src/config.js';
import type { Actor } from '../../src/domain/case/types.js';
import type { ChatLinkRepository } from '../../src/ports/chat-links.js';
import type { ConversationUseCases } from '../shared/deps.js';
import type { SlackDeps } from './deps.js';
import { resolveSlackActor, type SlackUser } from './identity.js';
import type { SlackMessage } from './render/blocks.js';

/** What every listener needs; built once in app.ts. */
export interface SlackContext {
  /** The use cases and lookups the listeners call (never the whole core). */
  readonly core: SlackDeps;
  readonly config: Config;
  readonly chatLinks: ChatLinkRepository;
  readonly log: Logger;
  /** What a written message becomes, and the presses its answers offer. */
  readonly conversation: ConversationUseCases;
  actorOf(user: SlackUser): Promise<Actor | undefined>;
}

/** The person behind an interaction payload (a button, a modal, a shortcut). */
export const userOfPayload = (body: {
  readonly user: { readonly id: string; readonly team_id?: string | undefined };
  readonly team?: { readonly id: string } | null | undefined;
}): SlackUser => ({ teamId: body.user.team_id ?? body.team?.id, userId: body.user.id });

/** Profile emails, asked of Slack at most once per user per process. */
const emailLookup = (client: WebClient | undefined) => {
  const cache = new Map<string, Promise<string | undefined>>();
  return (userId: string): Promise<string | undefined> => {
    if (!client) return Promise.resolve(undefined);
    const cached = cache.get(userId);
    if (cached) return cached;
    const email = client.users
      .info({ user: userId })
      .then((r) => r.user?.profile?.email?.toLowerCase())
      .catch(() => undefined);
    cache.set(userId, email);
    // Only a found email is worth keeping: a failed lookup is asked again next time.
    void email.then((found) => found ?? cache.delete(userId));
    return email;
  };
};

export const makeSlackContext = (
  args: Omit<SlackContext, 'actorOf'> & { readonly client?: WebClient },
): SlackContext => {
  const emailOf = emailLookup(args.client);
  return { ...args, actorOf: (user) => resolveSlackActor(args.core.directory, user, emailOf) };
};

/**
 * Tells one person something only they see, in the conversation they acted in; where there
 * is none (a modal opened from App Home) or Slack refuses the ephemeral there (they left the
 * channel), in their DM with the app, so a refusal never goes untold.
 */
export const tellUser = async (
  client: WebClient,
  channel: string | undefined,
  user: string,
  message: string | SlackMessage,
): Promise<void> => {
  const content = typeof message === 'string' ? { text: message } : message;
  if (channel) {
    // Only a refusal (not in the channel, no such channel) moves it to the DM; Slack being
    // down fails the delivery, which the inbox retries where the person acted.
    const told = await client.chat.postEphemeral({ channel, user, ...content }).then(
      () => true,
      (error: unknown) => {
        if ((error as { code?: unknown }).code === ErrorCode.PlatformError) return false;
        throw error;
      },
    );
    if (told) return;
  }
  // A user id as the channel posts in the app's DM with that user.
  await client.chat.postMessage({ channel: user, ...content });
};
