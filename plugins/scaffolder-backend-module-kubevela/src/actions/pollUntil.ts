import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link pollUntil}. */
export interface PollOptions {
  timeoutMs: number;
  /** Delay between two polls (default 1 s). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Calls `poll` until it returns a value other than undefined, at most until the deadline; then
 * returns undefined. `poll` always runs at least once, and once more at the deadline.
 */
export async function pollUntil<T>(
  poll: () => Promise<T | undefined>,
  options: PollOptions,
): Promise<T | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const result = await poll();
    if (result !== undefined) return result;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return undefined;
    await sleep(Math.min(options.intervalMs ?? 1000, remaining), undefined, {
      signal: options.signal,
    });
  }
}
