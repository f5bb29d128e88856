import { NotAllowedError } from '@backstage/errors';
import { allowedNamespacesOn } from '@vela-tables/plugin-kubevela-node';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';

/** The settings that decide the namespaces of each cluster. */
export type NamespaceSettings = Pick<
  KubeVelaConfig,
  'allowedNamespaces' | 'clusters'
>;

/**
 * Refuses a namespace outside the cluster's allow-list with NotAllowedError naming the
 * namespace, the cluster and the namespaces that are allowed there. The list is the one rule
 * every part of the portal uses (`allowedNamespacesOn`): the cluster's own
 * `allowedNamespaces`, else `kubevela.allowedNamespaces`, which defaults to `default` when it
 * is missing or empty. An entity's annotations are written by whoever registers the entity;
 * this list, not the annotation, decides which namespaces the portal reads for them.
 */
export function assertNamespaceAllowed(
  settings: NamespaceSettings,
  target: { namespace: string; cluster: string; entityRef: string },
): void {
  const allowList = allowedNamespacesOn(settings, target.cluster);
  if (allowList.includes(target.namespace)) return;
  const own = settings.clusters.find(c => c.name === target.cluster)
    ?.allowedNamespaces
    ? `kubevela.clusters[${target.cluster}].allowedNamespaces`
    : 'kubevela.allowedNamespaces';
  throw new NotAllowedError(
    `entity '${target.entityRef}' points at namespace '${
      target.namespace
    }' on cluster '${
      target.cluster
    }', which is not one of the namespaces the platform allows (${own}: ${
      allowList.join(', ') || 'none'
    })`,
  );
}
