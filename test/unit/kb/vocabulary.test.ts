import type { ArticleDraft } from '../../../src/domain/kb/article.js';
import { parseQuery } from '../../../src/kb/analyze.js';
import { KbIndex } from '../../../src/kb/kb-index.js';
import { DEFAULT_TUNING, planQuery, type Vocabulary } from '../../../src/kb/query-plan.js';
import { synonymsOf } from '../../../src/kb/vocabulary/wordnet.js';

/** A vocabulary from a term → document-frequency table; every known term is "similar". */
const vocabulary = (df: Record<string, number>): Vocabulary => ({
  articleCount: 100,
  documentFrequency: (term) => df[term] ?? 0,
  similar: () => Object.entries(df).map(([term, count]) => ({ term, distance: 1, df: count })),
  completions: () => [],
});

const plan = (query: string, df: Record<string, number>) =>
  planQuery(parseQuery(`${query} `), vocabulary(df), DEFAULT_TUNING).map(
    ({ term, kind, source }) => `${term}:${kind}:${source}`,
  );

describe('planQuery vocabulary', () => {
  it('splits an unknown word into two known words, at the longest parts', () => {
    expect(plan('sourcecode download', { sourc: 3, code: 9, download: 2 })).toEqual([
      'sourc:split:0',
      'code:split:0',
      'download:exact:1',
    ]);
    expect(plan('passwordreset', { pass: 9, wordreset: 1, password: 4, reset: 5 })).toEqual([
      'password:split:0',
      'reset:split:0',
    ]);
  });

  it('adds the one word two written words make when the index knows it', () => {
    expect(plan('log file', { log: 5, file: 9, logfil: 2 })).toEqual([
      'log:exact:0',
      'logfil:joined:0',
      'file:exact:1',
    ]);
  });

  it('drops a misspelled stop word instead of correcting it into a content word', () => {
    // Without the rule, "thier" would be "corrected" to any known word one edit away.
    expect(plan('thier invoice', { invoic: 5, tier: 3 })).toEqual(['invoic:exact:1']);
    expect(plan('becuase printer', { printer: 5, becaus: 1 })).toEqual(['printer:exact:1']);
  });

  it('expands abbreviations to the words the index knows, both ways', () => {
    expect(plan('pw expired', { password: 4, expir: 2 })).toEqual([
      'password:abbreviation:0',
      'expir:exact:1',
    ]);
    expect(plan('os update', { oper: 3, system: 9, updat: 4 })).toEqual([
      'oper:abbreviation:0',
      'system:abbreviation:0',
      'updat:exact:1',
    ]);
    expect(plan('operating system', { oper: 3, system: 9, os: 2 })).toEqual([
      'oper:exact:0',
      'os:abbreviation:0',
      'system:exact:1',
    ]);
  });

  it('leaves out an expansion whose words the index does not all know', () => {
    expect(plan('os', { system: 9 })).toEqual([]);
  });

  it('adds WordNet synonyms of a word, at a lower weight, only if the index knows them', () => {
    const terms = planQuery(parseQuery('salary '), vocabulary({ wage: 3 }), DEFAULT_TUNING);
    expect(terms).toEqual([
      {
        term: 'wage',
        weight: DEFAULT_TUNING.synonymWeight,
        source: 0,
        required: false,
        kind: 'synonym',
      },
    ]);
    expect(plan('salary', {})).toEqual([]);
  });
});

describe('planQuery vocabulary weights', () => {
  it('turn a source of terms off at 0', () => {
    const off = {
      ...DEFAULT_TUNING,
      abbreviationWeight: 0,
      synonymWeight: 0,
      splitWeight: 0,
      joinedWeight: 0,
    };
    const terms = (query: string, df: Record<string, number>) =>
      planQuery(parseQuery(`${query} `), vocabulary(df), off).map((term) => term.kind);
    expect(terms('pw salary', { password: 1, wage: 1 })).not.toContain('abbreviation');
    expect(terms('pw salary', { password: 1, wage: 1 })).not.toContain('synonym');
    expect(terms('log file', { log: 1, file: 1, logfil: 1 })).toEqual(['exact', 'exact']);
  });
});

describe('WordNet synonyms', () => {
  it('come from the most frequent sense, for inflected words too', () => {
    expect(synonymsOf('salary', 1)).toEqual(expect.arrayContaining(['wage', 'pay']));
    expect(synonymsOf('errors', 1)).toEqual(expect.arrayContaining(['mistake']));
    expect(synonymsOf('operating_system', 1)).toEqual([]);
  });

  it('leave out lemmas for which the shared sense is a rare one', () => {
    // "stop" shares a sense with "block", but it is not one of the first of "stop".
    expect(synonymsOf('block', 1)).not.toContain('stop');
  });

  it('know nothing of words outside WordNet', () => {
    expect(synonymsOf('zzqx', 2)).toEqual([]);
    expect(synonymsOf('übergröße', 2)).toEqual([]);
  });
});

const article = (slug: string, title: string, problem = 'Something happens.'): ArticleDraft => ({
  slug,
  title,
  problem,
  solution: 'Do something.',
  keywords: [],
  products: [],
  docLinks: [],
  visibility: 'public',
  status: 'published',
});

describe('KbIndex with the vocabulary', () => {
  const index = new KbIndex();
  index.upsert([
    article('cv-upload', 'Résumé upload fails in the applicant portal'),
    article('address-street', 'Street names with ß are cut off', 'The Straße field is short.'),
    article('mail-bounce', 'Outgoing e-mail bounces back'),
    article('logs', 'Where the logfile is written'),
    article('source', 'Download the source code of the plugin'),
  ]);
  const first = (query: string) => index.search(query, { audience: 'customer' })[0]?.slug;

  it('finds accented and ligature spellings from plain ones', () => {
    expect(first('resume upload')).toBe('cv-upload');
    expect(first('strasse is cut off')).toBe('address-street');
  });

  it('meets e-mail, email and e mail', () => {
    expect(first('email bounces')).toBe('mail-bounce');
    expect(first('e mail bounces')).toBe('mail-bounce');
  });

  it('meets logfile and log file, source code and sourcecode', () => {
    expect(first('where is the log file')).toBe('logs');
    expect(first('sourcecode of plugin')).toBe('source');
  });
});
