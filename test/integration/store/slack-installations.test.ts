/**
 * Bolt's installation store in the real database: what bolt's OAuth flow stores is what its
 * authorize() gets back, per workspace or per enterprise org, with the latest install winning.
 */
import type { Installation, InstallationStore } from '@slack/bolt';
import type mongoose from 'mongoose';
import { installedTokens } from '../../../adapters/slack/bot-tokens.js';
import { createSlackInstallationStore } from '../../../adapters/slack/installation-store.js';
import {
  SLACK_INSTALLATIONS_COLLECTION,
  createMongoChatInstallations,
} from '../../../src/store/chat-installations/mongo-chat-installations.js';
import { closeTestDatabase, connectTestDatabase } from '../../support/db.js';

let connection: mongoose.Connection;
let store: InstallationStore;

beforeAll(async () => {
  connection = await connectTestDatabase('slack_installations');
  store = createSlackInstallationStore(createMongoChatInstallations(connection));
});
afterAll(async () => {
  await closeTestDatabase(connection);
});

const raw = () => connection.collection(SLACK_INSTALLATIONS_COLLECTION);

/** What @slack/oauth's handleCallback builds from an `oauth.v2.access` answer. */
const teamInstall = (teamId: string, o: Partial<Installation<'v2', false>> = {}) =>
  ({
    team: { id: teamId, name: `Workspace ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALL1', token: undefined, scopes: undefined },
    bot: {
      token: `xoxb-${teamId}-1`,
      scopes: ['chat:write', 'commands'],
      id: 'B0CASELINE',
      userId: 'U0CASEBOT1',
    },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0CASELINE',
    authVersion: 'v2',
    ...o,
  }) satisfies Installation<'v2', false>;

const orgInstall = (enterpriseId: string): Installation<'v2', true> => ({
  team: undefined,
  enterprise: { id: enterpriseId, name: 'Globex Grid' },
  user: { id: 'U0ORGADMN1', token: undefined, scopes: undefined },
  bot: { token: `xoxb-${enterpriseId}`, scopes: ['chat:write'], id: 'B0ORG', userId: 'U0ORGBOT1' },
  tokenType: 'bot',
  isEnterpriseInstall: true,
  enterpriseUrl: 'https://globex.enterprise.slack.com/',
  appId: 'A0CASELINE',
  authVersion: 'v2',
});

const team = (teamId: string, userId?: string) => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false as const,
  ...(userId ? { userId } : {}),
});

describe('the Mongo installation store', () => {
  it('stores a workspace install under team:<id> and fetches it back whole', async () => {
    await store.storeInstallation(teamInstall('T0ROUND001'));

    const fetched = await store.fetchInstallation(team('T0ROUND001'));
    expect(fetched).toEqual(teamInstall('T0ROUND001'));
    expect(fetched.bot?.token).toBe('xoxb-T0ROUND001-1');
    const doc = await raw().findOne({ _id: 'team:T0ROUND001' as never });
    expect(doc).toMatchObject({ installation: { team: { id: 'T0ROUND001' } } });
    expect(doc?.storedAt).toBeInstanceOf(Date);
  });

  it('stores an org-wide install under enterprise:<id>, found for any of its workspaces', async () => {
    await store.storeInstallation(orgInstall('E0GLOBEX01'));

    const byOrg = { enterpriseId: 'E0GLOBEX01', teamId: undefined, isEnterpriseInstall: true };
    await expect(store.fetchInstallation(byOrg)).resolves.toMatchObject({
      isEnterpriseInstall: true,
      enterprise: { id: 'E0GLOBEX01' },
      bot: { token: 'xoxb-E0GLOBEX01' },
    });
    // bolt passes the workspace an event came from along with the org's id.
    const fromWorkspace = { ...byOrg, teamId: 'T0INGLOBEX' };
    await expect(store.fetchInstallation(fromWorkspace)).resolves.toMatchObject({
      bot: { token: 'xoxb-E0GLOBEX01' },
    });
    expect(await raw().findOne({ _id: 'enterprise:E0GLOBEX01' as never })).not.toBeNull();
    await expect(store.fetchInstallation(team('T0INGLOBEX'))).rejects.toThrow(
      'No installation for team T0INGLOBEX',
    );
  });

  it('keys a single-workspace install inside an enterprise by its team', async () => {
    const inOrg = teamInstall('T0WSINORG1', { enterprise: { id: 'E0GLOBEX02' } });
    await store.storeInstallation(inOrg);

    const query = { teamId: 'T0WSINORG1', enterpriseId: 'E0GLOBEX02', isEnterpriseInstall: false };
    await expect(store.fetchInstallation(query)).resolves.toMatchObject({
      enterprise: { id: 'E0GLOBEX02' },
      bot: { token: 'xoxb-T0WSINORG1-1' },
    });
  });

  it('keeps only the latest install of a workspace: a reinstall replaces the bot token', async () => {
    await store.storeInstallation(teamInstall('T0REINST01'));
    const rotated = {
      token: 'xoxe.xoxb-1-second',
      refreshToken: 'xoxe-1-refresh',
      expiresAt: 1_900_000_000,
      scopes: ['chat:write', 'commands', 'reactions:write'],
      id: 'B0CASELINE',
      userId: 'U0CASEBOT1',
    };
    await store.storeInstallation(teamInstall('T0REINST01', { bot: rotated }));

    await expect(store.fetchInstallation(team('T0REINST01'))).resolves.toMatchObject({
      bot: rotated,
    });
    const prefix = /^team:T0REINST01/;
    expect(await raw().countDocuments({ _id: prefix as never })).toBe(1);
  });

  it('answers a user their own user token, or the bot install without anyone’s', async () => {
    const installer = { id: 'U0ADMIN001', token: 'xoxp-admin', scopes: ['search:read'] };
    const other = { id: 'U0AGENT001', token: 'xoxp-agent', scopes: ['search:read'] };
    await store.storeInstallation(teamInstall('T0USERS001', { user: installer }));
    // The agent's own install carries no bot token: the workspace's bot must survive it.
    await store.storeInstallation(teamInstall('T0USERS001', { user: other, bot: undefined }));

    const forAgent = await store.fetchInstallation(team('T0USERS001', 'U0AGENT001'));
    expect(forAgent.user).toEqual(other);
    expect(forAgent.bot?.token).toBe('xoxb-T0USERS001-1');
    const forAdmin = await store.fetchInstallation(team('T0USERS001', 'U0ADMIN001'));
    expect(forAdmin.user).toEqual(installer);
    const forStranger = await store.fetchInstallation(team('T0USERS001', 'U0STRANGE1'));
    expect(forStranger.user.token).toBeUndefined();
    expect(forStranger.bot?.token).toBe('xoxb-T0USERS001-1');
    expect(await raw().findOne({ _id: 'team:T0USERS001:user:U0AGENT001' as never })).toMatchObject({
      installation: { user: other },
    });

    // One user revoking their token leaves the workspace's bot install in place.
    await store.deleteInstallation!({ ...team('T0USERS001', 'U0AGENT001') });
    const afterRevoke = await store.fetchInstallation(team('T0USERS001', 'U0AGENT001'));
    expect(afterRevoke.user.token).toBeUndefined();
    expect(afterRevoke.bot?.token).toBe('xoxb-T0USERS001-1');
  });

  it('forgets a workspace and its users on delete, so a fetch throws', async () => {
    const installer = { id: 'U0ADMIN002', token: 'xoxp-admin2', scopes: ['search:read'] };
    await store.storeInstallation(teamInstall('T0GONE0001', { user: installer }));
    await store.storeInstallation(teamInstall('T0GONE00012')); // a neighbour by prefix stays

    await store.deleteInstallation!(team('T0GONE0001'));

    await expect(store.fetchInstallation(team('T0GONE0001'))).rejects.toThrow(
      'No installation for team T0GONE0001',
    );
    await expect(store.fetchInstallation(team('T0GONE0001', 'U0ADMIN002'))).rejects.toThrow();
    expect(await raw().countDocuments({ _id: /^team:T0GONE0001:/ as never })).toBe(0);
    await expect(store.fetchInstallation(team('T0GONE00012'))).resolves.toBeDefined();
  });

  it('throws for a workspace it never saw, as bolt expects', async () => {
    await expect(store.fetchInstallation(team('T123'))).rejects.toThrow(
      'No installation for team T123',
    );
    const org = { teamId: undefined, enterpriseId: 'E404', isEnterpriseInstall: true };
    await expect(store.fetchInstallation(org)).rejects.toThrow(
      'No installation for enterprise E404',
    );
  });

  it('reads documents with nulls and refuses ones missing what bolt needs', async () => {
    await raw().insertOne({
      _id: 'team:T0NULLS001' as never,
      installation: { ...teamInstall('T0NULLS001'), enterprise: null, incomingWebhook: null },
      storedAt: new Date(),
    });
    await expect(store.fetchInstallation(team('T0NULLS001'))).resolves.toMatchObject({
      bot: { token: 'xoxb-T0NULLS001-1' },
    });

    const { bot: _bot, ...rest } = teamInstall('T0BROKEN01');
    await raw().insertOne({
      _id: 'team:T0BROKEN01' as never,
      installation: { ...rest, bot: { id: 'B1' }, user: {} },
      storedAt: new Date(),
    });
    await expect(store.fetchInstallation(team('T0BROKEN01'))).rejects.toThrow(
      /team:T0BROKEN01 is malformed .*bot\.token/,
    );
  });
});

describe('the bot token for a case from no workspace', () => {
  it('is the token of the workspace installed most recently', async () => {
    const own = await connectTestDatabase('slack_latest_install');
    try {
      const records = createMongoChatInstallations(own);
      const installs = createSlackInstallationStore(records);
      const tokenFor = installedTokens(installs, records);
      await expect(tokenFor(undefined)).rejects.toThrow('not installed in any Slack workspace');
      // Installed yesterday, as stored then (two writes now could share a millisecond).
      await own.collection(SLACK_INSTALLATIONS_COLLECTION).insertOne({
        _id: 'team:T0FIRST001' as never,
        installation: teamInstall('T0FIRST001'),
        storedAt: new Date(Date.now() - 24 * 60 * 60 * 1000),
      });
      await installs.storeInstallation(teamInstall('T0SECOND01'));
      expect(await tokenFor(undefined)).toBe('xoxb-T0SECOND01-1');
      expect(await tokenFor('T0FIRST001')).toBe('xoxb-T0FIRST001-1');
    } finally {
      await closeTestDatabase(own);
    }
  });
});
