import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

type Json = Record<string, unknown>;

/**
 * The single nested blocks of `aws_dynamodb_table`: one-item lists in the cluster-scoped v1beta1
 * schema, objects in v1beta2 (upjet's singleton-list conversion paths, under `spec.forProvider`,
 * `spec.initProvider` and `status.atProvider`). `*` walks every item of a list.
 */
export const SINGLETON_BLOCK_PATHS: readonly string[] = [
  'globalTableWitness',
  'importTable',
  'importTable.inputFormatOptions',
  'importTable.inputFormatOptions.csv',
  'importTable.s3BucketSource',
  'onDemandThroughput',
  'pointInTimeRecovery',
  'serverSideEncryption',
  'ttl',
  'warmThroughput',
  'globalSecondaryIndex.*.onDemandThroughput',
  'globalSecondaryIndex.*.warmThroughput',
];

const ROOTS = [
  ['spec', 'forProvider'],
  ['spec', 'initProvider'],
  ['status', 'atProvider'],
];

/**
 * Converts a cluster-scoped Table between v1beta1 and v1beta2, as the provider's conversion
 * webhook does: a one-item list becomes its item (an empty list is dropped) and an object becomes
 * a one-item list; everything else is copied. Returns a new object with the desired apiVersion.
 */
export function convertTable(
  object: KubeObject,
  desiredApiVersion: string,
): KubeObject {
  const to = desiredApiVersion.split('/')[1];
  const from = object.apiVersion.split('/')[1];
  const out = structuredClone(object);
  out.apiVersion = desiredApiVersion;
  if (from === to) return out;
  const toObjects = to === 'v1beta2';
  // lists open from the outside in; objects close from the inside out
  const paths = toObjects
    ? SINGLETON_BLOCK_PATHS
    : [...SINGLETON_BLOCK_PATHS].sort((a, b) => depth(b) - depth(a));
  for (const root of ROOTS) {
    const base = at(out as Json, root);
    if (!base) continue;
    for (const path of paths) {
      forEachParent(base, path.split('.'), (parent, key) => {
        const value = parent[key];
        if (toObjects && Array.isArray(value)) {
          if (value.length) parent[key] = value[0];
          else delete parent[key];
        } else if (
          !toObjects &&
          value &&
          typeof value === 'object' &&
          !Array.isArray(value)
        ) {
          parent[key] = [value];
        }
      });
    }
  }
  return out;
}

function depth(path: string): number {
  return path.split('.').length;
}

function at(object: Json, path: string[]): Json | undefined {
  let cur: unknown = object;
  for (const p of path) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Json)[p];
  }
  return cur && typeof cur === 'object' && !Array.isArray(cur)
    ? (cur as Json)
    : undefined;
}

/** Calls `fn` with the object holding the last segment, for every match of the path. */
function forEachParent(
  node: unknown,
  segments: string[],
  fn: (parent: Json, key: string) => void,
): void {
  if (!node || typeof node !== 'object') return;
  const [head, ...rest] = segments;
  if (head === '*') {
    if (Array.isArray(node))
      for (const item of node) forEachParent(item, rest, fn);
    return;
  }
  // a block met on the way is walked in whichever shape it has at this point
  const holder = Array.isArray(node) ? node[0] : node;
  if (!holder || typeof holder !== 'object') return;
  if (!rest.length) {
    if (head in (holder as Json)) fn(holder as Json, head);
    return;
  }
  forEachParent((holder as Json)[head], rest, fn);
}
