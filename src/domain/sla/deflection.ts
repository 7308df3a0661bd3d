import type { CaseState } from '../case/types.js';
import type { ClockKind } from './types.js';

/**
 * A case the customer solved themselves ("This solved it" on a knowledge-base article)
 * before anyone on the desk answered: a deflection. Solving a case stops its response
 * clocks, so without this the desk would be credited with a first response it never gave.
 */
export interface Deflection {
  readonly at: Date;
  /** The self-service solution still stands: the case was not reopened since. */
  readonly standing: boolean;
}

/**
 * The deflection in a case's history, if any: its first answer-like event — a public reply
 * from staff, or a resolution — was a self-service solution. A case the desk answered or
 * resolved first is not a deflection, even if the customer later solved it with an article.
 */
export const deflectionOf = (
  c: Pick<CaseState, 'events' | 'resolution'>,
): Deflection | undefined => {
  const first = [...c.events]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .find(
      (event) =>
        event.type === 'resolved' ||
        (event.type === 'replied' && event.actor.kind === 'staff' && event.visibility === 'public'),
    );
  if (first?.type !== 'resolved' || first.data?.['resolutionType'] !== 'self-solved')
    return undefined;
  return { at: first.at, standing: c.resolution?.type === 'self-solved' };
};

/**
 * The clocks whose "met" a deflection earned rather than the desk: the first response
 * always (the desk never gave one), the resolution while the self-service solution stands
 * (after a reopen the desk's own resolution is judged as usual). Next response is left
 * alone: it starts only on a customer message after the case was answered, a real promise.
 */
export const deflectedClocks = (deflection: Deflection | undefined): readonly ClockKind[] =>
  !deflection ? [] : deflection.standing ? ['firstResponse', 'resolution'] : ['firstResponse'];
