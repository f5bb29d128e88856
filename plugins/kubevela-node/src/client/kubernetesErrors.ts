import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** What the client was doing when a request failed, for error messages. */
export interface RequestContext {
  /** Kubernetes verb: get, list, watch, patch, delete, create. */
  verb: string;
  /** apiVersion of the object or collection. */
  apiVersion: string;
  /** Kind of the object or collection. */
  kind: string;
  /** Object name, when one object was addressed. */
  name?: string;
  /** Namespace, when namespaced. */
  namespace?: string;
  /** Cluster name from the config. */
  cluster: string;
  /** API server URL. */
  server: string;
}

/** A `metav1.Status` cause. */
export interface StatusCause {
  /** Machine-readable reason, e.g. `FieldValueInvalid` or `FieldManagerConflict`. */
  reason?: string;
  /** Human-readable message. */
  message?: string;
  /** The field path the cause refers to. */
  field?: string;
}

/** The `metav1.Status` body the API server sends with errors. */
export interface KubernetesStatus {
  /** `Failure`. */
  status?: string;
  /** Message. */
  message?: string;
  /** Reason, e.g. `Forbidden`, `Conflict`, `Invalid`. */
  reason?: string;
  /** HTTP code. */
  code?: number;
  /** Details. */
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: StatusCause[];
  };
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorShape {
  name?: string;
  code?: unknown;
  errno?: unknown;
  type?: string;
  body?: unknown;
  message?: string;
  cause?: unknown;
}

/** The HTTP status of an `ApiException` (from `@kubernetes/client-node`), if it is one. */
export function httpStatusOf(error: unknown): number | undefined {
  const e = error as ErrorShape | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'number' && 'body' in e) {
    return e.code;
  }
  return undefined;
}

/** The parsed Status body of an `ApiException`, when it carries one. */
export function statusOf(error: unknown): KubernetesStatus | undefined {
  const body = (error as ErrorShape | undefined)?.body;
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === 'object'
        ? (parsed as KubernetesStatus)
        : undefined;
    } catch {
      return body ? { message: body } : undefined;
    }
  }
  if (body && typeof body === 'object') return body as KubernetesStatus;
  return undefined;
}

/** The network error code (ECONNREFUSED, …) of a failed request, when the failure was below HTTP. */
export function networkErrorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const shape = e as ErrorShape;
    if (typeof shape.code === 'string') return shape.code;
    if (typeof shape.errno === 'string') return shape.errno;
    if (shape.name === 'AbortError' || shape.name === 'TimeoutError')
      return 'ETIMEDOUT';
    e = shape.cause;
  }
  return undefined;
}

/**
 * kube-apiserver answers a server-side apply whose body does not fit the schema's types
 * (`expected list, got …`) with HTTP 500 "failed to create typed patch object": a client mistake.
 */
export function isTypedPatchError(error: unknown): boolean {
  return (
    httpStatusOf(error) === 500 &&
    /failed to create typed patch object/.test(statusOf(error)?.message ?? '')
  );
}

/** Whether a failure is worth retrying: 5xx, 429, connection refused/reset, timeouts. Never other 4xx. */
export function isTransientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (isTypedPatchError(error)) return false;
  if (status !== undefined) return status >= 500 || status === 429;
  const code = networkErrorCode(error);
  if (code !== undefined) return TRANSIENT_CODES.has(code);
  const e = error as ErrorShape | undefined;
  return e?.name === 'FetchError' && e.type === 'system';
}

/** `Application 'orders' in namespace 'team-a'` */
export function describeTarget(
  ctx: Pick<RequestContext, 'kind' | 'name' | 'namespace'>,
): string {
  const what = ctx.name ? `${ctx.kind} '${ctx.name}'` : `${ctx.kind} objects`;
  return ctx.namespace ? `${what} in namespace '${ctx.namespace}'` : what;
}

function onCluster(ctx: RequestContext): string {
  return `on cluster '${ctx.cluster}' (${ctx.server})`;
}

function resourceName(ctx: RequestContext, status?: KubernetesStatus): string {
  const group = ctx.apiVersion.includes('/')
    ? ctx.apiVersion.split('/')[0]
    : '';
  const plural = status?.details?.kind ?? `${ctx.kind.toLowerCase()}s`;
  return group ? `${plural}.${group}` : plural;
}

function causesText(causes: StatusCause[] | undefined): string {
  if (!causes || causes.length === 0) return '';
  return ` Causes: ${causes
    .map(c => [c.field, c.message ?? c.reason].filter(Boolean).join(': '))
    .join('; ')}`;
}

/** The field managers named by SSA conflict causes (`conflict with "kubectl" using …`). */
export function conflictingManagers(
  causes: StatusCause[] | undefined,
): Array<{ manager: string; field?: string }> {
  return (causes ?? [])
    .filter(
      c =>
        c.reason === 'FieldManagerConflict' ||
        /conflict with/.test(c.message ?? ''),
    )
    .map(c => ({
      manager:
        /conflict with "([^"]*)"/.exec(c.message ?? '')?.[1] ??
        c.message ??
        'unknown manager',
      field: c.field,
    }));
}

/**
 * Turns a failure of a Kubernetes request into the matching `@backstage/errors` error, with a
 * message naming the object, the verb and the cluster. `attempts` is how many tries were made.
 */
export function toBackstageError(
  error: unknown,
  ctx: RequestContext,
  attempts = 1,
): Error {
  const status = httpStatusOf(error);
  const body = statusOf(error);
  const serverMessage =
    body?.message ?? (error as Error | undefined)?.message ?? String(error);
  const target = describeTarget(ctx);
  // The server's message is already in every text below, so the client's exception is not
  // chained as the cause: @backstage/errors would append its whole HTTP body and headers.
  if (status === 400 || status === 422 || isTypedPatchError(error)) {
    return new InputError(
      `${ctx.verb} ${target} ${onCluster(
        ctx,
      )} was refused as invalid: ${serverMessage}.${causesText(
        body?.details?.causes,
      )}`,
    );
  }
  if (status === 401) {
    return new AuthenticationError(
      `cluster '${ctx.cluster}' (${ctx.server}) did not accept the portal's credentials while trying to ${ctx.verb} ${target}: ${serverMessage}`,
    );
  }
  if (status === 403) {
    return new NotAllowedError(
      `not allowed to ${ctx.verb} ${resourceName(ctx, body)}${
        ctx.name ? ` '${ctx.name}'` : ''
      } in ${
        ctx.namespace ? `namespace '${ctx.namespace}'` : 'cluster scope'
      } ${onCluster(ctx)}: ${serverMessage}`,
    );
  }
  if (status === 404) {
    return new NotFoundError(
      `${target} was not found ${onCluster(ctx)}: ${serverMessage}`,
    );
  }
  if (status === 409) {
    const managers = conflictingManagers(body?.details?.causes);
    if (managers.length > 0) {
      const list = managers
        .map(m => `"${m.manager}" owns ${m.field ?? 'a field'}`)
        .join('; ');
      return new ConflictError(
        `apply of ${target} ${onCluster(
          ctx,
        )} conflicts with other field managers: ${list}. Apply with force to take ownership, or leave these fields to their manager.`,
      );
    }
    return new ConflictError(
      `${ctx.verb} ${target} ${onCluster(ctx)} conflicted: ${serverMessage}`,
    );
  }
  if (status === 410) {
    return new ConflictError(
      `${ctx.verb} ${target} ${onCluster(
        ctx,
      )}: resource version expired: ${serverMessage}`,
    );
  }
  if (isTransientError(error)) {
    const code =
      status !== undefined
        ? `HTTP ${status}`
        : networkErrorCode(error) ?? 'network error';
    return new ServiceUnavailableError(
      `the Kubernetes API of cluster '${ctx.cluster}' at ${
        ctx.server
      } is unavailable (${code}) while trying to ${
        ctx.verb
      } ${target}, after ${attempts} attempt${
        attempts === 1 ? '' : 's'
      }: ${serverMessage}`,
    );
  }
  if (status !== undefined) {
    return new InputError(
      `${ctx.verb} ${target} ${onCluster(
        ctx,
      )} failed with HTTP ${status}: ${serverMessage}`,
    );
  }
  if (/Unrecognized API version and kind/.test(serverMessage)) {
    return new NotFoundError(
      `cluster '${ctx.cluster}' (${ctx.server}) does not serve ${ctx.apiVersion} ${ctx.kind}: is its CRD installed?`,
    );
  }
  return error instanceof Error ? error : new Error(serverMessage);
}
