import {
  KubernetesObjectApi,
  PatchStrategy,
  ServerConfiguration,
  Watch,
  createConfiguration,
} from '@kubernetes/client-node';
import type {
  KubeConfig,
  KubernetesObject,
  RequestContext as HttpRequestContext,
} from '@kubernetes/client-node';
import { CustomErrorBase } from '@backstage/errors';
import type { KubeVelaCluster } from '../cluster/ClusterRegistry';
import { backoffDelay, sleep } from './backoff';
import { isTransientError, toBackstageError } from './kubernetesErrors';
import type { RequestContext } from './kubernetesErrors';
import type {
  BackoffOptions,
  KubeObject,
  ListQuery,
  ObjectRef,
  RetryOptions,
} from './types';

/** The field manager every apply of the portal uses. */
export const FIELD_MANAGER = 'backstage-kubevela';

/** Default retry policy for transient failures: 3 retries, 200 ms doubling up to 2 s. */
export const DEFAULT_RETRY: RetryOptions = {
  retries: 3,
  initialDelayMs: 200,
  factor: 2,
  maxDelayMs: 2000,
};

/** Options of {@link KubeVelaClient}. */
export interface KubeVelaClientOptions {
  /** The cluster to talk to (from {@link ClusterRegistry.get}). */
  cluster: Pick<KubeVelaCluster, 'kubeConfig' | 'server'> & {
    config: { name: string };
  };
  /** Retry policy for transient failures. */
  retry?: Partial<RetryOptions>;
  /** Timeout of one HTTP request in milliseconds (default 30 s). */
  requestTimeoutMs?: number;
  /** Called before each retry, e.g. for logging. */
  onRetry?: (info: {
    attempt: number;
    delayMs: number;
    error: unknown;
    context: RequestContext;
  }) => void;
}

/** Options of {@link KubeVelaClient.apply}. */
export interface ApplyOptions {
  /** Take ownership of fields another field manager owns (default false). */
  force?: boolean;
  /** Server-side dry run (`dryRun=All`): validated and defaulted, not stored. */
  dryRun?: boolean;
  /** Field manager (default `backstage-kubevela`). */
  fieldManager?: string;
}

/** Options of {@link KubeVelaClient.delete}. */
export interface DeleteOptions {
  /** How dependents are deleted (default Background). */
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  /** Server-side dry run (`dryRun=All`): admission runs, nothing is deleted. */
  dryRun?: boolean;
}

/** Options of {@link KubeVelaClient.mergePatch}. */
export interface MergePatchOptions {
  /** Server-side dry run (`dryRun=All`): validated, not stored. */
  dryRun?: boolean;
  /** Field manager (default `backstage-kubevela`). */
  fieldManager?: string;
}

/** Options of {@link KubeVelaClient.waitFor}. */
export interface WaitForOptions extends Partial<BackoffOptions> {
  /** What is waited for, in the user's words, for the timeout message (e.g. `the Application to be running`). */
  description: string;
  /** Overall timeout in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Stops waiting early. */
  signal?: AbortSignal;
}

/** One watch event. */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  /** ADDED, MODIFIED, DELETED or BOOKMARK. */
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  /** The object. */
  object: T;
}

/** A running watch. */
export interface WatchHandle {
  /** Stops the watch. */
  stop(): void;
  /** Settles when the watch ends: resolves on stop or a server-side close, rejects on an error. */
  done: Promise<void>;
}

/** Thrown by {@link KubeVelaClient.waitFor} when the condition did not hold in time. */
export class WaitForTimeoutError extends CustomErrorBase {
  name = 'WaitForTimeoutError' as const;
  /** The object as last read (undefined when it did not exist). */
  readonly lastObject: KubeObject | undefined;

  constructor(
    message: string,
    lastObject: KubeObject | undefined,
    cause?: unknown,
  ) {
    super(message, cause);
    this.lastObject = lastObject;
  }
}

// Exposes the discovery-based path building of KubernetesObjectApi for watch URLs.
class DiscoveringObjectApi extends KubernetesObjectApi {
  async collectionPath(
    apiVersion: string,
    kind: string,
    namespace?: string,
  ): Promise<string> {
    const resource = await this.resource(apiVersion, kind);
    if (!resource) {
      throw new Error(
        `Unrecognized API version and kind: ${apiVersion} ${kind}`,
      );
    }
    const parts = [this.apiVersionPath(apiVersion)];
    if (resource.namespaced && namespace)
      parts.push('namespaces', encodeURIComponent(namespace));
    parts.push(resource.name);
    return parts.join('/');
  }
}

function makeObjectApi(
  kc: KubeConfig,
  server: string,
  requestTimeoutMs: number,
): DiscoveringObjectApi {
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration<{}>(server, {}),
    authMethods: { default: kc },
    promiseMiddleware: [
      {
        pre: async (ctx: HttpRequestContext) => {
          if (!ctx.getSignal())
            ctx.setSignal(AbortSignal.timeout(requestTimeoutMs));
          return ctx;
        },
        post: async response => response,
      },
    ],
  });
  return new DiscoveringObjectApi(configuration);
}

function refOf(obj: KubeObject | ObjectRef): ObjectRef {
  if ('metadata' in obj) {
    return {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
    };
  }
  return obj;
}

// KubernetesObjectApi deserialises known kinds into classes with Date fields; a JSON round
// trip gives back the plain API shape (RFC 3339 strings) whatever the kind.
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Client for KubeVela Applications and the engine resources they render, on one cluster:
 * server-side apply, get, list, watch, delete and waitFor, with failures mapped to
 * `@backstage/errors` and transient failures retried with bounded backoff.
 */
export class KubeVelaClient {
  /** Cluster name, as configured. */
  readonly clusterName: string;
  /** API server URL. */
  readonly server: string;
  private readonly kubeConfig: KubeConfig;
  private readonly api: DiscoveringObjectApi;
  private readonly retry: RetryOptions;
  private readonly onRetry?: KubeVelaClientOptions['onRetry'];

  constructor(options: KubeVelaClientOptions) {
    this.clusterName = options.cluster.config.name;
    this.server = options.cluster.server;
    this.kubeConfig = options.cluster.kubeConfig;
    this.api = makeObjectApi(
      this.kubeConfig,
      this.server,
      options.requestTimeoutMs ?? 30_000,
    );
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.onRetry = options.onRetry;
  }

  /**
   * Server-side apply (`application/apply-patch+yaml`, field manager `backstage-kubevela`).
   * Idempotent: applying the same object again changes nothing, not even the resourceVersion.
   */
  async apply<T extends KubeObject>(
    object: T,
    options: ApplyOptions = {},
  ): Promise<T> {
    const body = { ...object, metadata: { ...object.metadata } } as KubeObject;
    delete body.metadata.resourceVersion;
    delete body.metadata.managedFields;
    const result = await this.call('patch', refOf(object), () =>
      this.api.patch(
        body as KubernetesObject,
        undefined,
        options.dryRun ? 'All' : undefined,
        options.fieldManager ?? FIELD_MANAGER,
        options.force ?? false,
        PatchStrategy.ServerSideApply,
      ),
    );
    return plain<T>(result);
  }

  /**
   * JSON merge patch (RFC 7386) of one object, e.g. to set one annotation or field that the
   * object's owner does not manage. NotFoundError when the object does not exist.
   */
  async mergePatch<T extends KubeObject = KubeObject>(
    ref: ObjectRef,
    patch: Record<string, unknown>,
    options: MergePatchOptions = {},
  ): Promise<T> {
    const patchMetadata = (patch.metadata ?? {}) as Record<string, unknown>;
    const body = {
      ...patch,
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: { ...patchMetadata, name: ref.name, namespace: ref.namespace },
    };
    const result = await this.call('patch', ref, () =>
      this.api.patch(
        body as KubernetesObject,
        undefined,
        options.dryRun ? 'All' : undefined,
        options.fieldManager ?? FIELD_MANAGER,
        undefined,
        PatchStrategy.MergePatch,
      ),
    );
    return plain<T>(result);
  }

  /** Reads one object; NotFoundError when it does not exist. */
  async get<T extends KubeObject = KubeObject>(ref: ObjectRef): Promise<T> {
    const result = await this.call('get', ref, () =>
      this.api.read({
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name: ref.name, namespace: ref.namespace },
      }),
    );
    return plain<T>(result);
  }

  /** Reads one object; undefined when it does not exist. */
  async tryGet<T extends KubeObject = KubeObject>(
    ref: ObjectRef,
  ): Promise<T | undefined> {
    try {
      return await this.get<T>(ref);
    } catch (e) {
      if ((e as Error).name === 'NotFoundError') return undefined;
      throw e;
    }
  }

  /** Lists objects of one kind, optionally in one namespace and by label selector. */
  async list<T extends KubeObject = KubeObject>(
    query: ListQuery,
  ): Promise<T[]> {
    const result = await this.call('list', query, () =>
      this.api.list(
        query.apiVersion,
        query.kind,
        query.namespace,
        undefined,
        undefined,
        undefined,
        query.fieldSelector,
        query.labelSelector,
      ),
    );
    const items = plain<{ items?: T[] }>(result).items ?? [];
    // List items come without apiVersion/kind; put them back so they can be re-applied or read.
    return items.map(item => ({
      ...item,
      apiVersion: query.apiVersion,
      kind: query.kind,
    }));
  }

  /**
   * Deletes an object (propagation Background unless told otherwise). Idempotent: an object
   * that is already gone counts as deleted. Returns whether this call found the object.
   */
  async delete(
    ref: ObjectRef,
    options: DeleteOptions = {},
  ): Promise<{ found: boolean }> {
    try {
      await this.call('delete', ref, () =>
        this.api.delete(
          {
            apiVersion: ref.apiVersion,
            kind: ref.kind,
            metadata: { name: ref.name, namespace: ref.namespace },
          },
          undefined,
          options.dryRun ? 'All' : undefined,
          undefined,
          undefined,
          options.propagationPolicy ?? 'Background',
        ),
      );
      return { found: true };
    } catch (e) {
      if ((e as Error).name === 'NotFoundError') return { found: false };
      throw e;
    }
  }

  /**
   * Watches objects of one kind; `onEvent` gets every event until `stop()` or the signal aborts.
   * Kubernetes ends watches after a few minutes: `done` then resolves and callers re-list.
   */
  async watch<T extends KubeObject = KubeObject>(
    query: ListQuery & { resourceVersion?: string },
    onEvent: (event: WatchEvent<T>) => void,
    options: { signal?: AbortSignal } = {},
  ): Promise<WatchHandle> {
    const ctx = this.context('watch', query);
    let path: string;
    try {
      path = await this.api.collectionPath(
        query.apiVersion,
        query.kind,
        query.namespace,
      );
    } catch (e) {
      throw toBackstageError(e, ctx);
    }
    let settle: { resolve: () => void; reject: (e: Error) => void } | undefined;
    const done = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    let stopped = false;
    const watcher = new Watch(this.kubeConfig);
    let controller: AbortController;
    try {
      controller = await watcher.watch(
        path,
        {
          labelSelector: query.labelSelector,
          fieldSelector: query.fieldSelector,
          resourceVersion: query.resourceVersion,
          allowWatchBookmarks: true,
        },
        (type: string, object: unknown) => {
          if (!stopped)
            onEvent({ type: type as WatchEvent['type'], object: object as T });
        },
        (err: unknown) => {
          if (stopped || !err || (err as Error).name === 'AbortError')
            settle?.resolve();
          else settle?.reject(toBackstageError(err, ctx));
        },
      );
    } catch (e) {
      throw toBackstageError(e, ctx);
    }
    const stop = () => {
      if (stopped) return;
      stopped = true;
      controller.abort();
      settle?.resolve();
    };
    if (options.signal) {
      if (options.signal.aborted) stop();
      else options.signal.addEventListener('abort', stop, { once: true });
    }
    return { stop, done };
  }

  /**
   * Polls an object with bounded exponential backoff until `predicate` holds (it also sees
   * `undefined` while the object does not exist, so it can wait for deletion). Returns the last
   * object read; WaitForTimeoutError names the object, the cluster and what was waited for.
   */
  async waitFor<T extends KubeObject = KubeObject>(
    ref: ObjectRef,
    predicate: (object: T | undefined) => boolean,
    options: WaitForOptions,
  ): Promise<T | undefined> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const backoff: BackoffOptions = {
      initialDelayMs: options.initialDelayMs ?? 250,
      factor: options.factor ?? 1.5,
      maxDelayMs: options.maxDelayMs ?? 5000,
    };
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    for (let attempt = 0; ; attempt++) {
      try {
        last = await this.tryGet<T>(ref);
        lastError = undefined;
        if (predicate(last)) return last;
      } catch (e) {
        // Transient failures were already retried; keep waiting on them, give up on the rest.
        if ((e as Error).name !== 'ServiceUnavailableError') throw e;
        lastError = e;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new WaitForTimeoutError(
          `timed out after ${timeoutMs} ms waiting for ${
            options.description
          }: ${ref.kind} '${ref.name}'${
            ref.namespace ? ` in namespace '${ref.namespace}'` : ''
          } on cluster '${this.clusterName}' (${this.server}) ${
            last
              ? `was last seen at resourceVersion ${last.metadata.resourceVersion}`
              : 'was not found'
          }`,
          last,
          lastError,
        );
      }
      await sleep(
        Math.min(backoffDelay(attempt, backoff), remaining),
        options.signal,
      );
    }
  }

  private context(verb: string, target: ObjectRef | ListQuery): RequestContext {
    return {
      verb,
      apiVersion: target.apiVersion,
      kind: target.kind,
      name: 'name' in target ? target.name : undefined,
      namespace: target.namespace,
      cluster: this.clusterName,
      server: this.server,
    };
  }

  private async call<R>(
    verb: string,
    target: ObjectRef | ListQuery,
    fn: () => Promise<R>,
  ): Promise<R> {
    const ctx = this.context(verb, target);
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        const retryable = isTransientError(e) && attempt < this.retry.retries;
        if (!retryable) throw toBackstageError(e, ctx, attempt + 1);
        const delayMs = backoffDelay(attempt, this.retry);
        this.onRetry?.({
          attempt: attempt + 1,
          delayMs,
          error: e,
          context: ctx,
        });
        await sleep(delayMs);
      }
    }
  }
}
