import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { authorize, can, canGrant, permissionsOf, scopePaths, type Actor } from './policy.js';

const grant = (orgPath: string, role: Actor['grants'][number]['role']) => ({ id: orgPath + role, orgId: orgPath, orgPath, orgName: orgPath, role });
const ROOT = '/r/';
const A = '/r/a/';
const B = '/r/b/';

describe('policy', () => {
  const headA: Actor = { userId: 'u1', grants: [grant(A, 'unit_head')] };
  const orgAdmin: Actor = { userId: 'u2', grants: [grant(ROOT, 'org_admin')] };

  it('a role covers the subtree of its organisation and nothing beside it', () => {
    expect(can(headA, 'org.read', A)).toBe(true);
    expect(can(headA, 'org.read', '/r/a/x/')).toBe(true);
    expect(can(headA, 'org.read', B)).toBe(false);
    expect(can(headA, 'org.read', ROOT)).toBe(false);
  });

  it('answers 404 for an organisation the actor cannot see and 403 for one it sees', () => {
    const status = (fn: () => void) => {
      try {
        fn();
        return 200;
      } catch (err) {
        return (err as AppError).status;
      }
    };
    expect(status(() => authorize(headA, 'org.manage', B))).toBe(404);
    expect(status(() => authorize(headA, 'org.manage', A))).toBe(403);
    expect(status(() => authorize(orgAdmin, 'org.manage', B))).toBe(200);
  });

  it('scope paths drop subtrees covered by a wider grant', () => {
    const actor: Actor = { userId: 'u', grants: [grant(A, 'unit_head'), grant(ROOT, 'viewer'), grant('/s/', 'member')] };
    expect(scopePaths(actor, 'org.read').sort()).toEqual([ROOT, '/s/'].sort());
    expect(scopePaths(actor, 'user.read')).toEqual([A]);
    expect(permissionsOf(actor)).toEqual(['org.read', 'user.read', 'audit.read', 'person.read', 'learning.read', 'learning.review', 'recognition.read', 'recognition.manage', 'recognition.review']);
  });

  it('an organisation administrator grants roles below system administrator, inside the subtree', () => {
    expect(canGrant(orgAdmin, 'unit_head', A)).toBe(true);
    expect(canGrant(orgAdmin, 'system_admin', A)).toBe(false);
    expect(canGrant(orgAdmin, 'unit_head', '/other/')).toBe(false);
    expect(canGrant(headA, 'member', A)).toBe(false);
  });

  it('a system administrator covers every root of the deployment', () => {
    const sys: Actor = { userId: 's', grants: [grant(ROOT, 'system_admin')] };
    expect(can(sys, 'org.manage', '/another-root/x/')).toBe(true);
    expect(scopePaths(sys, 'audit.read')).toEqual(['/']);
  });

  it('a path that merely starts with the same characters is not inside the subtree', () => {
    // Paths end with '/', so '/r/a/' never covers '/r/ab/'.
    expect(can(headA, 'org.read', '/r/ab/')).toBe(false);
  });
});
