import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import type { TableStatusResponse } from '../../api/types';
import { readStatusError } from './statusError';
import type { StatusError } from './statusError';
import { usePolling } from './usePolling';

/** How often the card reads the status again while the page is visible. */
export const TABLE_STATUS_REFRESH_MS = 10_000;

/** What the card knows: the last status read (kept while reading again) and the last error. */
export interface TableStatusState {
  status?: TableStatusResponse;
  error?: StatusError;
  /** True only until the first answer; later reads keep the last data on screen. */
  loading: boolean;
}

/**
 * The status of an entity's table, read again every `intervalMs` while the page is visible.
 * A failed read keeps the last status (or the backend's last known one); an answer that
 * cannot change by waiting (400, 403) stops the polling.
 */
export function useTableStatus(
  entityRef: string,
  intervalMs: number = TABLE_STATUS_REFRESH_MS,
): TableStatusState {
  const api = useApi(kubevelaApiRef);
  const [state, setState] = useState<TableStatusState>({ loading: true });
  const current = useRef(entityRef);
  // One read at a time: a slow answer must not arrive after, and overwrite, a newer one.
  const inFlight = useRef<object | undefined>(undefined);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    const read = {};
    inFlight.current = read;
    const ref = entityRef;
    try {
      const status = await api.getTableStatus(ref);
      if (current.current === ref) setState({ status, loading: false });
    } catch (e) {
      const error = readStatusError(e as Error);
      if (current.current === ref) {
        setState(prev => ({
          status: error.lastKnownStatus ?? prev.status,
          error,
          loading: false,
        }));
      }
    } finally {
      if (inFlight.current === read) inFlight.current = undefined;
    }
  }, [api, entityRef]);

  useEffect(() => {
    current.current = entityRef;
    inFlight.current = undefined;
    setState({ loading: true });
    load();
    return () => {
      current.current = '';
    };
  }, [entityRef, load]);

  const stopped = state.error !== undefined && !state.error.retryable;
  usePolling(load, intervalMs, !stopped);
  return state;
}
