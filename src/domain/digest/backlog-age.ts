/**
 * The digest's backlog chart: open cases by age since opened, in the buckets of the
 * backlog metric (src/domain/metrics/backlog.ts), with the short labels a chart's axis
 * has room for.
 */
import { AGE_BUCKETS, ageBucket, type AgeBucket } from '../metrics/backlog.js';
import type { StatusCategory } from '../workflow/index.js';

export const BACKLOG_AGE_BUCKETS = ['< 1 d', '1–3 d', '3–7 d', '7–30 d', '> 30 d'] as const;
export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number];

const SHORT: Readonly<Record<AgeBucket, BacklogAgeBucket>> = {
  under1d: '< 1 d',
  '1to3d': '1–3 d',
  '3to7d': '3–7 d',
  '7to30d': '7–30 d',
  over30d: '> 30 d',
};
const DONE: readonly StatusCategory[] = ['solved', 'closed'];

export interface BacklogAge {
  readonly open: number;
  readonly buckets: readonly { readonly bucket: BacklogAgeBucket; readonly cases: number }[];
}

/** Open cases (not solved or closed) as of `now`, by the time since each was opened. */
export const backlogAge = (
  cases: readonly { readonly statusCategory: StatusCategory; readonly createdAt: Date }[],
  now: Date,
): BacklogAge => {
  const counts = new Map<AgeBucket, number>();
  let open = 0;
  for (const c of cases) {
    if (DONE.includes(c.statusCategory) || c.createdAt > now) continue;
    const bucket = ageBucket(c.createdAt, now);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    open += 1;
  }
  return {
    open,
    buckets: AGE_BUCKETS.map((bucket) => ({
      bucket: SHORT[bucket],
      cases: counts.get(bucket) ?? 0,
    })),
  };
};
