import { useEffect, useRef } from 'react';

function pageVisible(): boolean {
  return (
    typeof document === 'undefined' || document.visibilityState !== 'hidden'
  );
}

/**
 * Calls `tick` every `intervalMs` while the page is visible: the timer is cleared while
 * `document.hidden` and `tick` runs once when the page shows again. `enabled: false` stops it.
 */
export function usePolling(
  tick: () => void,
  intervalMs: number,
  enabled: boolean,
): void {
  const latest = useRef(tick);
  latest.current = tick;

  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) {
        timer = setInterval(() => latest.current(), intervalMs);
      }
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (pageVisible()) {
        latest.current();
        start();
      } else {
        stop();
      }
    };
    if (pageVisible()) start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, enabled]);
}
