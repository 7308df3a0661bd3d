/**
 * `npm run eval:kb [-- --misses] [-- --thresholds]`: for each evaluation set, recall@1,
 * recall@3 and MRR as an agent searches, and what a customer is shown at intake at the
 * default confidence threshold (kb.suggestionMinScore): the right article, only wrong
 * ones, nothing; and how often a message the set cannot answer is shown anything.
 * `--thresholds` adds the same at other thresholds (choose them on tuning sets only);
 * `--calibration` the share of hits that were right per confidence bucket; `--large N`
 * measures each set again inside N more (generated) articles.
 */
import { SUGGESTION_MIN_CONFIDENCE } from '../src/config.js';
import {
  afterLearning,
  calibration,
  embedded,
  intake,
  loadSets,
  ranking,
  type IntakeScores,
} from './eval-kb-sets.js';

const f = (value: number) => (Number.isNaN(value) ? '  -  ' : value.toFixed(3));
const intakeLine = (scores: IntakeScores) =>
  `right shown ${f(scores.rightShown)}  only wrong shown ${f(scores.onlyWrongShown)}  ` +
  `nothing shown ${f(scores.nothingShown)}  off-topic shown ${f(scores.offTopicShown)}`;

// `--large N`: each set inside N generated articles as well.
const largeAt = process.argv.indexOf('--large');
const large = largeAt > 0 ? Number(process.argv[largeAt + 1]) : 0;
const sets = await loadSets();
for (const set of large > 0 ? sets.flatMap((set) => [set, embedded(set, large)]) : sets) {
  const scores = ranking(set);
  process.stdout.write(
    `\n${set.info.name} [${set.info.role}]: articles ${set.articles}, questions ${scores.questions}, off-topic ${set.offTopic.length}\n` +
      `  recall@1 ${f(scores.recallAt1)}  recall@3 ${f(scores.recallAt3)}  MRR ${f(scores.mrr)}\n` +
      `  at ${SUGGESTION_MIN_CONFIDENCE}: ${intakeLine(intake(set, SUGGESTION_MIN_CONFIDENCE))}\n`,
  );
  const learned = afterLearning(set, SUGGESTION_MIN_CONFIDENCE);
  process.stdout.write(
    `  after learning from the other half of the questions:\n` +
      `    recall@1 ${f(learned.ranking.recallAt1)}  recall@3 ${f(learned.ranking.recallAt3)}  MRR ${f(learned.ranking.mrr)}\n` +
      `    at ${SUGGESTION_MIN_CONFIDENCE}: ${intakeLine(learned.intake)}\n`,
  );
  if (process.argv.includes('--calibration'))
    for (const { from, hits, right } of calibration(set))
      process.stdout.write(
        `    confidence ${from.toFixed(1)}-${(from + 0.2).toFixed(1)}: ${String(hits).padStart(4)} hits, ${hits > 0 ? ((100 * right) / hits).toFixed(0) : '-'}% right\n`,
      );
  if (process.argv.includes('--thresholds'))
    for (const min of [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7])
      process.stdout.write(`    at ${min.toFixed(2)}: ${intakeLine(intake(set, min))}\n`);
  if (process.argv.includes('--misses'))
    for (const miss of scores.misses)
      process.stdout.write(
        `  MISS ${miss.expected} <- "${miss.question}" got ${miss.got.join(', ')}\n`,
      );
}
