export const ROLES = ['admin', 'editor'] as const;
export type Role = (typeof ROLES)[number];

/** admin may do everything an editor may, and manage users and taxonomy. */
export function hasRole(role: string, needed: Role): boolean {
  return role === 'admin' || role === needed;
}
