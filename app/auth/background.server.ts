/**
 * Work done after the answer is sent (mail, a row only one branch writes), so that how long a request
 * takes never tells which branch it took. A failure is logged, never shown: the person asks again.
 */
// On globalThis: the server (app/server.ts) and the built routes each load their own copy of this module.
const PENDING = Symbol.for("boussole.background-tasks");
const pending: Set<Promise<void>> = ((globalThis as Record<symbol, unknown>)[PENDING] ??= new Set<Promise<void>>()) as Set<Promise<void>>;

export function runInBackground(label: string, task: () => Promise<void>): void {
  const run = new Promise<void>((resolve) => setImmediate(resolve))
    .then(task)
    .catch((error: unknown) => console.error(`[arrière-plan] ${label} a échoué\u00a0:`, error))
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Resolves once every background task started so far (and those they start) has finished; for tests and shutdown. */
export async function backgroundSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
