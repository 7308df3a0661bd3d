import { z } from 'zod';
import type { Env } from '../../src/config.js';

/** How the Slack app connects, derived from the validated environment. */
export type SlackSettings = z.infer<typeof slackSettingsSchema>;

const slackSettingsSchema = z
  .object({
    // HTTP mode verifies every request with it; Socket Mode messages are not signed.
    signingSecret: z.string(),
    botToken: z
      .string()
      .startsWith('xoxb-', 'SLACK_BOT_TOKEN must be a bot token (xoxb-...)')
      .optional(),
    appToken: z
      .string()
      .startsWith('xapp-', 'SLACK_APP_TOKEN must be an app-level token (xapp-...)')
      .optional(),
    clientId: z.string().optional(),
    clientSecret: z.string().optional(),
    // Signs the OAuth state cookie; a short secret would make it guessable.
    stateSecret: z.string().min(32, 'SLACK_STATE_SECRET must be at least 32 characters').optional(),
    apiUrl: z.string().optional(),
  })
  .refine((s) => Boolean(s.appToken) || s.signingSecret.length > 0, {
    message: 'SLACK_SIGNING_SECRET is required (or SLACK_APP_TOKEN for Socket Mode)',
  })
  .refine((s) => Boolean(s.botToken) || (Boolean(s.clientId) && Boolean(s.clientSecret)), {
    message:
      'Slack needs SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth installs',
  })
  .refine((s) => Boolean(s.clientId) === Boolean(s.clientSecret), {
    message: 'SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together',
  })
  // Bolt refuses a fixed token together with OAuth installs.
  .refine((s) => !(s.botToken && s.clientId), {
    message:
      'Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (OAuth installs), not both',
  })
  .refine((s) => !s.clientId || Boolean(s.stateSecret), {
    message: 'OAuth installs need SLACK_STATE_SECRET',
  });

export const isOAuth = (settings: SlackSettings): boolean => Boolean(settings.clientId);

/** Slack is on when a signing secret or a token is set; then the rest must make sense. */
export const slackSettingsFrom = (env: Env): SlackSettings | undefined => {
  if (!env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN && !env.SLACK_CLIENT_ID) return undefined;
  const parsed = slackSettingsSchema.safeParse({
    signingSecret: env.SLACK_SIGNING_SECRET ?? '',
    botToken: env.SLACK_BOT_TOKEN,
    appToken: env.SLACK_APP_TOKEN,
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET,
    stateSecret: env.SLACK_STATE_SECRET,
    apiUrl: env.SLACK_API_URL,
  });
  if (!parsed.success) {
    throw new Error(`Slack configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
};
