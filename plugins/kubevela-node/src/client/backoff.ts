import type { BackoffOptions } from './types';

/** The delays of a bounded exponential backoff: initial, initial*factor, … capped at maxDelayMs. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  return Math.min(
    options.maxDelayMs,
    options.initialDelayMs * options.factor ** attempt,
  );
}

/** Resolves after `ms`, or rejects early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
