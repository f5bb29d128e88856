import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import type { TableStatusResponse } from '../../api/types';

/** How often the card reads the status again while the page is visible. */
export const TABLE_STATUS_REFRESH_MS = 10_000;

/** The status of an entity's table, read again every `intervalMs` while the page is visible. */
export function useTableStatus(
  entityRef: string,
  intervalMs: number = TABLE_STATUS_REFRESH_MS,
) {
  const api = useApi(kubevelaApiRef);
  const [state, setState] = useState<{
    status?: TableStatusResponse;
    error?: Error;
    loading: boolean;
  }>({
    loading: true,
  });
  const mounted = useRef(true);

  const load = useCallback(async () => {
    try {
      const status = await api.getTableStatus(entityRef);
      if (mounted.current) setState({ status, loading: false });
    } catch (e) {
      // Keep the last good status next to the error: a failed poll does not erase what was known.
      if (mounted.current)
        setState(prev => ({
          status: prev.status,
          error: e as Error,
          loading: false,
        }));
    }
  }, [api, entityRef]);

  useEffect(() => {
    mounted.current = true;
    setState({ loading: true });
    load();
    const visible = () =>
      typeof document === 'undefined' || document.visibilityState !== 'hidden';
    const timer = setInterval(() => {
      if (visible()) load();
    }, intervalMs);
    const onVisibility = () => {
      if (visible()) load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      mounted.current = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load, intervalMs]);

  return { ...state, refresh: load };
}
