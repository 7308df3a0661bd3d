import { z } from 'zod';
import type { Actor } from '../../domain/case/types.js';
import type { Agent } from '../../domain/directory.js';
import { hasPermission } from '../../domain/permissions.js';
import type { StaffRole } from '../../domain/roles.js';
import type { Clock } from '../../ports/clock.js';
import type { DeskLinkStore } from '../../ports/desk-links.js';
import type { DirectoryRepository } from '../../ports/directory-repository.js';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** What a sign-in link does: the desk for this agent, or why not (each told on its own page). */
export type DeskSignIn =
  | { readonly outcome: 'signed-in'; readonly actor: Actor & { readonly kind: 'staff' } }
  | { readonly outcome: 'used' | 'expired' | 'unknown' | 'not-allowed' };

const strongestRole = (agent: Agent): StaffRole =>
  agent.roles.includes('admin') ? 'admin' : agent.roles.includes('lead') ? 'lead' : 'agent';

/**
 * The agent as the desk page sees them, checked again on every request: someone made
 * inactive or no longer a lead loses the page at once, whatever their cookie says.
 */
export const makeDeskActor =
  (deps: { readonly directory: Pick<DirectoryRepository, 'getAgent'> }) =>
  async (agentId: string): Promise<(Actor & { readonly kind: 'staff' }) | undefined> => {
    const agent = await deps.directory.getAgent(agentId);
    if (!agent?.active) return undefined;
    const role = strongestRole(agent);
    if (!hasPermission(role, 'desk::sign-in')) return undefined;
    return { kind: 'staff', agentId: agent.id, role, name: agent.name };
  };

/** `peek` tells what the link would do (the page with the button); `redeem` uses it. */
export const makeSignInToDesk = (deps: {
  readonly links: Pick<DeskLinkStore, 'peek' | 'redeem'>;
  readonly directory: Pick<DirectoryRepository, 'getAgent'>;
  readonly clock: Clock;
}) => {
  const deskActor = makeDeskActor(deps);
  const run =
    (step: 'peek' | 'redeem') =>
    async (token: unknown): Promise<DeskSignIn> => {
      const parsed = tokenSchema.safeParse(token);
      if (!parsed.success) return { outcome: 'unknown' };
      const found = await deps.links[step](parsed.data, deps.clock.now());
      if (found.outcome !== 'signed-in') return { outcome: found.outcome };
      const actor = await deskActor(found.agentId);
      return actor ? { outcome: 'signed-in', actor } : { outcome: 'not-allowed' };
    };
  return { peek: run('peek'), redeem: run('redeem'), deskActor };
};

export type SignInToDesk = ReturnType<typeof makeSignInToDesk>;
