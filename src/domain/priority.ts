/** Case priorities, most urgent first; urgent cases jump to the top of every list. */
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Sort rank: lower is more urgent. */
export const priorityRank = (priority: Priority): number => PRIORITIES.indexOf(priority);
