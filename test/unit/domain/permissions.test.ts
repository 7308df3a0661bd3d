import { hasPermission, PERMISSIONS, permissionsOf } from '../../../src/domain/permissions.js';
import type { Permission } from '../../../src/domain/permissions.js';
import { ROLES } from '../../../src/domain/roles.js';

// Expected access by role, in ROLES order: customer, agent, lead, admin.
const TABLE: [Permission, boolean, boolean, boolean, boolean][] = [
  ['case::view', true, true, true, true],
  ['case::reply', true, true, true, true],
  ['case::close', true, true, true, true],
  ['case::reopen', true, true, true, true],
  ['case::transition', true, true, true, true],
  ['case::view-internal', false, true, true, true],
  ['case::note', false, true, true, true],
  ['case::claim', false, true, true, true],
  ['case::assign', false, true, true, true],
  ['case::move-queue', false, true, true, true],
  ['case::set-priority', false, true, true, true],
  ['case::log-time', false, true, true, true],
  ['case::resolve', false, true, true, true],
  ['case::create-task', false, true, true, true],
  ['case::complete-task', false, true, true, true],
  ['case::link-issue', false, true, true, true],
  ['installation::view-access-notes', false, true, true, true],
  ['directory::import', false, false, false, true],
  ['report::view', false, false, true, true],
  ['desk::sign-in', false, false, true, true],
];

describe('hasPermission', () => {
  it.each(TABLE)('%s: customer %s, agent %s, lead %s, admin %s', (permission, ...expected) => {
    expect(ROLES.map((role) => hasPermission(role, permission))).toEqual(expected);
  });

  it('covers every permission in the table above', () => {
    expect(TABLE.map(([permission]) => permission).sort()).toEqual([...PERMISSIONS].sort());
  });

  it('gives leads everything agents have', () => {
    expect(permissionsOf('agent').every((permission) => hasPermission('lead', permission))).toBe(
      true,
    );
  });

  it('gives admins every permission', () => {
    expect(permissionsOf('admin')).toEqual(PERMISSIONS);
  });
});
