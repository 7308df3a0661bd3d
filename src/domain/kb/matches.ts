import { z } from 'zod';
import { pendingEntry } from '../case/outbox-topics.js';
import type { CaseEvent, CaseState, DecisionContext } from '../case/types.js';

/** Why an article was suggested: the customer's words it matched, questions it solved. */
export interface KbMatchReason {
  readonly matched: readonly string[];
  readonly solvedSimilar: number;
}

export interface KbMatchedArticle {
  readonly slug: string;
  readonly title: string;
  readonly why?: KbMatchReason;
}

export interface KbMatches {
  readonly articles: readonly KbMatchedArticle[];
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
      ...(matches.articles.some((article) => article.why)
        ? { articleReasons: JSON.stringify(matches.articles.map((a) => a.why ?? null)) }
        : {}),
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
  const reasons = reasonsOf(event.data.articleReasons);
  return {
    articles: slugs.map((slug, i) => {
      const why = reasons[i];
      return { slug, title: titles[i] ?? slug, ...(why ? { why } : {}) };
    }),
    similarCases: words(event.data.similarCases),
  };
};

/** Matched words kept per reason: the card shows a line, not a transcript. */
export const MATCHED_MAX = 12;

const reasonsSchema = z.array(
  z
    .object({
      matched: z.array(z.string().max(100)).max(MATCHED_MAX),
      solvedSimilar: z.number().int().min(0),
    })
    .nullable(),
);

/** Reasons as written with the event; a history written before them has none. */
const reasonsOf = (value: unknown): readonly (KbMatchReason | null)[] => {
  if (typeof value !== 'string') return [];
  try {
    const parsed = reasonsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

/** "matched: hold, upgrade; solved 7 similar questions" (empty when there is no reason). */
export const reasonText = (why: KbMatchReason | undefined): string => {
  if (!why) return '';
  const parts = [
    ...(why.matched.length > 0 ? [`matched: ${why.matched.join(', ')}`] : []),
    ...(why.solvedSimilar > 0
      ? [`solved ${why.solvedSimilar} similar question${why.solvedSimilar === 1 ? '' : 's'}`]
      : []),
  ];
  return parts.join('; ');
};
