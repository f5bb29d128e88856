import { readFileSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { InputError } from '@backstage/errors';
import type { KubeVelaClusterConfig } from '../config/readKubeVelaConfig';

/** A `@kubernetes/client-node` KubeConfig for one configured cluster (url + token, or a kubeconfig file). */
export function buildKubeConfig(cluster: KubeVelaClusterConfig): KubeConfig {
  const kc = new KubeConfig();
  if (cluster.url) {
    const caData =
      cluster.caData ?? (cluster.caFile ? readCaFile(cluster) : undefined);
    kc.loadFromOptions({
      clusters: [
        {
          name: cluster.name,
          server: cluster.url,
          caData,
          skipTLSVerify: cluster.skipTLSVerify,
        },
      ],
      users: [
        {
          name: `${cluster.name}-user`,
          token: cluster.serviceAccountToken,
        },
      ],
      contexts: [
        {
          name: cluster.name,
          cluster: cluster.name,
          user: `${cluster.name}-user`,
        },
      ],
      currentContext: cluster.name,
    });
    return kc;
  }
  if (cluster.kubeconfigPath) {
    try {
      kc.loadFromFile(cluster.kubeconfigPath);
    } catch (e) {
      throw new InputError(
        `cluster '${cluster.name}': could not read kubeconfig ${
          cluster.kubeconfigPath
        }: ${(e as Error).message}`,
      );
    }
    if (cluster.kubeconfigContext) {
      if (!kc.getContextObject(cluster.kubeconfigContext)) {
        throw new InputError(
          `cluster '${cluster.name}': kubeconfig ${
            cluster.kubeconfigPath
          } has no context '${cluster.kubeconfigContext}' (it has ${
            kc
              .getContexts()
              .map(c => `'${c.name}'`)
              .join(', ') || 'none'
          })`,
        );
      }
      kc.setCurrentContext(cluster.kubeconfigContext);
    }
    if (!kc.getCurrentCluster()) {
      throw new InputError(
        `cluster '${cluster.name}': kubeconfig ${cluster.kubeconfigPath} has no current cluster`,
      );
    }
    return kc;
  }
  throw new InputError(
    `cluster '${cluster.name}' has neither a url nor a kubeconfigPath: set kubevela.clusters[].url (with serviceAccountToken) or kubeconfigPath`,
  );
}

/** The API server URL a KubeConfig talks to (for error messages). */
export function serverOf(kc: KubeConfig): string {
  return kc.getCurrentCluster()?.server ?? '<unknown server>';
}

function readCaFile(cluster: KubeVelaClusterConfig): string {
  try {
    // KubeConfig wants base64 PEM in caData.
    return readFileSync(cluster.caFile as string).toString('base64');
  } catch (e) {
    throw new InputError(
      `cluster '${cluster.name}': could not read caFile ${cluster.caFile}: ${
        (e as Error).message
      }`,
    );
  }
}
