import { slackLine } from '../../../adapters/slack/thread-messages.js';
import { teamsLine } from '../../../adapters/teams/render/thread-lines.js';
import { LINE_MARKS, type ThreadLine } from '../../../src/presentation/thread-line.js';

// A planned line carries people's own words: each chat draws it with its own marks and
// emphasis, and neither lets those words ping a channel, mention someone or spoof a link.

const hostile: ThreadLine = {
  mark: 'message',
  parts: [
    { kind: 'strong', text: 'Mallory <!channel>:' },
    {
      kind: 'words',
      text: ' see <https://evil.example|your bank> @here [x](https://evil.example) <at>all</at>',
    },
    { kind: 'link', url: 'javascript:alert(1)' },
  ],
};

describe('planned lines as each chat draws them', () => {
  it('Slack: marks as emoji, strong parts bold, people’s words inert', () => {
    const text = slackLine(hostile);
    expect(text.startsWith(':speech_balloon: *Mallory &lt;!channel&gt;:*')).toBe(true);
    expect(text).not.toMatch(/<!channel>|<https:|@here/);
    expect(text).toContain('@\u200Bhere');
    expect(text).not.toContain('<javascript');
  });

  it('Teams: marks as emoji, strong parts bold, markdown and HTML neutralised', () => {
    const text = teamsLine(hostile);
    expect(text.startsWith('💬 **Mallory &lt;!channel&gt;:**')).toBe(true);
    expect(text).toContain('\\[x\\]');
    expect(text).toContain('&lt;at&gt;all&lt;/at&gt;');
    expect(text).not.toMatch(/<at>|(?<!\\)\]\(/);
  });

  it('draws every mark in both chats, and a line without one starts with its words', () => {
    for (const mark of LINE_MARKS) {
      const line: ThreadLine = { mark, parts: [{ kind: 'words', text: 'x' }] };
      expect(slackLine(line)).toMatch(/^:[a-z_]+: x$/);
      expect(teamsLine(line)).toMatch(/^\S+ x$/u);
    }
    const plain: ThreadLine = {
      parts: [
        { kind: 'strong', text: 'Ana:' },
        { kind: 'words', text: ' hi' },
      ],
    };
    expect([slackLine(plain), teamsLine(plain)]).toEqual(['*Ana:* hi', '**Ana:** hi']);
  });
});
