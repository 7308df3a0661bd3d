/**
 * How sure the index is that a hit answers the question, in [0, 1], the same on any
 * knowledge base. A BM25 score is not: it grows with the question's length and with the
 * corpus's statistics (a 5,000-character message scored about 18,000; right answers scored
 * a median of 281 on one corpus and 194 on another). The confidence is built from shares,
 * which have no unit:
 * - `titleCoverage`: the share of the question's information (each meaningful word weighed
 *   by how rare it is in the knowledge base) that the article's title and keywords, or the
 *   words of customers it solved, contain (a match there says most about the article);
 * - `evidence`: the information the whole article holds, in units of a rare word;
 * - `relative`: the hit's score as a share of the best hit's;
 * - `gap`: for the best hit, how far it leads the next one, as a share of its own score.
 * A logistic function of them, fitted on labelled questions (scripts/fit-kb-confidence.ts
 * prints the coefficients; README "How search works"), turns them into a probability that
 * the hit is the right article.
 */
export interface HitFeatures {
  readonly titleCoverage: number;
  /**
   * The question's information the article holds, in units of a word only one article
   * uses, capped at `EVIDENCE_CAP` (two rare words matched read 2 on any corpus).
   */
  readonly evidence: number;
  readonly relative: number;
  readonly gap: number;
}

const EVIDENCE_CAP = 3;

export interface ConfidenceModel {
  readonly bias: number;
  readonly titleCoverage: number;
  readonly evidence: number;
  readonly relative: number;
  readonly gap: number;
}

/** Fitted by scripts/fit-kb-confidence.ts on the tuning sets (never the held-out one). */
export const CONFIDENCE_MODEL: ConfidenceModel = {
  bias: -8.959,
  titleCoverage: 3.435,
  evidence: 1.785,
  relative: 4.635,
  gap: 1.297,
};

/** The model's inputs in the order of its coefficients (bias first). */
export const featureVector = (features: HitFeatures): number[] => [
  1,
  features.titleCoverage,
  Math.min(EVIDENCE_CAP, features.evidence),
  features.relative,
  features.gap,
];

const coefficients = (model: ConfidenceModel): number[] => [
  model.bias,
  model.titleCoverage,
  model.evidence,
  model.relative,
  model.gap,
];

export const confidenceOf = (features: HitFeatures, model = CONFIDENCE_MODEL): number => {
  const x = featureVector(features);
  const z = coefficients(model).reduce((sum, weight, i) => sum + weight * x[i]!, 0);
  return 1 / (1 + Math.exp(-z));
};

/** The features of each of a ranked list of hits (scores best first). */
export const rankFeatures = (
  scores: readonly number[],
  matches: readonly Pick<HitFeatures, 'titleCoverage' | 'evidence'>[],
): HitFeatures[] => {
  const best = scores[0] ?? 0;
  return scores.map((score, k) => {
    const next = scores[k + 1] ?? 0;
    return {
      titleCoverage: matches[k]?.titleCoverage ?? 0,
      evidence: matches[k]?.evidence ?? 0,
      relative: best > 0 ? score / best : 0,
      gap: k === 0 && score > 0 ? (score - next) / score : 0,
    };
  });
};
