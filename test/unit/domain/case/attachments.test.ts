import { fitText, FULL_TEXT_MARKER } from '../../../../src/domain/case/attachments.js';

describe('fitting a long text into its field', () => {
  it('leaves a text that fits as it is', () => {
    expect(fitText('Payroll stops at step 3', 100)).toEqual({
      text: 'Payroll stops at step 3',
      cut: false,
    });
  });

  it('cuts at a word and says the full text is attached, within the limit', () => {
    const words = 'ledger '.repeat(100);
    const fitted = fitText(words, 200);
    expect(fitted.cut).toBe(true);
    expect(fitted.text.length).toBeLessThanOrEqual(200);
    expect(fitted.text.endsWith(` ${FULL_TEXT_MARKER}`)).toBe(true);
    expect(fitted.text.slice(0, -FULL_TEXT_MARKER.length - 1)).toMatch(/^(ledger )*ledger$/);
  });

  it('never leaves half of an emoji at the cut', () => {
    const fitted = fitText('😀'.repeat(500), 300);
    const head = fitted.text.slice(0, -FULL_TEXT_MARKER.length - 1);
    expect(head).toBe('😀'.repeat(head.length / 2));
    expect(fitted.text.length).toBeLessThanOrEqual(300);
  });
});
