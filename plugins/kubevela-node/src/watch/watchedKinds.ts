import { ENGINES, ENGINE_IDS } from '@vela-tables/plugin-kubevela-common';

/** A resource kind the watches follow. */
export interface WatchedKind {
  /** apiVersion, e.g. `core.oam.dev/v1beta1`. */
  readonly apiVersion: string;
  /** Kind, e.g. `Application`. */
  readonly kind: string;
  /** Plural used in API paths. */
  readonly plural: string;
  /** Whether objects of the kind live in namespaces. */
  readonly scope: 'Cluster' | 'Namespaced';
}

/** KubeVela's Application. */
export const APPLICATION_KIND: WatchedKind = {
  apiVersion: 'core.oam.dev/v1beta1',
  kind: 'Application',
  plural: 'applications',
  scope: 'Namespaced',
};

/** `apiVersion|kind`, the key of a kind in maps. */
export function kindKey(kind: { apiVersion: string; kind: string }): string {
  return `${kind.apiVersion}|${kind.kind}`;
}

/**
 * Applications and every engine's resource kinds (ACK Table, Crossplane Table in both groups,
 * KRO DynamoDBTable and SimpleDynamoDB, Kratix DynamoDBRequest), once each, from the engine
 * catalogue: a new engine's kinds are watched without a change here.
 */
export function watchedKinds(): WatchedKind[] {
  const kinds = new Map<string, WatchedKind>([
    [kindKey(APPLICATION_KIND), APPLICATION_KIND],
  ]);
  for (const id of ENGINE_IDS) {
    for (const r of ENGINES[id].resources) {
      if (!kinds.has(kindKey(r))) {
        kinds.set(kindKey(r), {
          apiVersion: r.apiVersion,
          kind: r.kind,
          plural: r.plural,
          scope: r.scope,
        });
      }
    }
  }
  return [...kinds.values()];
}

/** The cluster-wide collection path of a kind, e.g. `/apis/core.oam.dev/v1beta1/applications`. */
export function collectionPath(kind: WatchedKind): string {
  const prefix = kind.apiVersion.includes('/') ? '/apis' : '/api';
  return `${prefix}/${kind.apiVersion}/${kind.plural}`;
}
