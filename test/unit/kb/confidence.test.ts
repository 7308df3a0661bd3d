import { SUGGESTION_MIN_CONFIDENCE } from '../../../src/config.js';
import { CONFIDENCE_MODEL, confidenceOf, type HitFeatures } from '../../../src/kb/confidence.js';
import { KbIndex } from '../../../src/kb/kb-index.js';
import { loadEvalSet } from '../../../scripts/eval-kb-lib.js';

const features = (over: Partial<HitFeatures> = {}): HitFeatures => ({
  titleCoverage: 0.5,
  evidence: 1,
  relative: 1,
  gap: 0.5,
  ...over,
});

describe('the confidence of a hit', () => {
  it('is a probability that grows with each piece of evidence', () => {
    for (const key of ['titleCoverage', 'evidence', 'relative', 'gap'] as const) {
      expect(CONFIDENCE_MODEL[key]).toBeGreaterThan(0);
      expect(confidenceOf(features({ [key]: 0 }))).toBeLessThan(
        confidenceOf(features({ [key]: 1 })),
      );
    }
    const lowest = confidenceOf(features({ titleCoverage: 0, evidence: 0, relative: 0, gap: 0 }));
    const highest = confidenceOf(features({ titleCoverage: 1, evidence: 99, relative: 1, gap: 1 }));
    expect(lowest).toBeGreaterThan(0);
    expect(highest).toBeLessThan(1);
    // Evidence is capped: a huge message matching many words is not thereby certain.
    expect(highest).toBe(
      confidenceOf(features({ titleCoverage: 1, evidence: 3, relative: 1, gap: 1 })),
    );
  });
});

describe('suggestions at the default confidence', () => {
  let index: KbIndex;
  beforeAll(async () => {
    const set = await loadEvalSet();
    index = new KbIndex({}, set.articles.length);
    index.upsert(set.articles);
  });
  const suggested = (message: string) =>
    index.search(message, {
      audience: 'customer',
      limit: 3,
      minConfidence: SUGGESTION_MIN_CONFIDENCE,
    });

  it('offers nothing for messages the knowledge base cannot answer', () => {
    const lorem =
      'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor '.repeat(65);
    expect(lorem.length).toBeGreaterThan(5_000);
    for (const message of [
      'the coffee machine in the lobby is broken',
      'hi, is anyone there?',
      'thanks!',
      'can we get a training session for new staff',
      lorem,
    ])
      expect({ message: message.slice(0, 40), hits: suggested(message) }).toEqual({
        message: message.slice(0, 40),
        hits: [],
      });
  });

  it('keeps a confident answer confident when a long log is pasted under the question', () => {
    const question = 'bank refuses our sepa file, schema error pain.001';
    const log = Array.from(
      { length: 120 },
      (_, i) => `2026-11-0${i % 9} 10:${i % 60} worker-${i} heartbeat ok queue depth ${i * 7}`,
    ).join('\n');
    expect(log.length).toBeGreaterThan(5_000);
    const [alone] = suggested(question);
    const [withLog] = suggested(`${question}\n${log}`);
    expect(alone?.slug).toBe('sepa-xml-rejected-by-bank');
    expect(withLog?.slug).toBe('sepa-xml-rejected-by-bank');
    expect(withLog!.confidence).toBeLessThanOrEqual(alone!.confidence);
    expect(withLog!.confidence).toBeGreaterThan(SUGGESTION_MIN_CONFIDENCE);
  });
});
