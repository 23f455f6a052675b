import { z } from 'zod';

export const SignInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter your email address.' })),
  password: z.string().min(1, { error: 'Enter your password.' }).max(256),
  // Only paths inside the admin area: never an open redirect.
  next: z
    .string()
    .regex(/^\/admin(\/[\w\-/?=&%.]*)?$/)
    .catch('/admin'),
});
