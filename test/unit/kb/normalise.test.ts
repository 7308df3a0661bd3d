import { analyze, normalizePhrase, parseQuery } from '../../../src/kb/analyze.js';
import { normaliseWord } from '../../../src/kb/vocabulary/normalise.js';
import { nearStopWord, termOfWord } from '../../../src/kb/vocabulary/stop-words.js';

describe('normaliseWord', () => {
  it('folds accents, ligatures and letters a keyboard may lack', () => {
    expect(
      ['résumé', 'café', 'straße', 'æther', 'œuvre', 'ﬁle', 'naïve', 'øre', 'łódź'].map(
        normaliseWord,
      ),
    ).toEqual(['resume', 'cafe', 'strasse', 'aether', 'oeuvre', 'file', 'naive', 'ore', 'lodz']);
  });

  it('folds a decomposed accent like a composed one', () => {
    expect(normaliseWord('re\u0301sume\u0301')).toBe('resume');
    expect(normaliseWord('\u0301')).toBe('');
  });
});

describe('analyze folds before stop words and stemming', () => {
  it('gives the same terms for every spelling of a word', () => {
    expect(analyze('Résumé CAFÉ Straße ﬁles')).toEqual(analyze('resume cafe strasse files'));
    expect(analyze('re\u0301sume\u0301 upload')).toEqual(analyze('résumé upload'));
    expect(analyze('résumé')).toEqual(['resum']);
  });

  it('drops a stop word written with an accent or a ligature', () => {
    expect(analyze('thé ﬁx')).toEqual(['fix']);
  });

  it('matches quoted phrases on folded text', () => {
    expect(normalizePhrase('Le Café, Straße')).toBe('le cafe strasse');
  });
});

describe('stop words', () => {
  it('are dropped when only their stem is listed: does, its, doing, theirs', () => {
    expect(analyze('Why does the export lose its format? Doing it again, theirs too')).toEqual(
      ['why', 'export', 'lose', 'format', 'again'].map((word) => termOfWord(word)),
    );
    expect(termOfWord('does')).toBeNull();
    expect(termOfWord('its')).toBeNull();
  });

  it('do not swallow content words whose stem is a stop word stem: AR is not "are"', () => {
    expect(analyze('AR aging report')).toEqual(['ar', 'ag', 'report']);
  });

  it('know a misspelled stop word from a content word', () => {
    expect(['teh', 'becuase', 'thier', 'wich', 'whit'].filter(nearStopWord)).toEqual([
      'teh',
      'becuase',
      'thier',
      'wich',
      'whit',
    ]);
    expect(['invoice', 'printer', 'vat', 'ab'].filter(nearStopWord)).toEqual([]);
  });
});

describe('hyphenated words', () => {
  it('index the parts and the joined word', () => {
    expect(analyze('e-mail')).toEqual(['e', 'mail', 'email']);
    expect(analyze('check-in failed')).toEqual(['check', 'checkin', 'fail']);
    expect(analyze('e\u2011mail')).toEqual(['e', 'mail', 'email']);
  });

  it('leave dates and codes as their parts', () => {
    expect(analyze('2024-03 E-4711')).toEqual(['2024', '03', 'e', '4711']);
  });

  it('are one word of the query: parts and joined word share its position', () => {
    const parsed = parseQuery('my e-mail bounced');
    expect(parsed.terms).toEqual(['e', 'mail', 'email', 'bounc']);
    expect(parsed.sources).toEqual([0, 0, 0, 3]);
    expect(parsed.words).toEqual([null, null, null, 'bounced']);
  });

  it('query terms are the index terms of the same text', () => {
    const text = 'Résumé e-mail set-up: the printer DOES NOT print its pages, 2024-03 co-op';
    expect(parseQuery(`${text} `).terms).toEqual(analyze(text));
  });
});
