/**
 * Web Chat renders Adaptive Cards but its support for Universal Actions is partial, so the
 * playground hands it the card with each `Action.Execute` turned into an `Action.Submit`
 * that carries the verb, the data and the card's activity id. The emulator turns that
 * submit back into the `adaptiveCard/action` invoke Teams would send.
 */
export const SUBMIT_KEY = '__caselineExecute';

export interface ExecutePress {
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly cardActivityId: string;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

const rewrite = (node: unknown, cardActivityId: string): unknown => {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, cardActivityId));
  if (!node || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (record.type === 'Action.Execute') {
    return {
      type: 'Action.Submit',
      title: record.title,
      // Where the card put it (its "…" menu) and how it stands out stay as Teams shows them.
      ...(record.mode ? { mode: record.mode } : {}),
      ...(record.style ? { style: record.style } : {}),
      data: {
        [SUBMIT_KEY]: { verb: record.verb, data: record.data ?? {}, cardActivityId },
      },
    };
  }
  // Teams fetches user-specific views through `refresh`; Web Chat would not, so it goes.
  return Object.fromEntries(
    Object.entries(record)
      .filter(([key]) => key !== 'refresh')
      .map(([key, value]) => [key, rewrite(value, cardActivityId)]),
  );
};

/** The activity as Web Chat should get it: cards rewritten, everything else untouched. */
export const forWebChat = <T extends { id?: string; attachments?: unknown }>(activity: T): T => {
  if (!Array.isArray(activity.attachments) || !activity.id) return activity;
  const id = activity.id;
  return {
    ...activity,
    attachments: activity.attachments.map((attachment: unknown) => {
      const a = attachment as { contentType?: string; content?: unknown };
      return a.contentType === CARD ? { ...a, content: rewrite(a.content, id) } : a;
    }),
  };
};

/** A Web Chat submit that came from one of our rewritten actions, or undefined. */
export const pressOf = (value: unknown): ExecutePress | undefined => {
  if (!value || typeof value !== 'object') return undefined;
  const { [SUBMIT_KEY]: marker, ...inputs } = value as Record<string, unknown>;
  if (!marker || typeof marker !== 'object') return undefined;
  const m = marker as { verb?: unknown; data?: unknown; cardActivityId?: unknown };
  if (typeof m.verb !== 'string' || typeof m.cardActivityId !== 'string') return undefined;
  const data = m.data && typeof m.data === 'object' ? (m.data as Record<string, unknown>) : {};
  // Teams merges the card's inputs into the action's data; so does the emulator.
  return { verb: m.verb, data: { ...data, ...inputs }, cardActivityId: m.cardActivityId };
};
