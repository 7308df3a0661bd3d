import { readSession, sessionCookie, signSession } from '../../../../adapters/desk/session.js';

const key = Buffer.alloc(32, 7);
const now = Date.parse('2026-12-02T12:00:00Z');
const session = { agentId: 'agent-1', expiresAt: now + 3_600_000 };
const cookie = (value: string) => `theme=dark; caseline_desk=${value}; other=1`;

describe('desk session cookie', () => {
  it('reads back what it signed, among other cookies', () => {
    expect(readSession(key, cookie(signSession(key, session)), now)).toEqual(session);
  });

  it.each([
    ['a cookie signed with another key', signSession(Buffer.alloc(32, 8), session)],
    [
      'a changed agent',
      signSession(key, session).replace(
        /^[^.]+/,
        Buffer.from('{"a":"admin-1","e":9999999999999}').toString('base64url'),
      ),
    ],
    ['a cookie without its signature', signSession(key, session).split('.')[0]!],
    ['a cookie that is no session', 'not-a-session'],
  ])('refuses %s', (_what, value) => {
    expect(readSession(key, cookie(value), now)).toBeUndefined();
  });

  it('refuses a session once it has expired', () => {
    expect(readSession(key, cookie(signSession(key, session)), session.expiresAt)).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Strict, on /desk only, and Secure over https', () => {
    expect(sessionCookie('v', { secure: true, maxAgeSeconds: 60 })).toBe(
      'caseline_desk=v; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=60; Secure',
    );
    expect(sessionCookie('v', { secure: false, maxAgeSeconds: 60 })).not.toContain('Secure');
  });
});
