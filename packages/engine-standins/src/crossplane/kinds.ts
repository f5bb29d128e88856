import type {
  CrossplaneBlockShape,
  KubeObject,
} from '@vela-tables/plugin-kubevela-node';
import type { ResourceKind } from '../runtime/resourceKind';

/**
 * The cluster-scoped Table, watched at v1beta1: the version our manifests write. The API server
 * keeps one stored object per Table whichever version wrote it, so this one watch sees every
 * cluster-scoped Table, v1beta2 ones included ({@link homeKind} then reads those at v1beta2).
 */
export const CLUSTER_TABLE_V1BETA1: ResourceKind = {
  group: 'dynamodb.aws.upbound.io',
  version: 'v1beta1',
  plural: 'tables',
  kind: 'Table',
  namespaced: false,
};

/** The cluster-scoped Table at its storage version, v1beta2 (single blocks as objects). */
export const CLUSTER_TABLE_V1BETA2: ResourceKind = {
  ...CLUSTER_TABLE_V1BETA1,
  version: 'v1beta2',
};

/** The namespaced Table of Crossplane v2 (one version, single blocks as objects). */
export const NAMESPACED_TABLE_V1BETA1: ResourceKind = {
  group: 'dynamodb.aws.m.upbound.io',
  version: 'v1beta1',
  plural: 'tables',
  kind: 'Table',
  namespaced: true,
};

/** The kinds the stand-in watches. */
export const WATCHED_KINDS: ResourceKind[] = [
  CLUSTER_TABLE_V1BETA1,
  NAMESPACED_TABLE_V1BETA1,
];

/** How single nested blocks are written in a version: one-item lists only in cluster v1beta1. */
export function blockShapeOf(kind: ResourceKind): CrossplaneBlockShape {
  return kind.group === CLUSTER_TABLE_V1BETA1.group &&
    kind.version === 'v1beta1'
    ? 'list'
    : 'object';
}

interface ManagedFieldsEntry {
  manager?: string;
  apiVersion?: string;
  time?: string;
  fieldsV1?: Record<string, unknown>;
}

/**
 * The version a cluster-scoped Table is read and written at: the one its author used for
 * `spec.forProvider.region` (which every Table sets and no controller writes), as recorded in
 * `metadata.managedFields`. This platform's CRD has no conversion webhook (the provider serves it
 * on a real cluster), and the API server prunes a block written as an object when it is read
 * through v1beta1 (and a one-item list read through v1beta2), so reading or writing a Table
 * through the other version would lose its blocks.
 */
export function homeKind(
  watched: ResourceKind,
  object: KubeObject,
): ResourceKind {
  if (watched.group !== CLUSTER_TABLE_V1BETA1.group) return watched;
  const entries = ((object.metadata as { managedFields?: ManagedFieldsEntry[] })
    .managedFields ?? []) as ManagedFieldsEntry[];
  const authors = entries
    .filter(e => ownsRegion(e.fieldsV1))
    .sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''));
  const version = authors[0]?.apiVersion?.split('/')[1];
  if (version === CLUSTER_TABLE_V1BETA2.version) return CLUSTER_TABLE_V1BETA2;
  return CLUSTER_TABLE_V1BETA1;
}

function ownsRegion(fields: Record<string, unknown> | undefined): boolean {
  const spec = fields?.['f:spec'] as Record<string, unknown> | undefined;
  const forProvider = spec?.['f:forProvider'] as
    | Record<string, unknown>
    | undefined;
  return !!forProvider && 'f:region' in forProvider;
}
