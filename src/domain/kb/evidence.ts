import { z } from 'zod';
import { articleSlugSchema } from './article.js';

/**
 * Learning from use: a customer's own words remembered for the article that answered them
 * (or did not). The words are the case's title and description as the customer wrote
 * them; the index reads them as extra text for the article, with a weight that fades.
 */
export const EVIDENCE_KINDS = ['solved', 'cited', 'saved', 'declined'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Enough for a question's gist; a pasted log adds nothing but noise and memory. */
export const EVIDENCE_TEXT_MAX = 600;
/** Per article and per side (for, against): the most recent this many are kept. */
export const EVIDENCE_PER_ARTICLE = 50;
/**
 * 90 days: a product's wording and its problems move with its releases (quarterly for
 * most), so a question solved a year ago counts a sixteenth of one solved today.
 */
export const EVIDENCE_HALF_LIFE_MS = 90 * 24 * 60 * 60 * 1000;
/** Eight half-lives: past this a record weighs under 0.4% and is not loaded at all. */
export const EVIDENCE_HORIZON_MS = 8 * EVIDENCE_HALF_LIFE_MS;

/**
 * What one record is worth on the day it is made. "This solved it", an agent citing the
 * article and a case saved as the article are each the customer's question answered by
 * it. "Still need help" declines every suggestion at once, so against each one it is
 * weaker evidence.
 */
export const EVIDENCE_BASE_WEIGHT: Readonly<Record<EvidenceKind, number>> = {
  solved: 1,
  cited: 1,
  saved: 1,
  declined: -0.5,
};

export const countsFor = (kind: EvidenceKind): boolean => EVIDENCE_BASE_WEIGHT[kind] > 0;

export const evidenceRecordSchema = z.object({
  /** One record per case, article and kind: a double click or a redelivery adds nothing. */
  key: z.string().min(1).max(300),
  slug: articleSlugSchema,
  text: z.string().max(EVIDENCE_TEXT_MAX),
  kind: z.enum(EVIDENCE_KINDS),
  at: z.coerce.date(),
});
export type EvidenceRecord = z.infer<typeof evidenceRecordSchema>;

export const evidenceKey = (caseId: string, slug: string, kind: EvidenceKind): string =>
  `${caseId}|${slug}|${kind}`;

/** The customer's words of a case, bounded: title first, then as much description as fits. */
export const evidenceText = (title: string, description: string): string =>
  `${title.trim()}\n${description.trim()}`.trim().slice(0, EVIDENCE_TEXT_MAX);

/**
 * Signed weight of a record at `now`: halves every `EVIDENCE_HALF_LIFE_MS`. A record
 * from a replica whose clock runs ahead counts as made now, never as more than new.
 */
export const evidenceWeight = (kind: EvidenceKind, at: Date, now: Date): number => {
  const age = Math.max(0, now.getTime() - at.getTime());
  if (age > EVIDENCE_HORIZON_MS) return 0;
  return EVIDENCE_BASE_WEIGHT[kind] * 0.5 ** (age / EVIDENCE_HALF_LIFE_MS);
};

export const newEvidence = (
  source: { readonly caseId: string; readonly title: string; readonly description: string },
  slug: string,
  kind: EvidenceKind,
  at: Date,
): EvidenceRecord => ({
  key: evidenceKey(source.caseId, slug, kind),
  slug,
  text: evidenceText(source.title, source.description),
  kind,
  at,
});

/**
 * Keeps, of records given newest first, the first `perArticle` for and the first
 * `perArticle` against each article: the bound a store's load and the index share.
 */
export const keepNewestPerArticle = (perArticle: number) => {
  const held = new Map<string, number>();
  return (record: EvidenceRecord): boolean => {
    const side = `${countsFor(record.kind) ? '+' : '-'}${record.slug}`;
    const count = held.get(side) ?? 0;
    if (count >= perArticle) return false;
    held.set(side, count + 1);
    return true;
  };
};
