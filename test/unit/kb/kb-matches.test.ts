import { latestKbMatches, looksLike } from '../../../src/domain/kb/matches.js';

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
});
