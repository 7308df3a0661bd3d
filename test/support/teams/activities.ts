import { randomUUID } from 'node:crypto';

/** People of the example data as Teams sends them. */
export const TEAMS_CUSTOMER = {
  id: '29:grace-okafor',
  name: 'Grace Okafor',
  email: 'grace.okafor@harborfoods.example',
} as const;
/** Tomás Herrera is an agent with an Entra object id in examples/agents.csv. */
export const TEAMS_AGENT = {
  id: '29:tomas-herrera',
  name: 'Tomás Herrera',
  aadObjectId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
} as const;
/** The agents' channel the test config names as the general queue's triage channel. */
export const DESK_CHANNEL = '19:caselinedesk@thread.tacv2';
/** A shared channel the test config maps to Harbor Foods as a support channel. */
export const SUPPORT_CHANNEL = '19:harborsupport@thread.tacv2';
export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const BOT = { id: '28:caseline-bot', name: 'Caseline' };

type Person = { readonly id: string; readonly name: string; readonly aadObjectId?: string };
type Conversation = {
  readonly id: string;
  readonly conversationType: 'personal' | 'channel' | 'groupChat';
};

const base = (serviceUrl: string, from: Person, conversation: Conversation) => ({
  id: randomUUID(),
  channelId: 'msteams',
  serviceUrl,
  timestamp: new Date().toISOString(),
  from: {
    id: from.id,
    name: from.name,
    ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
  },
  recipient: BOT,
  conversation: { ...conversation, tenantId: TENANT },
  channelData: { tenant: { id: TENANT } },
});

/** A message activity, shaped like Teams' (see the Bot Framework activity schema). */
export const messageActivity = (
  serviceUrl: string,
  args: { from: Person; conversation: Conversation; text: string; id?: string },
) => ({
  ...base(serviceUrl, args.from, args.conversation),
  ...(args.id ? { id: args.id } : {}),
  type: 'message',
  text: args.text,
  textFormat: 'plain',
  locale: 'en-GB',
});

/** A Universal Action press: `invoke` named `adaptiveCard/action`. */
export const cardAction = (
  serviceUrl: string,
  args: {
    from: Person;
    conversation: Conversation;
    verb: string;
    data: Record<string, unknown>;
    replyToId?: string;
    id?: string;
  },
) => ({
  ...base(serviceUrl, args.from, args.conversation),
  ...(args.id ? { id: args.id } : {}),
  type: 'invoke',
  name: 'adaptiveCard/action',
  ...(args.replyToId ? { replyToId: args.replyToId } : {}),
  value: {
    action: { type: 'Action.Execute', verb: args.verb, data: args.data },
    trigger: 'manual',
  },
});

/** The bot added to a team: Teams sends this, and the channel's reference comes with it. */
export const botAddedToChannel = (serviceUrl: string, channelId: string) => ({
  ...base(
    serviceUrl,
    { id: '29:installer', name: 'Installer' },
    { id: channelId, conversationType: 'channel' },
  ),
  type: 'conversationUpdate',
  membersAdded: [BOT],
  channelData: { tenant: { id: TENANT }, team: { id: channelId }, eventType: 'teamMemberAdded' },
});

export const postActivity = async (appUrl: string, activity: object) => {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
};
