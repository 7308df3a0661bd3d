/** Who acts on a case. Customers are contacts of an organization; the rest are staff. */
export const ROLES = ['customer', 'agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['agent', 'lead', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const isStaff = (role: Role): role is StaffRole => role !== 'customer';
