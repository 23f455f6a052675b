import { z } from 'zod';
import { passwordProblem } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';

export const PasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const UserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })),
  name: z.string().trim().min(1, { error: 'Enter a name.' }).max(200),
  role: z.enum(ROLES, { error: 'Choose admin or editor.' }),
  password: PasswordSchema,
});

export const ChangePasswordSchema = z
  .object({
    current: z.string().min(1, { error: 'Enter your current password.' }).max(256),
    password: PasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { error: 'The two new passwords differ.', path: ['confirm'] });

export const ResetPasswordSchema = z
  .object({
    token: z.string().regex(/^[\w-]{43}$/, { error: 'This link is not complete: copy all of it.' }),
    password: PasswordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { error: 'The two passwords differ.', path: ['confirm'] });

export const UserProfileSchema = z.object({
  userId: z.coerce.number().int().positive(),
  email: UserSchema.shape.email,
  name: UserSchema.shape.name,
});
