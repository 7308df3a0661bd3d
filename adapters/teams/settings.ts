import { z } from 'zod';
import type { Env } from '../../src/config.js';

/** How the bot authenticates with the Bot Framework, derived from the validated environment. */
export type TeamsSettings = z.infer<typeof teamsSettingsSchema>;

const teamsSettingsSchema = z
  .object({
    appId: z.string().optional(),
    password: z.string().optional(),
    tenantId: z.string().optional(),
    appType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  })
  .refine((s) => !s.appId || s.appType === 'UserAssignedMSI' || Boolean(s.password), {
    message:
      'MICROSOFT_APP_ID needs MICROSOFT_APP_PASSWORD (or MICROSOFT_APP_TYPE=UserAssignedMSI)',
  })
  .refine((s) => s.appType !== 'SingleTenant' || Boolean(s.tenantId), {
    message: 'MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID',
  });

/** True when inbound activities are not authenticated: only for local use and tests. */
export const isUnauthenticated = (settings: TeamsSettings): boolean => !settings.appId;

/**
 * Teams is on when an app id is set; without one the bot still runs, unauthenticated, for
 * local use (the playground, tests) — but never in production, where anyone could post.
 */
export const teamsSettingsFrom = (
  env: Env,
  options: { readonly localUse: boolean },
): TeamsSettings | undefined => {
  if (!env.MICROSOFT_APP_ID && (!options.localUse || env.NODE_ENV === 'production'))
    return undefined;
  const parsed = teamsSettingsSchema.safeParse({
    appId: env.MICROSOFT_APP_ID,
    password: env.MICROSOFT_APP_PASSWORD,
    tenantId: env.MICROSOFT_APP_TENANT_ID,
    appType: env.MICROSOFT_APP_TYPE,
  });
  if (!parsed.success) {
    throw new Error(`Teams configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
};

/** The keys botbuilder's ConfigurationBotFrameworkAuthentication reads. */
export const botFrameworkConfiguration = (settings: TeamsSettings) => ({
  MicrosoftAppId: settings.appId ?? '',
  MicrosoftAppPassword: settings.password ?? '',
  MicrosoftAppTenantId: settings.tenantId ?? '',
  MicrosoftAppType: settings.appType,
});
