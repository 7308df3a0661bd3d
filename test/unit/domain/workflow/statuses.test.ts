import { renderCustomerSentence } from '../../../../src/domain/workflow/statuses.js';

const status = (customerSentence: string) => ({ customerSentence });

describe('renderCustomerSentence', () => {
  it.each([
    [
      'We are testing the fix. Next update by {nextUpdate}.',
      'We are testing the fix. Next update by Tue 14:00.',
    ],
    [
      'We have your request and will respond by {nextUpdate}.',
      'We have your request and will respond by Tue 14:00.',
    ],
    [
      'Update {nextUpdate}, {nextUpdate} at the latest.',
      'Update Tue 14:00, Tue 14:00 at the latest.',
    ],
  ])('fills in the next update time: %s', (sentence, expected) => {
    expect(renderCustomerSentence(status(sentence), 'Tue 14:00')).toBe(expected);
  });

  it.each([
    ['We are testing the fix. Next update by {nextUpdate}.', 'We are testing the fix.'],
    [
      'We have your request and will respond by {nextUpdate}.',
      'We have your request and will respond.',
    ],
    ['Next update: {nextUpdate}. Thanks for your patience.', 'Thanks for your patience.'],
    ['By {nextUpdate}, we will know more.', 'We will know more.'],
    ['We will call you back within {nextUpdate}, as agreed.', 'We will call you back, as agreed.'],
    ['Thanks. We will reply before {nextUpdate}!', 'Thanks. We will reply!'],
    ['The fix is installed. Please test it.', 'The fix is installed. Please test it.'],
  ])('drops the promise of a time when none is known: %s', (sentence, expected) => {
    expect(renderCustomerSentence(status(sentence))).toBe(expected);
  });

  it('treats a blank time like no time', () => {
    expect(
      renderCustomerSentence(status('Working on it. Next update by {nextUpdate}.'), '  '),
    ).toBe('Working on it.');
  });
});
