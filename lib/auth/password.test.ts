import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwords', () => {
  it('needs 12 characters and refuses common passwords, with no composition rules', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('qwertyuiopasdfgh')).toBe(null);
    expect(passwordProblem('123456789012')).toMatch(/too common/);
    expect(passwordProblem('PASSWORD1234')).toMatch(/too common/);
    expect(passwordProblem('all lowercase words are fine')).toBe(null);
  });

  it('hashes with argon2id at the OWASP baseline and verifies', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough passphrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
