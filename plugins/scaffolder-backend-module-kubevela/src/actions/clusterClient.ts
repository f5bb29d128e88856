import type { LoggerService } from '@backstage/backend-plugin-api';
import { KubeVelaClient } from '@vela-tables/plugin-kubevela-node';
import type { ClusterRegistry } from '@vela-tables/plugin-kubevela-node';

/** A client for the named (or first configured) cluster that logs each retry to the task log. */
export function clusterClient(
  clusters: ClusterRegistry,
  clusterName: string | undefined,
  logger: LoggerService,
): { clusterName: string; client: KubeVelaClient } {
  const cluster = clusters.get(clusterName);
  const client = new KubeVelaClient({
    cluster,
    onRetry: ({ attempt, delayMs }) =>
      logger.warn(
        `cluster ${cluster.config.name} did not answer; retry ${attempt} in ${delayMs} ms`,
      ),
  });
  return { clusterName: cluster.config.name, client };
}
