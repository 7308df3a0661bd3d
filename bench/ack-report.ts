/**
 * What bench:slack and bench:teams print, from the figures their processes sent back.
 * Target (reported, not asserted): the app's ack p50 and p99 each ≤ 2× the bare server's
 * in the same run.
 */
import { percentile } from './load.js';
import type { Acks, Intake, Pair, Progress, Round } from './protocol.js';

const TARGET = 2;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const rate = (count: number, seconds: number) => (count / seconds).toFixed(1);
const sorted = (round: Round): Round => ({
  ...round,
  latencies: [...round.latencies].sort((a, b) => a - b),
});
const at = (round: Round, p: number) => percentile(round.latencies, p);

export const printIntake = (intake: Intake, asked: number, concurrency: number): void => {
  const half = Math.floor(intake.doneAt.length / 2);
  const [mid = 0, end = 0] = [intake.doneAt[half - 1], intake.doneAt.at(-1)];
  console.log(
    `intake      ${rate(intake.caseIds.length, intake.seconds)} cases/s with both cards ` +
      `(${intake.caseIds.length}/${asked} in ${intake.seconds.toFixed(1)} s, ${intake.failed} ` +
      `failed, ${concurrency} in flight; first half ${rate(half, mid / 1000)}/s, second half ` +
      `${rate(intake.doneAt.length - half, (end - mid) / 1000)}/s)`,
  );
  const latencies = sorted({ latencies: intake.latencies, failures: 0 });
  console.log(
    `            message → both cards p50 ${ms(at(latencies, 50))}  p99 ${ms(at(latencies, 99))}`,
  );
};

const merge = (rounds: readonly Pair[], target: 'bare' | 'app'): Round =>
  sorted({
    latencies: rounds.flatMap((pair) => pair[target].latencies),
    failures: rounds.reduce((sum, pair) => sum + pair[target].failures, 0),
  });

/** Prints both targets' acks and their ratios; true when the target is met. */
export const printAcks = (acks: Acks, concurrency: number): boolean => {
  const all = { bare: merge(acks.byOrder, 'bare'), app: merge(acks.byOrder, 'app') };
  for (const [label, round] of [
    ['bare ack', all.bare],
    ['app ack', all.app],
  ] as const)
    console.log(
      `${label.padEnd(11)} p50 ${ms(at(round, 50))}  p99 ${ms(at(round, 99))}  ` +
        `(${round.latencies.length} acks, ${round.failures} not 200, ${concurrency} concurrent)`,
    );
  const ratio = (of: { bare: Round; app: Round }, p: number) => at(of.app, p) / at(of.bare, p);
  const [p50, p99] = [ratio(all, 50), ratio(all, 99)];
  // By round order too: one stall hits every request in flight, so p99 hinges on where the
  // few longest stalls fall; two halves that disagree say the verdict is noise.
  const [bareFirst, appFirst] = acks.byOrder.map((pair) => ({
    bare: merge([pair], 'bare'),
    app: merge([pair], 'app'),
  }));
  const halves = [
    ['bare-first', bareFirst!],
    ['app-first', appFirst!],
  ] as const;
  console.log(
    `ratio app/bare: p50 ${p50.toFixed(2)}x  p99 ${p99.toFixed(2)}x (target ≤ ${TARGET}x each; ` +
      halves
        .map(
          ([name, half]) =>
            `${name} rounds p50 ${ratio(half, 50).toFixed(2)}x p99 ${ratio(half, 99).toFixed(2)}x`,
        )
        .join(', ') +
      ')',
  );
  const met = p50 <= TARGET && p99 <= TARGET && all.app.failures === 0;
  console.log(
    met
      ? `target met: app ack p50 and p99 ≤ ${TARGET}× the bare server's while intake runs`
      : `target NOT met: app ack p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}× the bare ` +
          `server's` +
          (all.app.failures ? `; ${all.app.failures} acks were not 200` : ''),
  );
  return met;
};

export const printStream = (acks: Acks, perSecond: number, progress: Progress): void => {
  const acked = acks.stream.filter((m) => m.status === 200).length;
  console.log(
    `intake stream during the acks: ${perSecond.toFixed(1)}/s for ${acks.seconds.toFixed(1)} s, ` +
      `${acks.stream.length} messages, ${acked} acked 200; of those ${progress.customer} got ` +
      `their customer card, ${progress.both} both cards by the end`,
  );
};

export const printTail = (
  what: string,
  fakeName: string,
  tailSeconds: number,
  progress: Progress,
): void => {
  const methods = Object.entries(progress.methods)
    .map(([method, n]) => `${method} ${n}`)
    .join(', ');
  console.log(
    `work behind the acks (${what}, the stream's cards) ended ${tailSeconds.toFixed(1)} s ` +
      `after the last ack; ${fakeName} saw ${methods || 'nothing'}`,
  );
};

export const printRoundTrips = (label: string, round: Round, concurrency: number, note: string) => {
  const r = sorted(round);
  console.log(
    `${label.padEnd(11)} p50 ${ms(at(r, 50))}  p99 ${ms(at(r, 99))}  (${r.latencies.length} ` +
      `sent, ${r.failures} not 200, ${concurrency} concurrent; ${note})`,
  );
};
