import {
  EVIDENCE_HALF_LIFE_MS,
  type EvidenceKind,
  type EvidenceRecord,
} from '../../../src/domain/kb/evidence.js';
import { analyze } from '../../../src/kb/analyze.js';
import { LearnedEvidence } from '../../../src/kb/learned-evidence.js';

const NOW = new Date('2026-12-02T09:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const term = (word: string): string => {
  const [analysed] = analyze(word);
  if (!analysed) throw new Error(`"${word}" analyses to nothing`);
  return analysed;
};

let counter = 0;
const evidence = (
  slug: string,
  text: string,
  kind: EvidenceKind = 'solved',
  at: Date = NOW,
): EvidenceRecord => {
  counter += 1;
  return { key: `c${counter}|${slug}|${kind}`, slug, text, kind, at };
};

describe('LearnedEvidence', () => {
  it("keys the customer's words by analysed term, each distinct word of a record once", () => {
    const learned = new LearnedEvidence();
    learned.add([evidence('hold-order', 'Hold the order, hold it please')], NOW);
    expect(learned.postings(term('hold'))?.get('hold-order')).toBeCloseTo(1);
    expect(learned.postings(term('order'))?.get('hold-order')).toBeCloseTo(1);
    expect(learned.postings(term('invoice'))).toBeUndefined();
    expect(learned.solved('hold-order')).toBe(1);
  });

  it('nets declines against solves: "Still need help" counts half against', () => {
    const learned = new LearnedEvidence();
    learned.add(
      [
        evidence('hold-order', 'pause my order'),
        evidence('hold-order', 'pause the shipment', 'declined'),
        evidence('hold-order', 'pause billing', 'declined'),
        evidence('hold-order', 'pause billing again', 'declined'),
      ],
      NOW,
    );
    expect(learned.postings(term('pause'))?.get('hold-order')).toBeCloseTo(1 - 1.5);
    expect(learned.postings(term('billing'))?.get('hold-order')).toBeCloseTo(-1);
    expect(learned.solved('hold-order')).toBe(1);
  });

  it('adds nothing for a key it holds: a redelivered press counts once', () => {
    const learned = new LearnedEvidence();
    const press = evidence('hold-order', 'pause my order');
    expect(learned.add([press], NOW)).toBe(1);
    expect(learned.add([press, { ...press, text: 'other words' }], NOW)).toBe(0);
    expect(learned.size).toBe(1);
    expect(learned.postings(term('pause'))?.get('hold-order')).toBeCloseTo(1);
    expect(learned.postings(term('words'))).toBeUndefined();
  });

  it('keeps the newest few per article and side, whatever order they arrive in', () => {
    const learned = new LearnedEvidence(2);
    learned.add(
      [
        evidence('hold-order', 'newest upgrade', 'solved', ago(1_000)),
        evidence('hold-order', 'oldest freeze', 'solved', ago(3_000)),
        evidence('hold-order', 'middle upgrade', 'solved', ago(2_000)),
        evidence('hold-order', 'declined upgrade', 'declined', ago(5_000)),
      ],
      NOW,
    );
    expect(learned.size).toBe(3);
    expect(learned.solved('hold-order')).toBe(2);
    expect(learned.postings(term('freeze'))).toBeUndefined();
    expect(learned.postings(term('upgrade'))?.get('hold-order')).toBeCloseTo(2 - 0.5);
    // Older than both it holds: dropped at once, nothing changes.
    expect(learned.add([evidence('hold-order', 'ancient', 'solved', ago(9_000))], NOW)).toBe(0);
    expect(learned.postings(term('ancient'))).toBeUndefined();
  });

  it('counts a record half after one half-life, and fades what it holds as time goes on', () => {
    const learned = new LearnedEvidence();
    learned.add([evidence('hold-order', 'pause', 'solved', ago(EVIDENCE_HALF_LIFE_MS))], NOW);
    expect(learned.postings(term('pause'))?.get('hold-order')).toBeCloseTo(0.5);
    learned.add([], new Date(NOW.getTime() + EVIDENCE_HALF_LIFE_MS));
    expect(learned.postings(term('pause'))?.get('hold-order')).toBeCloseTo(0.25);
  });

  it('drops the faded weight exactly when a newer record pushes an old one out', () => {
    const learned = new LearnedEvidence(1);
    learned.add([evidence('hold-order', 'pause order', 'solved', ago(EVIDENCE_HALF_LIFE_MS))], NOW);
    const later = new Date(NOW.getTime() + EVIDENCE_HALF_LIFE_MS);
    learned.add([evidence('hold-order', 'pause shipment', 'solved', later)], later);
    expect(learned.postings(term('pause'))?.get('hold-order')).toBeCloseTo(1);
    expect(learned.postings(term('order'))).toBeUndefined();
  });

  it('ignores records past the horizon (eight half-lives)', () => {
    const learned = new LearnedEvidence();
    expect(
      learned.add([evidence('x-y', 'pause', 'solved', ago(9 * EVIDENCE_HALF_LIFE_MS))], NOW),
    ).toBe(0);
    expect(learned.size).toBe(0);
  });

  it('counts the solved questions that share a word with this one, for "solved N similar"', () => {
    const learned = new LearnedEvidence();
    learned.add(
      [
        evidence('hold-order', 'pause my order'),
        evidence('hold-order', 'pause the shipment'),
        evidence('hold-order', 'stop billing'),
        evidence('hold-order', 'pause billing', 'declined'),
      ],
      NOW,
    );
    expect(learned.solvedWith('hold-order', new Set([term('pause')]))).toBe(2);
    expect(learned.solvedWith('hold-order', new Set([term('billing'), term('order')]))).toBe(2);
    expect(learned.solvedWith('hold-order', new Set([term('invoice')]))).toBe(0);
    expect(learned.solvedWith('other', new Set([term('pause')]))).toBe(0);
  });
});
