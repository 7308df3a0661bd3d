import { z } from 'zod';
import { roleOf } from '../domain/case/types.js';
import { hasPermission } from '../domain/permissions.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { actorSchema } from './shared/commands.js';
import { invalid } from './shared/case-action.js';

export const getAccessNotesCommand = z.object({
  actor: actorSchema,
  installationId: z.string().min(1),
});

/**
 * An installation's access and dial-in notes (VPN, hosts, who to call): for agents
 * reproducing a problem, never for customers — not even their own organization's.
 */
export const makeGetAccessNotes =
  (deps: { readonly directory: DirectoryRepository }) =>
  async (input: unknown): Promise<Result<{ notes: string | undefined }>> => {
    const command = getAccessNotesCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const role = roleOf(command.data.actor);
    if (role !== 'system' && !hasPermission(role, 'installation::view-access-notes')) {
      return fail('not-allowed', 'Access notes are for agents only.');
    }
    const installation = await deps.directory.getInstallation(command.data.installationId);
    if (!installation) return fail('not-found', 'No such installation.');
    return ok({ notes: await deps.directory.getInstallationAccessNotes(installation.id) });
  };
