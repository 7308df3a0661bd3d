import type { StatusCategory } from '../workflow/types.js';

/** Case age buckets, from the opening: under a day, 1–3, 3–7, 7–30 and over 30 days. */
export const AGE_BUCKETS = ['under1d', '1to3d', '3to7d', '7to30d', 'over30d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** The buckets in words, as cards, the digest and the desk page show them. */
export const AGE_BUCKET_LABELS: Readonly<Record<AgeBucket, string>> = {
  under1d: 'under 1 day',
  '1to3d': '1–3 days',
  '3to7d': '3–7 days',
  '7to30d': '7–30 days',
  over30d: '30 days or more',
};

const DAY_MS = 86_400_000;
const BOUNDS: readonly [AgeBucket, number][] = [
  ['under1d', 1],
  ['1to3d', 3],
  ['3to7d', 7],
  ['7to30d', 30],
];

/** The bucket of a case opened at `createdAt`, as of `now`; a bound belongs to the older bucket. */
export const ageBucket = (createdAt: Date, now: Date): AgeBucket => {
  const days = (now.getTime() - createdAt.getTime()) / DAY_MS;
  return BOUNDS.find(([, upTo]) => days < upTo)?.[0] ?? 'over30d';
};

/** One open case as the backlog counts it. */
export interface BacklogEntry {
  readonly caseNumber: string;
  readonly status: string;
  readonly category: StatusCategory;
  readonly createdAt: Date;
  /** It has sat in its status longer than the status's languishing limit allows. */
  readonly languishing: boolean;
}

export type AgeCounts = Readonly<Record<AgeBucket, number>>;

export interface BacklogRow {
  readonly status: string;
  readonly category: StatusCategory;
  readonly open: number;
  readonly ages: AgeCounts;
  /** The status has a languishing limit (business minutes) in the SLA section. */
  readonly languishingAfterMinutes?: number;
  /** Cases past that limit now: the ones to look at first. */
  readonly languishing: number;
}

export interface BacklogReport {
  readonly open: number;
  readonly ages: AgeCounts;
  readonly languishing: number;
  /** One row per status with open cases, in the order the caller gives the statuses. */
  readonly byStatus: readonly BacklogRow[];
  /** The oldest open cases, oldest first (at most ten). */
  readonly oldest: readonly { readonly caseNumber: string; readonly createdAt: Date }[];
}

const noAges = (): Record<AgeBucket, number> =>
  Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgeBucket, number>;

const OLDEST = 10;

/**
 * Tallies open cases one at a time, so a report over many cases never holds them all:
 * by status with age buckets, the languishing ones, the oldest few. Pure.
 */
export const backlogTally = (options: {
  readonly now: Date;
  /** Status ids in workflow order; statuses not named come after, by id. */
  readonly statusOrder: readonly string[];
  /** Languishing limits in business minutes, by status id. */
  readonly languishingAfter: ReadonlyMap<string, number>;
}) => {
  const rows = new Map<
    string,
    { category: StatusCategory; ages: Record<AgeBucket, number>; languishing: number }
  >();
  const total = noAges();
  let oldest: { caseNumber: string; createdAt: Date }[] = [];
  let languishing = 0;
  return {
    add(entry: BacklogEntry): void {
      let row = rows.get(entry.status);
      if (!row)
        rows.set(
          entry.status,
          (row = { category: entry.category, ages: noAges(), languishing: 0 }),
        );
      const bucket = ageBucket(entry.createdAt, options.now);
      row.ages[bucket] += 1;
      total[bucket] += 1;
      if (entry.languishing) {
        row.languishing += 1;
        languishing += 1;
      }
      const last = oldest.at(-1);
      if (oldest.length < OLDEST || (last && entry.createdAt < last.createdAt)) {
        oldest.push({ caseNumber: entry.caseNumber, createdAt: entry.createdAt });
        oldest = oldest
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
          .slice(0, OLDEST);
      }
    },
    result(): BacklogReport {
      const rank = (status: string) => {
        const i = options.statusOrder.indexOf(status);
        return i < 0 ? options.statusOrder.length : i;
      };
      const byStatus = [...rows]
        .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
        .map(([status, row]) => {
          const after = options.languishingAfter.get(status);
          return {
            status,
            category: row.category,
            open: AGE_BUCKETS.reduce((sum, bucket) => sum + row.ages[bucket], 0),
            ages: row.ages,
            ...(after === undefined ? {} : { languishingAfterMinutes: after }),
            languishing: row.languishing,
          };
        });
      return {
        open: byStatus.reduce((sum, row) => sum + row.open, 0),
        ages: total,
        languishing,
        byStatus,
        oldest,
      };
    },
  };
};
