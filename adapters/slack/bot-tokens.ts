import type { InstallationStore } from '@slack/bolt';
import type { ChatInstallations } from '../../src/ports/chat-installations.js';

/**
 * Which bot token posts about a case. With one bot token (the usual single-workspace
 * install) the client already carries it; with OAuth installs it is the token of the
 * workspace that received the case, or, for cases that came by phone or the CLI, of the
 * workspace installed most recently.
 */
export type BotTokenFor = (workspace: string | undefined) => Promise<string | undefined>;

export const singleTokenMode: BotTokenFor = async () => undefined;

export const installedTokens = (
  store: InstallationStore,
  records: Pick<ChatInstallations, 'latestKey'>,
): BotTokenFor => {
  const latestTeam = async (): Promise<string | undefined> => {
    const latest = await records.latestKey();
    return latest?.startsWith('team:') ? latest.slice('team:'.length).split(':')[0] : undefined;
  };
  return async (workspace) => {
    const teamId = workspace ?? (await latestTeam());
    if (!teamId) throw new Error('Caseline is not installed in any Slack workspace yet');
    const installation = await store.fetchInstallation({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const token = installation.bot?.token;
    if (!token) throw new Error(`The Slack installation of ${teamId} has no bot token`);
    return token;
  };
};
