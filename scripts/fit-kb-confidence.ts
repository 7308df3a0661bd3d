/**
 * `node --import tsx scripts/fit-kb-confidence.ts`: fits the confidence model
 * (src/kb/confidence.ts) by logistic regression on the tuning sets only — every hit an
 * intake would show for each question (labelled right or wrong) and for each off-topic
 * message (all wrong) — and prints the coefficients of CONFIDENCE_MODEL; `--write` puts
 * them into src/kb/confidence.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { featureVector, type ConfidenceModel } from '../src/kb/confidence.js';
import { MAX_SUGGESTIONS } from '../src/use-cases/suggest-kb-articles.js';
import { loadSets } from './eval-kb-sets.js';

const rows: { x: number[]; y: number }[] = [];
for (const set of await loadSets(['tuning'])) {
  const add = (question: string, right: string | undefined) => {
    for (const hit of set.index.rank(question, { audience: 'customer', limit: MAX_SUGGESTIONS }))
      rows.push({ x: featureVector(hit.features), y: hit.slug === right ? 1 : 0 });
  };
  for (const { question, article } of set.customerQuestions) add(question, article);
  for (const question of set.offTopic) add(question, undefined);
}

// Newton's method on the log-likelihood, with a little L2 so separable data stays finite.
const size = rows[0]?.x.length ?? 0;
let w = new Array<number>(size).fill(0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
for (let step = 0; step < 50; step += 1) {
  const gradient = w.map((wi) => -0.01 * wi);
  const hessian = w.map((_, i) => w.map((__, j) => (i === j ? -0.01 : 0)));
  for (const { x, y } of rows) {
    const p = sigmoid(x.reduce((sum, xi, i) => sum + xi * w[i]!, 0));
    for (let i = 0; i < size; i += 1) {
      gradient[i]! += (y - p) * x[i]!;
      for (let j = 0; j < size; j += 1) hessian[i]![j]! -= p * (1 - p) * x[i]! * x[j]!;
    }
  }
  const delta = solve(hessian, gradient);
  w = w.map((wi, i) => wi - delta[i]!);
  if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
}

const [bias, titleCoverage, evidence, relative, gap] = w as [
  number,
  number,
  number,
  number,
  number,
];
const model: ConfidenceModel = { bias, titleCoverage, evidence, relative, gap };
const rounded = Object.fromEntries(
  Object.entries(model).map(([key, value]) => [key, Math.round(value * 1000) / 1000]),
);
const right = rows.filter((row) => row.y === 1).length;
process.stdout.write(
  `${rows.length} hits (${right} right) from the tuning sets\n` +
    `CONFIDENCE_MODEL = ${JSON.stringify(rounded)}\n`,
);
if (process.argv.includes('--write')) {
  const path = new URL('../src/kb/confidence.ts', import.meta.url);
  const source = await readFile(path, 'utf8');
  const body = Object.entries(rounded)
    .map(([key, value]) => `  ${key}: ${value},\n`)
    .join('');
  await writeFile(
    path,
    source.replace(
      /(export const CONFIDENCE_MODEL: ConfidenceModel = \{\n)[^}]*(\};)/,
      `$1${body}$2`,
    ),
  );
}

/** Gaussian elimination: A x = b. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1)
      if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = m[row]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k += 1) m[row]![k]! -= factor * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
