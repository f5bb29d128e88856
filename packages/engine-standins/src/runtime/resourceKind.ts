import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** A custom resource kind a stand-in reconciles. */
export interface ResourceKind {
  group: string;
  version: string;
  /** Plural resource name, e.g. `tables`. */
  plural: string;
  kind: string;
  namespaced: boolean;
}

/** `group/version` of a kind. */
export function apiVersionOf(kind: ResourceKind): string {
  return `${kind.group}/${kind.version}`;
}

/** The collection path across all namespaces (or the cluster scope). */
export function collectionPath(kind: ResourceKind): string {
  return `/apis/${kind.group}/${kind.version}/${kind.plural}`;
}

/** The path of one object. */
export function objectPath(
  kind: ResourceKind,
  name: string,
  namespace?: string,
): string {
  const ns =
    kind.namespaced && namespace
      ? `/namespaces/${encodeURIComponent(namespace)}`
      : '';
  return `/apis/${kind.group}/${kind.version}${ns}/${
    kind.plural
  }/${encodeURIComponent(name)}`;
}

/** The path of an object read from the API server. */
export function pathOf(kind: ResourceKind, object: KubeObject): string {
  return objectPath(kind, object.metadata.name, object.metadata.namespace);
}

/** `namespace/name` (or `name` when cluster-scoped): the work-queue key of an object. */
export function keyOf(object: Pick<KubeObject, 'metadata'>): string {
  return object.metadata.namespace
    ? `${object.metadata.namespace}/${object.metadata.name}`
    : object.metadata.name;
}
