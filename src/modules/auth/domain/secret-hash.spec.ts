import { generateSecret, hashSecret, verifySecret } from './secret-hash';

describe('secret hashing', () => {
  it('generates long, random, URL-safe secrets', () => {
    const secrets = new Set(Array.from({ length: 20 }, () => generateSecret()));
    expect(secrets.size).toBe(20);
    for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('stores a salted scrypt hash that never contains the secret', async () => {
    const secret = generateSecret();
    const a = await hashSecret(secret);
    const b = await hashSecret(secret);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain(secret);
    expect(a).not.toBe(b);
  });

  it('verifies the right secret only', async () => {
    const secret = generateSecret();
    const stored = await hashSecret(secret);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(`${secret}x`, stored)).resolves.toBe(false);
    await expect(verifySecret(secret.slice(1), stored)).resolves.toBe(false);
    await expect(verifySecret('', stored)).resolves.toBe(false);
    await expect(verifySecret(secret, await hashSecret(generateSecret()))).resolves.toBe(false);
  });

  it('refuses stored values that are not scrypt hashes', async () => {
    for (const stored of ['', 'plain-text', 'bcrypt$1$2$3$salt$hash', 'scrypt$16384$8$1$$']) {
      await expect(verifySecret('anything', stored)).resolves.toBe(false);
    }
  });
});
