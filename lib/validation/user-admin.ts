import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

const UserId = z.coerce.number().int().positive();

/** Changing a staff member's role (users page). */
export const UserRoleSchema = z.object({
  userId: UserId,
  role: z.enum(ROLES, { error: 'Choose admin or editor.' }),
});

/** Disabling or enabling a staff member's account (users page). */
export const UserStatusSchema = z.object({
  userId: UserId,
  status: z.enum(['active', 'disabled'], { error: 'Choose active or disabled.' }),
});
