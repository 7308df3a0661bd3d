/** A contact as a list shows them (the playground's "act as" choices). */
export interface ContactListing {
  readonly email: string;
  readonly name: string;
  readonly organizationKey?: string | undefined;
}

/** The directory's contacts, a page at a time, sorted by email. */
export interface ContactList {
  listContacts(limit: number): Promise<ContactListing[]>;
}
