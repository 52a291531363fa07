import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** A random string of 24 base32 characters (120 bits of entropy). */
export function generateSecureRandomString(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Compares `secret`'s hash with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}

/**
 * A token sent to the user as `<id>.<secret>`: the id finds the row, the secret proves possession.
 * Only the secret's SHA-256 is stored (Lucia guide).
 */
export function newIdSecretToken(id: string) {
  const secret = generateSecureRandomString();
  return { token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function splitIdSecretToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0].length > 64 || parts[1].length > 64) return null;
  return { id: parts[0], secret: parts[1] };
}
