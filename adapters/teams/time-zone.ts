import { z } from 'zod';
import { isTimeZone } from '../../src/domain/directory.js';

const zone = z.string().trim().min(1).max(64).refine(isTimeZone);
const clientInfo = z.looseObject({ type: z.literal('clientInfo'), timezone: zone });

/**
 * The sender's IANA time zone as Teams reports it: the `clientInfo` entity's `timezone`,
 * else the activity's `localTimezone`; undefined when neither is a zone we know.
 */
export const timeZoneOf = (activity: {
  readonly entities?: readonly unknown[] | undefined;
  readonly localTimezone?: string | undefined;
}): string | undefined => {
  for (const entity of activity.entities ?? []) {
    const parsed = clientInfo.safeParse(entity);
    if (parsed.success) return parsed.data.timezone;
  }
  const local = zone.safeParse(activity.localTimezone);
  return local.success ? local.data : undefined;
};
