/**
 * A submitted intake form (intake-form.ts), from either chat, as openCase's input: the
 * case fields by the form's field ids, and for an agent's form the contact it is for.
 */
import { type IntakeFieldId, type ReachedBy } from './intake-form.js';

export type IntakeValues = Partial<Readonly<Record<IntakeFieldId, string | undefined>>>;

const given = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/**
 * A submission's values (by field id) as openCase's case fields; the chat adds who, where
 * from and the intake key. Files shared with the form are named in the description.
 */
export const openCaseFields = (values: IntakeValues, files: readonly string[] = []) => {
  const description = given(values.description) ?? '';
  return {
    title: given(values.title) ?? '',
    description: files.length ? `${description}\n\nFiles: ${files.join(', ')}` : description,
    impact: given(values.impact),
    expectation: given(values.expectation),
    priority: given(values.priority),
    installationId: given(values.installationId),
    module: given(values.module),
  };
};

/** The contact an agent names, and how they reached us (phone unless they say email). */
export const contactOnBehalf = async (
  findContactByEmail: (email: string) => Promise<{ readonly id: string } | undefined>,
  values: IntakeValues,
): Promise<{ contactId: string; reachedBy: ReachedBy } | { error: string }> => {
  const email = given(values.contactEmail);
  const contact = email ? await findContactByEmail(email) : undefined;
  if (!contact)
    return {
      error: email
        ? `No contact ${email}; an admin can import them.`
        : "Enter the customer's email.",
    };
  return { contactId: contact.id, reachedBy: values.reachedBy === 'email' ? 'email' : 'phone' };
};
