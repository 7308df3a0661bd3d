import type { PlannedTerm } from './query-plan.js';

/**
 * How much each meaningful word of a question says, and which index terms stand for it:
 * what `coverage` weighs an article against. A word's information is its inverse document
 * frequency, so "sepa" counts for more than "invoice" in a finance knowledge base; a word
 * the knowledge base has never seen (and could not correct) still counts, at a share of a
 * rare word's, because a question about something the articles never mention is not
 * answered by the article that matches its one common word.
 */
export interface InformationSettings {
  /** Information of an unknown word, as a share of a word found in no article. */
  readonly unknownWordShare: number;
  /** The same for a word of digits only (a year, an order number: often noise). */
  readonly unknownNumberShare: number;
}

/** See `QueryInformation`; chosen on the tuning sets with scripts/fit-kb-confidence.ts. */
export const DEFAULT_INFORMATION: InformationSettings = {
  unknownWordShare: 1,
  unknownNumberShare: 0.2,
};

interface Word {
  readonly information: number;
  readonly terms: readonly { readonly term: string; readonly value: number }[];
}

export const idf = (df: number, articles: number): number =>
  Math.log(1 + (articles - df + 0.5) / (df + 0.5));

const DIGITS = /^\p{N}+$/u;

export class QueryInformation {
  private readonly words: readonly Word[];
  private readonly total: number;
  private readonly rareWord: number;

  constructor(
    analysed: readonly string[],
    /** For each analysed term, the position of its word's first term (`ParsedQuery.sources`). */
    sources: readonly number[],
    planned: readonly PlannedTerm[],
    documentFrequency: (term: string) => number,
    articles: number,
    settings: InformationSettings,
  ) {
    const bySource = new Map<number, PlannedTerm[]>();
    for (const term of planned) {
      const list = bySource.get(term.source) ?? [];
      list.push(term);
      bySource.set(term.source, list);
    }
    const seen = new Set<string>();
    const words: Word[] = [];
    analysed.forEach((word, source) => {
      // The extra terms of a hyphenated word ("mail", "email" of "e-mail") are that word.
      if (sources[source] !== source || seen.has(word)) return;
      seen.add(word);
      const terms = (bySource.get(source) ?? []).map((term) => ({
        term: term.term,
        idf: idf(documentFrequency(term.term), articles),
        weight: term.weight,
      }));
      const df = documentFrequency(word);
      const share = DIGITS.test(word) ? settings.unknownNumberShare : settings.unknownWordShare;
      const information =
        df > 0
          ? idf(df, articles)
          : terms.length > 0
            ? Math.max(...terms.map((term) => term.idf))
            : share * idf(0, articles);
      words.push({
        information,
        terms: terms.map((term) => ({
          term: term.term,
          value: Math.min(information, term.weight * term.idf),
        })),
      });
    });
    this.words = words;
    this.total = words.reduce((sum, word) => sum + word.information, 0);
    this.rareWord = idf(1, articles);
  }

  /**
   * What an article holds of the question (`has`: it contains the term): the share of the
   * question's information, and the information itself in units of a word only one
   * article uses (so "two rare words matched" reads 2 on any knowledge base).
   */
  measure(has: (term: string) => boolean): { coverage: number; evidence: number } {
    if (this.total === 0) return { coverage: 0, evidence: 0 };
    let matched = 0;
    for (const word of this.words) {
      let best = 0;
      for (const { term, value } of word.terms) if (value > best && has(term)) best = value;
      matched += best;
    }
    return { coverage: matched / this.total, evidence: matched / this.rareWord };
  }
}
