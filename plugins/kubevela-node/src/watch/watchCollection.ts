import { Watch } from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../client/types';
import { collectionPath } from './watchedKinds';
import type { WatchedKind } from './watchedKinds';

/** An object event of a watch. */
export interface CollectionEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/** How one watch connection ended. */
export type WatchEnd =
  /** The server closed it (its timeout): watch again from `resourceVersion`. */
  | { kind: 'closed'; resourceVersion: string }
  /** 410 Gone: the resourceVersion is too old; list again. */
  | { kind: 'gone'; resourceVersion: string }
  /** A failure (connection, HTTP status, ERROR event); retry with backoff. */
  | { kind: 'error'; resourceVersion: string; error: unknown };

/** Options of one watch connection. */
export interface WatchCollectionOptions {
  resourceVersion: string;
  onEvent: (event: CollectionEvent) => void;
  /** Called once the server accepted the watch (HTTP 200). */
  onConnected?: () => void;
  /** The server ends the watch after this many seconds (a healthy reconnect). */
  timeoutSeconds: number;
  /**
   * No event or bookmark for this long ends the watch as failed: a half-open connection (the
   * apiserver's host gone) would otherwise look healthy forever.
   */
  idleTimeoutMs: number;
  signal: AbortSignal;
}

/** Starts one watch connection; resolves with how it ended. */
export type WatchCollection = (
  kind: WatchedKind,
  options: WatchCollectionOptions,
) => Promise<WatchEnd>;

/** A watcher on one cluster, on `@kubernetes/client-node`'s Watch (bookmarks on). */
export function createCollectionWatcher(
  kubeConfig: KubeConfig,
): WatchCollection {
  const watch = new Watch(kubeConfig);
  return (kind, options) =>
    new Promise<WatchEnd>(resolve => {
      let rv = options.resourceVersion;
      let ended = false;
      let controller: AbortController | undefined;
      let idle: NodeJS.Timeout | undefined;
      const aborted = new AbortController();
      const end = (result: WatchEnd) => {
        if (ended) return;
        ended = true;
        clearTimeout(idle);
        aborted.abort(); // removes the listener on the caller's signal
        controller?.abort();
        resolve(result);
      };
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(
          () =>
            end({
              kind: 'error',
              resourceVersion: rv,
              error: new Error(
                `no watch event or bookmark for ${options.idleTimeoutMs} ms`,
              ),
            }),
          options.idleTimeoutMs,
        );
      };
      // A signal aborted before the watch began fires no 'abort' event: end at once.
      if (options.signal.aborted) {
        end({ kind: 'closed', resourceVersion: rv });
        return;
      }
      options.signal.addEventListener(
        'abort',
        () => end({ kind: 'closed', resourceVersion: rv }),
        { once: true, signal: aborted.signal },
      );
      touch();
      watch
        .watch(
          collectionPath(kind),
          {
            resourceVersion: rv,
            allowWatchBookmarks: true,
            timeoutSeconds: options.timeoutSeconds,
          },
          (type: string, object: KubeObject & { code?: number }) => {
            touch();
            if (type === 'BOOKMARK') {
              rv = object.metadata?.resourceVersion ?? rv;
              return;
            }
            if (type === 'ERROR') {
              // A Status object: 410 means the resourceVersion left the server's window.
              const status = object as unknown as {
                code?: number;
                message?: string;
              };
              end(
                status.code === 410
                  ? { kind: 'gone', resourceVersion: rv }
                  : {
                      kind: 'error',
                      resourceVersion: rv,
                      error: Object.assign(
                        new Error(status.message ?? 'watch error'),
                        {
                          code: status.code,
                          body: status,
                        },
                      ),
                    },
              );
              return;
            }
            rv = object.metadata?.resourceVersion ?? rv;
            options.onEvent({
              type: type as CollectionEvent['type'],
              object: {
                ...object,
                apiVersion: kind.apiVersion,
                kind: kind.kind,
              },
            });
          },
          (err: unknown) => {
            if (!err) {
              end({ kind: 'closed', resourceVersion: rv });
              return;
            }
            const status = (err as { statusCode?: number }).statusCode;
            if (status === 410) {
              end({ kind: 'gone', resourceVersion: rv });
              return;
            }
            // An HTTP refusal of the watch request: shaped like the client's ApiException so
            // that toBackstageError maps it (403 -> NotAllowedError, 5xx -> unavailable).
            const error =
              status === undefined
                ? err
                : Object.assign(new Error((err as Error).message), {
                    code: status,
                    body: {
                      message: `watch refused with HTTP ${status} ${
                        (err as Error).message
                      }`,
                    },
                  });
            end({ kind: 'error', resourceVersion: rv, error });
          },
        )
        .then(
          c => {
            controller = c;
            if (ended) c.abort();
            else options.onConnected?.();
          },
          error => end({ kind: 'error', resourceVersion: rv, error }),
        );
    });
}
