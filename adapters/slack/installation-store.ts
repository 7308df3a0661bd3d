import type {
  Installation,
  InstallationQuery,
  InstallationStore,
  Logger as BoltLogger,
} from '@slack/bolt';
import { z } from 'zod';
import type { ChatInstallations } from '../../src/ports/chat-installations.js';

/**
 * Bolt's installation store for multi-workspace OAuth installs, on the installations port
 * (every lookup by key):
 *   team:<teamId>                     → the latest install on a workspace
 *   enterprise:<enterpriseId>         → the latest org-wide install (isEnterpriseInstall)
 *   <either of those>:user:<userId>   → the latest install by a user who granted a user token
 * Like bolt's FileInstallationStore, a fetch with a `userId` answers the workspace's install
 * with that user's token when they have one, and with no user token otherwise.
 */

const ids = z.looseObject({ id: z.string().min(1), name: z.string().optional() });
const userSchema = z.looseObject({
  id: z.string().min(1),
  token: z.string().optional(),
  refreshToken: z.string().optional(),
  expiresAt: z.number().optional(),
  scopes: z.array(z.string()).optional(),
});
// Loose on purpose: the fields bolt's authorize() reads are checked, the rest is kept as stored.
const installationSchema = z.looseObject({
  team: ids.optional(),
  enterprise: ids.optional(),
  user: userSchema,
  bot: z
    .looseObject({
      token: z.string().min(1),
      id: z.string(),
      userId: z.string(),
      scopes: z.array(z.string()),
      refreshToken: z.string().optional(),
      expiresAt: z.number().optional(),
    })
    .optional(),
  isEnterpriseInstall: z.boolean().optional(),
  authVersion: z.enum(['v1', 'v2']).optional(),
  appId: z.string().optional(),
  tokenType: z.literal('bot').optional(),
  enterpriseUrl: z.string().optional(),
  metadata: z.string().optional(),
});

/** Installations are JSON from Slack; read back without the `null`s storage may leave. */
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
};

const workspaceKeyOf = (installation: Installation): string => {
  if (installation.isEnterpriseInstall && installation.enterprise?.id) {
    return `enterprise:${installation.enterprise.id}`;
  }
  if (installation.team?.id) return `team:${installation.team.id}`;
  throw new Error('A Slack installation needs a team id, or an enterprise id when org-wide');
};

const subjectOf = (query: InstallationQuery<boolean>): string =>
  query.isEnterpriseInstall || !query.teamId
    ? `enterprise ${query.enterpriseId ?? '(none)'}`
    : `team ${query.teamId}`;

const workspaceKeyFor = (query: InstallationQuery<boolean>): string => {
  if (query.isEnterpriseInstall) {
    if (!query.enterpriseId)
      throw new Error('An org-wide installation query needs an enterpriseId');
    return `enterprise:${query.enterpriseId}`;
  }
  if (query.teamId) return `team:${query.teamId}`;
  // As bolt's own stores do: a query with only an enterprise id means the org's install.
  if (query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  throw new Error('An installation query needs a teamId or an enterpriseId');
};

const userKey = (workspaceKey: string, userId: string): string => `${workspaceKey}:user:${userId}`;

const withoutUserToken = (user: Installation['user']): Installation['user'] => ({
  ...user,
  token: undefined,
  refreshToken: undefined,
  expiresAt: undefined,
  scopes: undefined,
});

export const createSlackInstallationStore = (records: ChatInstallations): InstallationStore => {
  const read = async (key: string): Promise<Installation | undefined> => {
    const stored = await records.read(key);
    if (!stored) return undefined;
    const parsed = installationSchema.safeParse(withoutNulls(stored));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`Stored Slack installation ${key} is malformed (${problems.join('; ')})`);
    }
    return parsed.data as Installation;
  };
  const write = (key: string, installation: object): Promise<void> =>
    records.write(key, installation as Record<string, unknown>);

  return {
    async storeInstallation(installation: Installation, logger?: BoltLogger): Promise<void> {
      const key = workspaceKeyOf(installation);
      logger?.debug(`Storing Slack installation ${key} (installer ${installation.user.id})`);
      // A user-token-only install must not drop the workspace's bot token.
      const bot = installation.bot ?? (await read(key).catch(() => undefined))?.bot;
      const writes = [write(key, { ...installation, bot })];
      if (installation.user.token) {
        // The user's copy keeps no bot token: rotation updates the workspace's copy only.
        writes.push(write(userKey(key, installation.user.id), { ...installation, bot: undefined }));
      }
      await Promise.all(writes);
    },

    async fetchInstallation(
      query: InstallationQuery<boolean>,
      logger?: BoltLogger,
    ): Promise<Installation> {
      const key = workspaceKeyFor(query);
      const { userId } = query;
      const [installation, ofUser] = await Promise.all([
        read(key),
        userId ? read(userKey(key, userId)) : undefined,
      ]);
      if (!installation) throw new Error(`No installation for ${subjectOf(query)}`);
      if (userId && installation.user.id !== userId) {
        if (!ofUser) logger?.debug(`No user token stored for ${userId} on ${key}`);
        installation.user = ofUser ? ofUser.user : withoutUserToken(installation.user);
      }
      return installation;
    },

    async deleteInstallation(
      query: InstallationQuery<boolean>,
      logger?: BoltLogger,
    ): Promise<void> {
      const key = workspaceKeyFor(query);
      const { userId } = query;
      logger?.debug(`Deleting Slack installation ${key}${userId ? ` for user ${userId}` : ''}`);
      if (userId) {
        // A user revoked their token: forget it, keep the workspace's bot install.
        await records.remove(userKey(key, userId));
        const installation = await read(key);
        if (installation?.user.id === userId) {
          await write(key, { ...installation, user: withoutUserToken(installation.user) });
        }
        return;
      }
      // Uninstall: the workspace and its users.
      await Promise.all([records.remove(key), records.removeStartingWith(`${key}:user:`)]);
    },
  };
};
