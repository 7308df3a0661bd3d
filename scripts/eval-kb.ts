/**
 * `npm run eval:kb [-- --misses] [-- --thresholds]`: for each evaluation set, recall@1,
 * recall@3 and MRR as an agent searches, and what a customer is shown at intake at the
 * default confidence threshold (kb.suggestionMinScore): the right article, only wrong
 * ones, nothing; and how often a message the set cannot answer is shown anything.
 * `--thresholds` adds the same at other thresholds (choose them on tuning sets only).
 */
import { SUGGESTION_MIN_CONFIDENCE } from '../src/config.js';
import { intake, loadSets, ranking, type IntakeScores } from './eval-kb-sets.js';

const f = (value: number) => (Number.isNaN(value) ? '  -  ' : value.toFixed(3));
const intakeLine = (scores: IntakeScores) =>
  `right shown ${f(scores.rightShown)}  only wrong shown ${f(scores.onlyWrongShown)}  ` +
  `nothing shown ${f(scores.nothingShown)}  off-topic shown ${f(scores.offTopicShown)}`;

for (const set of await loadSets()) {
  const scores = ranking(set);
  process.stdout.write(
    `\n${set.info.name} [${set.info.role}]: articles ${set.articles}, questions ${scores.questions}, off-topic ${set.offTopic.length}\n` +
      `  recall@1 ${f(scores.recallAt1)}  recall@3 ${f(scores.recallAt3)}  MRR ${f(scores.mrr)}\n` +
      `  at ${SUGGESTION_MIN_CONFIDENCE}: ${intakeLine(intake(set, SUGGESTION_MIN_CONFIDENCE))}\n`,
  );
  if (process.argv.includes('--thresholds'))
    for (const min of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
      process.stdout.write(`    at ${min.toFixed(1)}: ${intakeLine(intake(set, min))}\n`);
  if (process.argv.includes('--misses'))
    for (const miss of scores.misses)
      process.stdout.write(
        `  MISS ${miss.expected} <- "${miss.question}" got ${miss.got.join(', ')}\n`,
      );
}
