import { z } from 'zod';
import type { Contact } from '../domain/directory.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { DirectoryRepository } from '../ports/directory-repository.js';
import { invalid } from './shared/case-action.js';

export const registerChatContactCommand = z.object({
  /** The organization the sender's chat workspace (a Microsoft tenant) is mapped to. */
  organizationId: z.string().trim().min(1),
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  teamsAadObjectId: z.string().trim().min(1).optional(),
});

/**
 * Someone from a customer's own chat workspace writes to us and is not on file yet: the
 * workspace is mapped to the organization, so they become its contact (by the email their
 * workspace gives). An email already on file keeps its contact, whatever organization.
 */
export const makeRegisterChatContact =
  (deps: {
    readonly directory: Pick<
      DirectoryRepository,
      'getOrganization' | 'findContactByEmail' | 'addContact'
    >;
  }) =>
  async (input: unknown): Promise<Result<Contact>> => {
    const command = registerChatContactCommand.safeParse(input);
    if (!command.success) return invalid(command.error);
    const { organizationId, name, email, teamsAadObjectId } = command.data;
    const known = await deps.directory.findContactByEmail(email);
    if (known) return ok(known);
    const organization = await deps.directory.getOrganization(organizationId);
    if (!organization) return fail('not-found', 'No such organization.');
    const guid = z.guid().safeParse(teamsAadObjectId?.toLowerCase());
    return ok(
      await deps.directory.addContact({
        email,
        name,
        organizationKey: organization.key,
        organizationId: organization.id,
        ...(guid.success ? { teamsAadObjectId: guid.data } : {}),
      }),
    );
  };
