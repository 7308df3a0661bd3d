import { ChangeBuilder } from '../case/change.js';
import type { ActionInput } from '../case/change.js';
import type { CaseChange, CaseEvent } from '../case/types.js';
import { ok, type Result } from '../result.js';

export interface KbMatches {
  readonly articles: readonly { readonly slug: string; readonly title: string }[];
  /** Numbers of open or recent cases that look like this one, most alike first. */
  readonly similarCases: readonly string[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Records on the case what the knowledge base found at intake, for the agent card and the
 * history: internal (customers get the suggestions privately, not as history). Nothing to
 * record, no change.
 */
export const recordKbMatches = (
  input: ActionInput,
  matches: KbMatches,
): Result<CaseChange | null> => {
  if (matches.articles.length === 0 && matches.similarCases.length === 0) return ok(null);
  const parts = [
    ...(matches.articles.length > 0
      ? [`Suggested: ${matches.articles.map((article) => oneLine(article.title)).join('; ')}`]
      : []),
    ...(matches.similarCases.length > 0 ? [looksLike(matches.similarCases)] : []),
  ];
  const builder = new ChangeBuilder(input);
  builder.event({
    type: 'kb-matched',
    visibility: 'internal',
    text: parts.join(' · '),
    data: {
      articles: matches.articles.map((article) => article.slug).join(' '),
      articleTitles: matches.articles.map((article) => oneLine(article.title)).join('\n'),
      similarCases: matches.similarCases.join(' '),
    },
  });
  // No notification of its own: recorded at intake before the first cards are delivered,
  // which render the case as it is then.
  return builder.build();
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
