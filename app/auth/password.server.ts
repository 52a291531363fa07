import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id parameters (m = 19 MiB, t = 2, p = 1).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { ...ARGON2_OPTIONS, algorithm: 2 /* Argon2id */ });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real verification, so an unknown email is not faster to answer. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("mot-de-passe-factice-pour-le-temps-constant");
  await verifyPassword(await dummyHash, password);
}
