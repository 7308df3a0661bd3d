/**
 * The engines the KB benchmark compares on the same data in the same run: ours, MiniSearch
 * configured the obvious way (what the issue measured), and Lunr.
 */
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { eng } from 'stopword';
import type { ArticleDraft } from '../src/domain/kb/article.js';
import type { EvidenceRecord } from '../src/domain/kb/evidence.js';
import { analyze } from '../src/kb/analyze.js';
import { KbIndex } from '../src/kb/kb-index.js';

export interface Engine {
  readonly name: string;
  build(articles: readonly ArticleDraft[]): void;
  /** Slugs, best first. */
  rank(question: string): string[];
  /** Loads learned evidence (ours only: the baselines cannot learn); returns records held. */
  learn?(records: readonly EvidenceRecord[]): number;
  /** Ours: looks up the learned postings of a question's terms (what scoring adds). */
  learnedLookups?(question: string): number;
}

const BOOST = { title: 2, keywords: 2, problem: 1.5, solution: 1 };

export const caseline = (): Engine => {
  let index = new KbIndex();
  return {
    name: 'caseline',
    build: (articles) => {
      index = new KbIndex({}, articles.length);
      index.upsert(articles);
    },
    rank: (question) =>
      index.search(question, { audience: 'staff', limit: 10 }).map((hit) => hit.slug),
    learn: (records) => {
      index.learn(records);
      return index.learned.size;
    },
    learnedLookups: (question) => {
      let entries = 0;
      for (const term of new Set(analyze(question)))
        for (const weight of index.learned.postings(term)?.values() ?? []) if (weight) entries += 1;
      return entries;
    },
  };
};

export const naiveMiniSearch = (): Engine => {
  const stop = new Set(eng);
  const options = {
    idField: 'slug',
    fields: ['title', 'keywords', 'problem', 'solution'],
    extractField: (article: ArticleDraft, field: string) =>
      field === 'keywords'
        ? article.keywords.join(' ')
        : String(article[field as keyof ArticleDraft]),
    processTerm: (term: string) => {
      const lower = term.toLowerCase();
      return stop.has(lower) ? null : lower;
    },
  };
  let index = new MiniSearch<ArticleDraft>(options);
  return {
    name: 'minisearch-obvious',
    build: (articles) => {
      index = new MiniSearch<ArticleDraft>(options);
      index.addAll(articles);
    },
    rank: (question) =>
      index
        .search(question, { fuzzy: 0.2, prefix: true, boost: BOOST })
        .slice(0, 10)
        .map((result) => String(result.id)),
  };
};

export const lunrEngine = (): Engine => {
  let index: lunr.Index | undefined;
  return {
    name: 'lunr',
    build: (articles) => {
      index = lunr(function () {
        this.ref('slug');
        this.field('title', { boost: BOOST.title });
        this.field('keywords', { boost: BOOST.keywords });
        this.field('problem', { boost: BOOST.problem });
        this.field('solution', { boost: BOOST.solution });
        for (const article of articles)
          this.add({ ...article, keywords: article.keywords.join(' ') });
      });
    },
    rank: (question) => {
      if (!index) return [];
      const tokens = lunr.tokenizer(question);
      return index
        .query((query) => {
          for (const token of tokens) {
            const text = token.toString();
            // Typo tolerance comparable to ours: one edit on words of five letters or more.
            query.term(text, { editDistance: text.length >= 5 ? 1 : 0 });
          }
        })
        .slice(0, 10)
        .map((result) => result.ref);
    },
  };
};
