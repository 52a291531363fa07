import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { rateLimits } from "../schema.ts";

/**
 * Counts one attempt for `key` in a fixed window of `windowMs`, atomically (one upsert, so several app
 * instances share the counter). Returns the number of attempts in the current window, this one included.
 */
export async function hitRateLimit(db: DbOrTx, key: string, windowMs: number, now: Date): Promise<number> {
  const windowStartLimit = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} <= ${windowStartLimit.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} <= ${windowStartLimit.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return row.count;
}

/** Forgets the attempts of `key` (after a successful sign-in). */
export async function clearRateLimit(db: DbOrTx, key: string) {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}
