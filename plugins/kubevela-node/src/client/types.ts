/** Object metadata as the API server returns it (timestamps are RFC 3339 strings). */
export interface KubeObjectMeta {
  /** Object name. */
  name: string;
  /** Namespace (absent for cluster-scoped objects). */
  namespace?: string;
  /** Labels. */
  labels?: Record<string, string>;
  /** Annotations. */
  annotations?: Record<string, string>;
  /** Opaque version, changes on every write. */
  resourceVersion?: string;
  /** Spec generation. */
  generation?: number;
  /** Unique id. */
  uid?: string;
  /** Creation time. */
  creationTimestamp?: string;
  /** Set once deletion was requested. */
  deletionTimestamp?: string;
  /** Finalizers that hold deletion. */
  finalizers?: string[];
  /** Owners of the object. */
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
  }>;
  /** Server-side apply ownership. */
  managedFields?: Array<{
    manager?: string;
    operation?: string;
    fieldsV1?: unknown;
  }>;
}

/** Any Kubernetes object read or written through the client. */
export interface KubeObject {
  /** apiVersion, e.g. `core.oam.dev/v1beta1`. */
  apiVersion: string;
  /** Kind, e.g. `Application`. */
  kind: string;
  /** Metadata. */
  metadata: KubeObjectMeta;
  /** Other top-level fields (spec, status, data, …). */
  [field: string]: unknown;
}

/** Points at one object. */
export interface ObjectRef {
  /** apiVersion of the object. */
  apiVersion: string;
  /** Kind of the object. */
  kind: string;
  /** Name. */
  name: string;
  /** Namespace (leave out for cluster-scoped kinds). */
  namespace?: string;
}

/** Selects a collection of objects of one kind. */
export interface ListQuery {
  /** apiVersion of the objects. */
  apiVersion: string;
  /** Kind of the objects. */
  kind: string;
  /** Namespace; all namespaces (or cluster scope) when left out. */
  namespace?: string;
  /** Label selector, e.g. `app.oam.dev/name=orders`. */
  labelSelector?: string;
  /** Field selector, e.g. `metadata.name=orders`. */
  fieldSelector?: string;
}

/** Bounded exponential backoff. */
export interface BackoffOptions {
  /** First delay in milliseconds. */
  initialDelayMs: number;
  /** Multiplier applied after each attempt. */
  factor: number;
  /** Upper bound of one delay in milliseconds. */
  maxDelayMs: number;
}

/** How transient failures (5xx, connection refused/reset, timeouts) are retried; 4xx never are. */
export interface RetryOptions extends BackoffOptions {
  /** Retries after the first attempt (default 3). */
  retries: number;
}
