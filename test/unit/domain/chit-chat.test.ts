import { isChitChat } from '../../../src/domain/chit-chat.js';

describe('chit-chat', () => {
  it.each(['thanks!', 'Thank you so much!!', 'ok', 'OK 👍', ':pray:', 'got it.', 'Cheers', '  '])(
    '%p does not open a case',
    (text) => expect(isChitChat(text)).toBe(true),
  );
  it.each([
    'thanks, but the export still fails',
    'ok so the invoice run stops at 42%',
    'Is VAT supported?',
  ])('%p is a request', (text) => expect(isChitChat(text)).toBe(false));
});
