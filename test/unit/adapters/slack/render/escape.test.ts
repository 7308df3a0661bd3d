import {
  escapeMrkdwn,
  mrkdwnLink,
  safeCut,
  safeMrkdwn,
  truncate,
  truncateEscaped,
} from '../../../../../adapters/slack/render/escape.js';

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here>', '&lt;!here&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<!subteam^S1>', '&lt;!subteam^S1&gt;'],
    ['<#C0123|general>', '&lt;#C0123|general&gt;'],
    ['<https://evil.example|bank.example>', '&lt;https://evil.example|bank.example&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    // Already-escaped text is shown as typed, not decoded into a control character.
    ['&lt;!channel&gt;', '&amp;lt;!channel&amp;gt;'],
    ['*bold* _italic_ ~strike~', '*bold* _italic_ ~strike~'],
    ['it\'s "quoted"', 'it\'s "quoted"'],
  ])('makes %j inert', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it.each(['@here', '@channel', '@everyone', 'ping @HERE now'])(
    'breaks the broadcast word in %j so Slack cannot notify everyone',
    (input) => {
      const escaped = escapeMrkdwn(input);
      expect(escaped).not.toMatch(/@(here|channel|everyone)\b/i);
      expect(escaped.replace(/\u200B/g, '')).toBe(input);
    },
  );

  it('leaves no raw control character in any output', () => {
    const hostile = '<<!channel>> & <@U1|x> <!date^1^{date}|x>';
    expect(escapeMrkdwn(hostile)).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
  });
});

describe('truncate', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['longer than ten', 10, 'longer th…'],
    ['abc', 0, ''],
  ])('fits %j into %i characters', (input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
  });

  it('never splits an emoji (surrogate pair) in half', () => {
    const cut = truncate('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('truncateEscaped', () => {
  it('cuts before an entity rather than through it', () => {
    const escaped = escapeMrkdwn('abc<def');
    expect(truncateEscaped(escaped, 6)).toBe('abc…');
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('keeps entities whole at length %i', (max) => {
    const out = truncateEscaped(escapeMrkdwn('&&<<>>&&'), max);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(out.replace(/…$/, '')).toMatch(/^(&amp;|&lt;|&gt;)*$/);
  });

  it('reports a cut point inside an entity as the entity start', () => {
    expect(safeCut('ab&amp;cd', 4)).toBe(2);
    expect(safeCut('ab&amp;cd', 7)).toBe(7);
  });
});

describe('safeMrkdwn', () => {
  it('escapes and fits very long hostile input', () => {
    const out = safeMrkdwn('<!channel>'.repeat(1000), 3000);
    expect(out.length).toBeLessThanOrEqual(3000);
    expect(out).not.toContain('<');
  });
});

describe('mrkdwnLink', () => {
  it('links an https URL with an escaped label', () => {
    expect(mrkdwnLink('https://jira.example/browse/X-1', 'Fix <b> & more')).toBe(
      '<https://jira.example/browse/X-1|Fix &lt;b&gt; &amp; more>',
    );
  });

  it('escapes & inside the URL as Slack expects', () => {
    expect(mrkdwnLink('https://x.example/?a=1&b=2')).toBe(
      '<https://x.example/?a=1&amp;b=2|https://x.example/?a=1&amp;b=2>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'https://evil.example|bank.example',
    'https://evil.example><!channel',
    'https://has space.example',
  ])('shows %j as inert text instead of a link', (url) => {
    const out = mrkdwnLink(url);
    expect(out).not.toMatch(/[<>]/);
  });
});
