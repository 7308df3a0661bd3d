import { RESOLUTION_TYPES, resolutionSchema } from '../../../src/domain/resolution.js';

const issuesOf = (input: unknown) => {
  const parsed = resolutionSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe('resolutionSchema', () => {
  it.each(RESOLUTION_TYPES.filter((type) => type !== 'works-as-designed'))(
    'accepts a %s resolution with text only',
    (type) => {
      expect(resolutionSchema.parse({ type, text: '  Restarted the sync service.  ' })).toEqual({
        type,
        text: 'Restarted the sync service.',
      });
    },
  );

  it('accepts "works as designed" with a documentation link', () => {
    const input = {
      type: 'works-as-designed',
      text: 'Drafts are not exported.',
      docLink: 'https://docs.example.com/export#drafts',
    };
    expect(resolutionSchema.parse(input)).toEqual(input);
  });

  it('refuses "works as designed" without a documentation link, on the docLink field', () => {
    expect(issuesOf({ type: 'works-as-designed', text: 'Drafts are not exported.' })).toEqual([
      {
        path: ['docLink'],
        message:
          'A "works as designed" resolution needs a link to the documentation that describes it.',
      },
    ]);
  });

  it.each([
    ['blank text', { type: 'fixed', text: '   ' }, 'text'],
    ['text over 4000 characters', { type: 'fixed', text: 'x'.repeat(4001) }, 'text'],
    ['an unknown type', { type: 'magic', text: 'It went away.' }, 'type'],
    [
      'an ftp link',
      { type: 'fixed', text: 'See notes.', docLink: 'ftp://docs.example.com' },
      'docLink',
    ],
    [
      'a script link',
      { type: 'fixed', text: 'See notes.', docLink: 'javascript:alert(1)' },
      'docLink',
    ],
    [
      'a link that is not a URL',
      { type: 'fixed', text: 'See notes.', docLink: 'docs page' },
      'docLink',
    ],
  ])('refuses %s', (_name, input, field) => {
    expect(issuesOf(input).map((issue) => issue.path)).toContainEqual([field]);
  });

  it('accepts exactly 4000 characters of text', () => {
    expect(resolutionSchema.safeParse({ type: 'other', text: 'x'.repeat(4000) }).success).toBe(
      true,
    );
  });
});
