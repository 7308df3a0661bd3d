import { z } from 'zod';
import { digest, PRESS_REPEAT_MS } from '../shared/press.js';

export { PRESS_REPEAT_MS };

/**
 * What kind of Slack delivery a body is, and its identity in the inbox. Slack retries
 * events with the same `event_id`; it never retries interactions, so their keys name the
 * gesture (who pressed what, where) to fold a double click into one press.
 */
export type SlackDelivery =
  | { readonly kind: 'event'; readonly key: string; readonly group: string }
  | {
      readonly kind: 'interaction';
      readonly key: string;
      readonly group: string;
      readonly repeatWindowMs?: number;
      /** Where to tell the person when it could not be stored. */
      readonly user?: string;
      readonly channel?: string;
      readonly team?: string;
      readonly answer: 'command' | 'view' | 'message';
      readonly firstInputBlock?: string;
    }
  // Read-only requests (a menu's options) and anything Slack may add later: no inbox.
  | { readonly kind: 'passthrough' };

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
  team_id: z.string().optional(),
  event: z.looseObject({ channel: z.string().optional() }),
});

const who = {
  user: z.looseObject({ id: z.string().min(1) }),
  team: z.looseObject({ id: z.string() }).nullish(),
  channel: z.looseObject({ id: z.string() }).nullish(),
};

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  ...who,
  container: z.looseObject({}).optional(),
  actions: z.array(z.looseObject({ action_id: z.string() })).min(1),
});

const viewSubmission = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  ...who,
  view: z.looseObject({
    id: z.string().min(1),
    state: z.looseObject({}).optional(),
    blocks: z
      .array(z.looseObject({ type: z.string(), block_id: z.string().optional() }))
      .optional(),
  }),
});

const shortcut = z.looseObject({
  type: z.enum(['shortcut', 'message_action']),
  trigger_id: z.string().min(1),
  ...who,
});

const command = z.looseObject({
  command: z.string().min(1),
  trigger_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().optional(),
  team_id: z.string().optional(),
});

const pressKey = (body: z.infer<typeof blockActions>): string => {
  const { action_ts: _ts, ...action } = body.actions[0] ?? { action_id: '' };
  return `slack:press:${body.user.id}:${digest([body.container, action])}`;
};

/** The delivery a parsed Slack body is; undefined when its shape is not one Slack sends. */
export const slackDelivery = (body: unknown): SlackDelivery | undefined => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const type = (body as { type?: unknown }).type;
  if (type === 'block_suggestion') return { kind: 'passthrough' };
  const event = eventCallback.safeParse(body);
  if (event.success) {
    const e = event.data;
    return {
      kind: 'event',
      key: `slack:event:${e.event_id}`,
      group: `slack:${e.event.channel ?? e.team_id ?? ''}`,
    };
  }
  const press = blockActions.safeParse(body);
  if (press.success) {
    const b = press.data;
    return {
      kind: 'interaction',
      key: pressKey(b),
      group: `slack:${b.user.id}`,
      repeatWindowMs: PRESS_REPEAT_MS,
      user: b.user.id,
      ...(b.channel?.id ? { channel: b.channel.id } : {}),
      ...(b.team?.id ? { team: b.team.id } : {}),
      answer: 'message',
    };
  }
  const view = viewSubmission.safeParse(body);
  if (view.success) {
    const v = view.data;
    const input = v.view.blocks?.find((block) => block.type === 'input' && block.block_id);
    return {
      kind: 'interaction',
      // The same form submitted again with the same answers is the same submission; after
      // a correction (different answers) it is a new one.
      key: `slack:${v.type}:${v.view.id}:${digest(v.view.state ?? {})}`,
      group: `slack:${v.user.id}`,
      user: v.user.id,
      ...(v.team?.id ? { team: v.team.id } : {}),
      answer: 'view',
      ...(input?.block_id ? { firstInputBlock: input.block_id } : {}),
    };
  }
  const cut = shortcut.safeParse(body);
  if (cut.success) {
    const s = cut.data;
    return {
      kind: 'interaction',
      key: `slack:shortcut:${s.trigger_id}`,
      group: `slack:${s.user.id}`,
      user: s.user.id,
      ...(s.channel?.id ? { channel: s.channel.id } : {}),
      ...(s.team?.id ? { team: s.team.id } : {}),
      answer: 'message',
    };
  }
  const slash = command.safeParse(body);
  if (slash.success) {
    const c = slash.data;
    return {
      kind: 'interaction',
      key: `slack:command:${c.trigger_id}`,
      group: `slack:${c.user_id}`,
      user: c.user_id,
      ...(c.channel_id ? { channel: c.channel_id } : {}),
      ...(c.team_id ? { team: c.team_id } : {}),
      answer: 'command',
    };
  }
  return undefined;
};
