import { latestKbMatches, looksLike, withKbMatches } from '../../../src/domain/kb/matches.js';
import { makeFindKbMatches } from '../../../src/use-cases/find-kb-matches.js';
import { buildCase } from '../../support/build-case.js';

describe('KB matches on a case', () => {
  it('says how many cases look alike', () => {
    expect(looksLike(['CASE-1040'])).toBe('Looks like CASE-1040');
    expect(looksLike(['CASE-1040', 'CASE-1041'])).toBe('Looks like CASE-1040 and 1 other');
    expect(looksLike(['CASE-1040', 'CASE-1041', 'CASE-1042'])).toBe(
      'Looks like CASE-1040 and 2 others',
    );
  });

  it('reads the latest kb-matched event back, and nothing from a case without one', () => {
    const event = (id: string, data: Record<string, string>) => ({
      id,
      type: 'kb-matched' as const,
      at: new Date(),
      actor: { kind: 'system' as const, id: 'kb', role: 'system' as const, name: 'Knowledge base' },
      visibility: 'internal' as const,
      data,
    });
    expect(
      latestKbMatches([
        event('1', { articles: 'old', articleTitles: 'Old', similarCases: '' }),
        event('2', { articles: 'a b', articleTitles: 'A\nB', similarCases: 'CASE-1' }),
      ]),
    ).toEqual({
      articles: [
        { slug: 'a', title: 'A' },
        { slug: 'b', title: 'B' },
      ],
      similarCases: ['CASE-1'],
    });
    expect(latestKbMatches([])).toBeUndefined();
  });

  it('keeps why each article was suggested with the matches, bounded, and reads it back', async () => {
    let n = 0;
    const ctx = { now: new Date('2026-12-02T09:00:00Z'), newId: () => `id-${(n += 1)}` };
    const many = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const findKbMatches = makeFindKbMatches({
      knowledgeBase: {
        search: () => [
          {
            slug: 'hold',
            title: 'Hold an order',
            score: 1,
            confidence: 0.9,
            why: { matched: many, solvedSimilar: 7 },
          },
          { slug: 'other', title: 'Other', score: 0.5, confidence: 0.6 },
        ],
      },
      similarCases: { similarTo: async () => [] },
      minConfidence: 0,
    });
    const opened = buildCase({ events: [] });
    const matches = await findKbMatches(opened);
    const read = latestKbMatches(withKbMatches(opened, matches, ctx).events);
    expect(read?.articles).toEqual([
      {
        slug: 'hold',
        title: 'Hold an order',
        why: { matched: many.slice(0, 12), solvedSimilar: 7 },
      },
      { slug: 'other', title: 'Other' },
    ]);
  });

  it('reads a history written before reasons, or with a broken one, as having none', () => {
    const event = (articleReasons?: string) => ({
      id: '1',
      type: 'kb-matched' as const,
      at: new Date(),
      actor: { kind: 'system' as const, id: 'kb', role: 'system' as const, name: 'Knowledge base' },
      visibility: 'internal' as const,
      data: {
        articles: 'a',
        articleTitles: 'A',
        similarCases: '',
        ...(articleReasons === undefined ? {} : { articleReasons }),
      },
    });
    for (const broken of [undefined, '{not json', '[{"matched":"x"}]'])
      expect(latestKbMatches([event(broken)])?.articles).toEqual([{ slug: 'a', title: 'A' }]);
  });
});
