/**
 * `node --import tsx scripts/eval-kb-threshold.ts`: how a minimum score for suggestions at
 * intake trades right answers against noise, on the evaluation set plus questions the
 * knowledge base cannot answer. Chose the default of caseline.yaml's kb.suggestionMinScore (src/kb/compose-kb.ts).
 */
import { KbIndex } from '../src/kb/kb-index.js';
import { loadEvalSet } from './eval-kb-lib.js';

const UNANSWERABLE = [
  'can you add a dark mode to the dashboard',
  'how much does the premium plan cost',
  'our office moves next month please update our address',
  'who is our account manager',
  'the coffee machine in the lobby is broken',
  'please send the contract renewal quote',
  'can we get a training session for new staff',
  'is there a webinar about the new release',
  'we want to cancel our subscription',
  'what are your support hours over christmas',
  'feature request: export charts as png',
  'our CEO wants a demo of the forecasting module',
  'can I change my username',
  'how to change the language of the interface to french',
  'the calendar widget shows wrong week numbers',
  'add a new warehouse location in berlin',
  'we need an ISO 27001 certificate from you',
  'does ledgerline run on a mac',
  'spelling mistake in the german translation of the menu',
  'how do I create a new project code',
];

const set = await loadEvalSet();
const index = new KbIndex({}, set.articles.length);
index.upsert(set.articles);
const top = (question: string) => index.search(question, { audience: 'staff', limit: 1 })[0];
const right: number[] = [];
const wrong: number[] = [];
for (const { question, article } of set.questions) {
  const hit = top(question);
  if (hit) (hit.slug === article ? right : wrong).push(hit.score);
}
const none = UNANSWERABLE.map((question) => top(question)?.score ?? 0);
const kept = (scores: number[], min: number) =>
  (scores.filter((score) => score >= min).length / scores.length).toFixed(2);
for (const min of [0, 10, 20, 30, 40, 50, 60])
  process.stdout.write(
    `min ${String(min).padStart(2)}: right kept ${kept(right, min)}  wrong kept ${kept(wrong, min)}  unanswerable kept ${kept(none, min)}\n`,
  );
