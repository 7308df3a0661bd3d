import { z } from 'zod';
import { hasPermission } from '../../domain/permissions.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { Clock } from '../../ports/clock.js';
import type { DeskLinkStore } from '../../ports/desk-links.js';
import { actorSchema } from '../shared/commands.js';
import { invalid } from '../shared/case-action.js';

export const mintDeskLinkCommand = z.object({ actor: actorSchema });

/** The issue asks for ten minutes: long enough to switch to a browser, short if it leaks. */
export const DESK_LINK_MINUTES = 10;

/** A one-time link to the desk page for a lead or admin (customers never get one). */
export const makeMintDeskLink =
  (deps: { readonly links: Pick<DeskLinkStore, 'issue'>; readonly clock: Clock }) =>
  async (input: unknown): Promise<Result<{ readonly token: string; readonly expiresAt: Date }>> => {
    const command = mintDeskLinkCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { actor } = command.data;
    if (actor.kind !== 'staff' || !hasPermission(actor.role, 'desk::sign-in'))
      return fail(
        'not-allowed',
        actor.kind === 'customer'
          ? 'The desk page is for the support desk’s leads and admins.'
          : 'The desk page is for leads and admins: ask an admin to give you the lead role if you need it.',
      );
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + DESK_LINK_MINUTES * 60_000);
    const token = await deps.links.issue(actor.agentId, now, expiresAt);
    return ok({ token, expiresAt });
  };
