import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { KubeApiError } from './kubeRest';
import type { KubeRest } from './kubeRest';
import { collectionPath, keyOf, objectPath } from './resourceKind';
import type { ResourceKind } from './resourceKind';
import type { ReconcileContext, Reconciler } from './types';

/** A running controller loop. */
export interface ControllerLoop {
  /** Resolves once every kind was listed once (the informers' "synced"). */
  synced: Promise<void>;
  /** Stops the watches and timers; waits for reconciles in flight. */
  stop(): Promise<void>;
}

const MIN_RETRY_MS = 200;
const MAX_RETRY_MS = 30000;
const MAX_WATCH_BACKOFF_MS = 10000;

/**
 * Runs one reconciler: for each of its kinds a list, then a watch from the list's
 * resourceVersion (re-listing on `410 Gone` and after a failed watch, with backoff), and a work
 * queue that reconciles one object at a time per key, as controller-runtime does. A reconcile
 * that throws is retried with exponential backoff (200 ms doubling to 30 s); one that asks for a
 * requeue runs again after that delay.
 */
export function runControllerLoop(
  reconciler: Reconciler,
  kube: KubeRest,
  ctx: ReconcileContext,
): ControllerLoop {
  const abort = new AbortController();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();
  const failures = new Map<string, number>();
  const known = new Map<string, KubeObject>();

  const queueKey = (kind: ResourceKind, key: string) =>
    `${kind.plural}.${kind.group}|${key}`;

  const schedule = (kind: ResourceKind, key: string, delayMs: number) => {
    const qk = queueKey(kind, key);
    const existing = timers.get(qk);
    if (existing) clearTimeout(existing);
    timers.set(
      qk,
      setTimeout(() => {
        timers.delete(qk);
        // eslint-disable-next-line @typescript-eslint/no-use-before-define -- enqueue and schedule call each other
        enqueue(kind, key);
      }, delayMs),
    );
  };

  const enqueue = (kind: ResourceKind, key: string): void => {
    if (abort.signal.aborted) return;
    const qk = queueKey(kind, key);
    if (running.has(qk)) {
      dirty.add(qk);
      return;
    }
    const work = (async () => {
      const [namespace, name] = key.includes('/')
        ? key.split('/', 2)
        : [undefined, key];
      try {
        const object = await kube.get(objectPath(kind, name, namespace));
        if (!object) {
          failures.delete(qk);
          return;
        }
        const result = await reconciler.reconcile(kind, object, ctx);
        failures.delete(qk);
        if (result.requeueAfterMs !== undefined) {
          schedule(kind, key, result.requeueAfterMs);
        } else if (reconciler.resyncPeriodMs) {
          // the real controllers' periodic resync: a synced object is looked at again, so that
          // a table changed or lost in DynamoDB behind the controller's back is noticed
          schedule(kind, key, reconciler.resyncPeriodMs);
        }
      } catch (error) {
        const attempt = (failures.get(qk) ?? 0) + 1;
        failures.set(qk, attempt);
        const delay = Math.min(MIN_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
        ctx.log(
          `reconcile of ${
            kind.kind
          } ${key} failed (attempt ${attempt}, retry in ${delay} ms): ${
            (error as Error).message
          }`,
        );
        schedule(kind, key, delay);
      }
    })().finally(() => {
      running.delete(qk);
      if (dirty.delete(qk)) enqueue(kind, key);
    });
    running.set(qk, work);
  };

  const onObject = (
    kind: ResourceKind,
    type: 'ADDED' | 'MODIFIED' | 'DELETED',
    object: KubeObject,
  ) => {
    const key = keyOf(object);
    const qk = queueKey(kind, key);
    const previous = known.get(qk);
    if (type === 'DELETED') known.delete(qk);
    else known.set(qk, object);
    const wanted = reconciler.shouldReconcile
      ? reconciler.shouldReconcile(type, object, previous)
      : true;
    if (wanted) enqueue(kind, key);
  };

  const watchKind = async (kind: ResourceKind, markSynced: () => void) => {
    let backoff = MIN_RETRY_MS;
    while (!abort.signal.aborted) {
      try {
        const list = await kube.list(collectionPath(kind));
        for (const item of list.items) {
          onObject(
            kind,
            known.has(queueKey(kind, keyOf(item))) ? 'MODIFIED' : 'ADDED',
            {
              ...item,
              apiVersion: `${kind.group}/${kind.version}`,
              kind: kind.kind,
            },
          );
        }
        markSynced();
        let resourceVersion = list.resourceVersion;
        backoff = MIN_RETRY_MS;
        // Watch until the server closes the stream, then continue from the last version seen.
        for (;;) {
          if (abort.signal.aborted) return;
          await kube.watch(
            collectionPath(kind),
            resourceVersion,
            // eslint-disable-next-line no-loop-func -- runs only while this iteration's watch streams
            event => {
              if (event.object.metadata?.resourceVersion) {
                resourceVersion = event.object.metadata.resourceVersion;
              }
              if (event.type === 'BOOKMARK' || event.type === 'ERROR') return;
              onObject(kind, event.type, event.object);
            },
            abort.signal,
          );
        }
      } catch (error) {
        if (abort.signal.aborted) return;
        const gone = error instanceof KubeApiError && error.status === 410;
        ctx.log(
          `watch of ${kind.plural}.${kind.group} ${
            gone
              ? 'expired (410 Gone): relisting'
              : `failed: ${(error as Error).message}`
          }`,
        );
        const delay = gone ? 0 : backoff;
        await new Promise(r => setTimeout(r, delay));
        backoff = Math.min(backoff * 2, MAX_WATCH_BACKOFF_MS);
      }
    }
  };

  const synced = Promise.all(
    reconciler.kinds.map(
      kind =>
        new Promise<void>(resolve => {
          void watchKind(kind, resolve);
        }),
    ),
  ).then(() => undefined);

  return {
    synced,
    async stop() {
      abort.abort();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...running.values()]);
    },
  };
}
