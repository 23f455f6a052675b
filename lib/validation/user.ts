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
