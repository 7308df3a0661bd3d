/**
 * `npm run eval:kb [-- --misses]`: recall@1, recall@3 and MRR of the knowledge-base index
 * on the evaluation set, as an agent would search (every published article).
 */
import { KbIndex } from '../src/kb/kb-index.js';
import { evaluate, loadEvalSet } from './eval-kb-lib.js';

const { articles, questions } = await loadEvalSet();
const index = new KbIndex(process.env.KB_TUNING ? JSON.parse(process.env.KB_TUNING) : {});
index.upsert(articles);
const scores = evaluate(questions, (question) =>
  index.search(question, { audience: 'staff', limit: 10 }).map((hit) => hit.slug),
);
const pct = (value: number) => value.toFixed(3);
process.stdout.write(
  `articles ${articles.length}, questions ${scores.questions}\n` +
    `recall@1 ${pct(scores.recallAt1)}  recall@3 ${pct(scores.recallAt3)}  MRR ${pct(scores.mrr)}\n`,
);
if (process.argv.includes('--misses'))
  for (const miss of scores.misses)
    process.stdout.write(
      `MISS ${miss.expected} <- "${miss.question}" got ${miss.got.join(', ')}\n`,
    );
