// npm run user:create -- --email <e> --name <n> --role admin|editor
// The password comes from CATALOGUE_PASSWORD, or is asked for on the terminal without echo.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { createPrismaClient } from '@/lib/prisma-client';
import { UserSchema } from '@/lib/validation/user';

function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for the password on: set CATALOGUE_PASSWORD.');
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
      write(s.startsWith(question) ? s : s.replace(/[^\r\n]/g, ''));
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
});
const password = env.CATALOGUE_PASSWORD ?? (await askHidden('Password (at least 12 characters): '));
const parsed = UserSchema.safeParse({ ...values, password });
if (!parsed.success) {
  console.error(`Cannot create the user:\n${z.prettifyError(parsed.error)}`);
  process.exit(1);
}

const db = createPrismaClient();
try {
  if (await db.user.findUnique({ where: { email: parsed.data.email } })) {
    console.error(`A user with the email ${parsed.data.email} already exists.`);
    process.exit(1);
  }
  const { email, name, role } = parsed.data;
  const user = await db.user.create({ data: { email, name, role, passwordHash: await hashPassword(parsed.data.password) } });
  console.log(`Created ${role} ${name} <${email}> (id ${user.id}).`);
} finally {
  await db.$disconnect();
}
