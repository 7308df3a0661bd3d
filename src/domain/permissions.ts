import type { Role } from './roles.js';

/** Everything a role may be allowed to do, as `area::action` strings checked by `hasPermission`. */
export const PERMISSIONS = [
  'case::view',
  'case::view-internal',
  'case::claim',
  'case::assign',
  'case::move-queue',
  'case::transition',
  'case::set-priority',
  'case::reply',
  'case::note',
  'case::log-time',
  'case::resolve',
  'case::close',
  'case::reopen',
  'case::create-task',
  'case::complete-task',
  'case::link-issue',
  'installation::view-access-notes',
  'directory::import',
  'report::view',
  'desk::sign-in',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASE_PERMISSIONS = PERMISSIONS.filter((permission) => permission.startsWith('case::'));

// Customers see only their organization's cases (the use cases filter by organization) and
// only the public side. They hold `case::transition` because the workflow, not this table,
// decides which edges they may take — approving an estimate or confirming a fix are edges
// whose `roles` name the customer; every other edge refuses them there.
const CUSTOMER: readonly Permission[] = [
  'case::view',
  'case::reply',
  'case::transition',
  'case::close',
  'case::reopen',
];

// Agents work cases end to end, and need an installation's access notes (VPN, hosts,
// credentials location) to reproduce a problem on the customer's system.
const AGENT: readonly Permission[] = [...CASE_PERMISSIONS, 'installation::view-access-notes'];

// Leads work the same cases as agents; what sets them apart is the desk as a whole: the
// reports in chat and the desk page, which show every queue, organization and agent.
const LEAD: readonly Permission[] = [...AGENT, 'report::view', 'desk::sign-in'];

// Importing the directory rewrites organizations, contacts and contracts for everyone,
// so only admins — who own the config — may do it.
const ADMIN: readonly Permission[] = PERMISSIONS;

const TABLE: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  customer: new Set(CUSTOMER),
  agent: new Set(AGENT),
  lead: new Set(LEAD),
  admin: new Set(ADMIN),
};

export const hasPermission = (role: Role, permission: Permission): boolean =>
  TABLE[role].has(permission);

export const permissionsOf = (role: Role): readonly Permission[] =>
  PERMISSIONS.filter((permission) => TABLE[role].has(permission));
