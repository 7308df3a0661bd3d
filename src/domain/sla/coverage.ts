import type { CaseState } from '../case/types.js';
import type { SlaSummary } from './case-sla.js';

/** The agent card's contract and SLA lines, the same words in every chat. */
export interface SlaCoverage {
  /** "gold", or "No contract". */
  readonly contract: string;
  /** The policy whose clocks the card shows, and why that one; "No SLA" when none runs. */
  readonly sla: string;
}

/**
 * Names the policy a case is measured by, as the card's clocks are: a case without a
 * contract runs on the default policy, and saying "No SLA" beside running clocks would
 * tell the agent nothing is promised when something is. "No SLA" only when no clock runs
 * (no SLA configured, or a policy with no target at the case's priority).
 */
export const slaCoverage = (
  c: Pick<CaseState, 'contractLevel' | 'slaPolicy'>,
  sla: Pick<SlaSummary, 'policy' | 'clocks'> | undefined,
): SlaCoverage => {
  const contract = c.contractLevel ?? 'No contract';
  if (!sla) return { contract, sla: 'No SLA' };
  if (sla.clocks.length === 0)
    return { contract, sla: `No SLA (${sla.policy} sets no target at this priority)` };
  if (c.slaPolicy === sla.policy) return { contract, sla: sla.policy };
  const why = c.slaPolicy
    ? `the contract’s “${c.slaPolicy}” is not configured`
    : c.contractLevel
      ? 'the contract names no policy'
      : 'no contract';
  return { contract, sla: `${sla.policy} (default policy — ${why})` };
};
