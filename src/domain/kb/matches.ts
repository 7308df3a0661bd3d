import { pendingEntry } from '../case/outbox-topics.js';
import type { CaseEvent, CaseState, DecisionContext } from '../case/types.js';

export interface KbMatches {
  readonly articles: readonly { readonly slug: string; readonly title: string }[];
  /** Numbers of open or recent cases that look like this one, most alike first. */
  readonly similarCases: readonly string[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const KNOWLEDGE_BASE = {
  kind: 'system',
  id: 'system',
  name: 'Knowledge base',
  role: 'system',
} as const;

/**
 * A new case with what the knowledge base found for it, written in the same insert: the
 * matches as an internal `kb-matched` event (the first agent card shows them; customers
 * get the suggestions privately, not as history), and, when there are articles, the
 * `kb-suggestions` effect that offers them to the requester. Nothing found, no change.
 */
export const withKbMatches = (
  opened: CaseState,
  matches: KbMatches,
  ctx: DecisionContext,
): CaseState => {
  if (matches.articles.length === 0 && matches.similarCases.length === 0) return opened;
  const parts = [
    ...(matches.articles.length > 0
      ? [`Suggested: ${matches.articles.map((article) => oneLine(article.title)).join('; ')}`]
      : []),
    ...(matches.similarCases.length > 0 ? [looksLike(matches.similarCases)] : []),
  ];
  const event: CaseEvent = {
    id: ctx.newId(),
    type: 'kb-matched',
    at: ctx.now,
    actor: KNOWLEDGE_BASE,
    visibility: 'internal',
    text: parts.join(' · '),
    data: {
      articles: matches.articles.map((article) => article.slug).join(' '),
      articleTitles: matches.articles.map((article) => oneLine(article.title)).join('\n'),
      similarCases: matches.similarCases.join(' '),
    },
  };
  const openedEvent = opened.events.find((e) => e.type === 'opened');
  const offer =
    matches.articles.length > 0
      ? [
          pendingEntry(
            {
              topic: 'kb-suggestions',
              audience: 'customer',
              ...(openedEvent ? { eventId: openedEvent.id } : {}),
            },
            ctx,
          ),
        ]
      : [];
  return { ...opened, events: [...opened.events, event], outbox: [...opened.outbox, ...offer] };
};

/** "Looks like CASE-1040 and 2 others". */
export const looksLike = (numbers: readonly string[]): string => {
  const [first, ...rest] = numbers;
  if (!first) return '';
  return rest.length === 0
    ? `Looks like ${first}`
    : `Looks like ${first} and ${rest.length} other${rest.length === 1 ? '' : 's'}`;
};

/** What the latest `kb-matched` event of a case recorded, for renderers. */
export const latestKbMatches = (events: readonly CaseEvent[]): KbMatches | undefined => {
  const event = [...events].reverse().find((e) => e.type === 'kb-matched');
  if (!event?.data) return undefined;
  const words = (value: unknown) =>
    typeof value === 'string' && value ? value.split(/\s+/).filter(Boolean) : [];
  const slugs = words(event.data.articles);
  const titles =
    typeof event.data.articleTitles === 'string' ? event.data.articleTitles.split('\n') : [];
  return {
    articles: slugs.map((slug, i) => ({ slug, title: titles[i] ?? slug })),
    similarCases: words(event.data.similarCases),
  };
};
