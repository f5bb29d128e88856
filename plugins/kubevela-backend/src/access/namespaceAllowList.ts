import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';

/**
 * The namespaces the platform lets the portal serve (`kubevela.allowedNamespaces`), or
 * undefined when none are configured. An entity's annotations are written by whoever registers
 * the entity; this list, not the annotation, decides which namespaces the portal reads for them.
 */
export function readNamespaceAllowList(config: Config): string[] | undefined {
  const list = config.getOptionalStringArray('kubevela.allowedNamespaces');
  return list && list.length > 0 ? list : undefined;
}

/**
 * Refuses a namespace outside the allow-list with NotAllowedError naming the namespace, the
 * cluster and the namespaces that are allowed. Without an allow-list every namespace passes:
 * the portal's RBAC on the cluster is then the only limit.
 */
export function assertNamespaceAllowed(
  allowList: readonly string[] | undefined,
  target: { namespace: string; cluster: string; entityRef: string },
): void {
  if (!allowList || allowList.includes(target.namespace)) return;
  throw new NotAllowedError(
    `entity '${target.entityRef}' points at namespace '${
      target.namespace
    }' on cluster '${
      target.cluster
    }', which is not one of the namespaces the platform allows (kubevela.allowedNamespaces: ${allowList.join(
      ', ',
    )})`,
  );
}
