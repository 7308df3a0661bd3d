/**
 * A stand-in for the backlog report of src/domain/metrics: open cases by age only, so the
 * digest can show its chart before that report lands. Swap `interimBacklogAge` for it
 * then; nothing else of the digest depends on how the buckets are counted.
 */
import type { StatusCategory } from '../workflow/index.js';

export const BACKLOG_AGE_BUCKETS = ['< 1 d', '1–3 d', '3–7 d', '7–30 d', '> 30 d'] as const;
export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number];

/** Upper bounds in days, one per bucket but the last. */
const BOUNDS_DAYS = [1, 3, 7, 30] as const;
const DAY_MS = 86_400_000;
const DONE: readonly StatusCategory[] = ['solved', 'closed'];

export interface BacklogAge {
  readonly open: number;
  readonly buckets: readonly { readonly bucket: BacklogAgeBucket; readonly cases: number }[];
}

/** Open cases (not solved or closed) as of `now`, by the time since each was opened. */
export const interimBacklogAge = (
  cases: readonly { readonly statusCategory: StatusCategory; readonly createdAt: Date }[],
  now: Date,
): BacklogAge => {
  const counts = BACKLOG_AGE_BUCKETS.map(() => 0);
  let open = 0;
  for (const c of cases) {
    if (DONE.includes(c.statusCategory) || c.createdAt > now) continue;
    const days = (now.getTime() - c.createdAt.getTime()) / DAY_MS;
    const index = BOUNDS_DAYS.findIndex((bound) => days < bound);
    counts[index === -1 ? BOUNDS_DAYS.length : index]! += 1;
    open += 1;
  }
  return {
    open,
    buckets: BACKLOG_AGE_BUCKETS.map((bucket, i) => ({ bucket, cases: counts[i] ?? 0 })),
  };
};
