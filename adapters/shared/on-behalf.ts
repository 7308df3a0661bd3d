/**
 * Agents open cases for customers who phoned or emailed: whom for (a contact on file, by
 * email) and how they reached us. The same words and the same look-up in every chat.
 */
import type { DirectoryRepository } from '../../src/ports/directory-repository.js';

export const ON_BEHALF_WORDS = {
  contactEmail: "Customer's email",
  contactHint: 'The contact who phoned or emailed',
  reachedBy: 'They reached us by',
} as const;

export const REACHED_BY = [
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'Email' },
] as const;
export type ReachedBy = (typeof REACHED_BY)[number]['value'];

/** The contact an agent names, and how they reached us (phone unless they say email). */
export const contactOnBehalf = async (
  directory: Pick<DirectoryRepository, 'findContactByEmail'>,
  email: string | undefined,
  reachedBy: string | undefined,
): Promise<{ contactId: string; reachedBy: ReachedBy } | { error: string }> => {
  const contact = email ? await directory.findContactByEmail(email) : undefined;
  if (!contact) {
    return {
      error: email
        ? `No contact ${email}; an admin can import them.`
        : "Enter the customer's email.",
    };
  }
  return { contactId: contact.id, reachedBy: reachedBy === 'email' ? 'email' : 'phone' };
};
