import type { Config } from '@backstage/config';

/** Settings for DynamoDB calls made by the status reader. */
export interface KubeVelaAwsConfig {
  endpoint?: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** One cluster that runs KubeVela, as the plugins connect to it. */
export interface KubeVelaClusterConfig {
  name: string;
  url?: string;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  kubeconfigPath?: string;
  kubeconfigContext?: string;
}

/** The `kubevela` configuration with defaults applied. */
export interface KubeVelaConfig {
  allowedNamespaces: string[];
  tableNamePrefix: string;
  defaultRegion: string;
  aws: KubeVelaAwsConfig;
  clusters: KubeVelaClusterConfig[];
}

const DEFAULT_REGION = 'us-west-2';

/** Reads `kubevela.*`, falling back to the Kubernetes plugin's config-located clusters. */
export function readKubeVelaConfig(config: Config): KubeVelaConfig {
  const root = config.getOptionalConfig('kubevela');
  const defaultRegion =
    root?.getOptionalString('defaultRegion') ?? DEFAULT_REGION;
  const allowed = root?.getOptionalStringArray('allowedNamespaces') ?? [];
  return {
    allowedNamespaces: allowed.length > 0 ? allowed : ['default'],
    tableNamePrefix: root?.getOptionalString('tableNamePrefix') ?? '',
    defaultRegion,
    aws: readAwsConfig(root?.getOptionalConfig('aws'), defaultRegion),
    clusters: root?.has('clusters')
      ? root.getConfigArray('clusters').map(readVelaCluster)
      : readKubernetesPluginClusters(config),
  };
}

function readAwsConfig(
  aws: Config | undefined,
  defaultRegion: string,
): KubeVelaAwsConfig {
  const accessKeyId = aws?.getOptionalString('accessKeyId');
  const secretAccessKey = aws?.getOptionalString('secretAccessKey');
  return {
    endpoint: aws?.getOptionalString('endpoint'),
    region: aws?.getOptionalString('region') ?? defaultRegion,
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey }
        : undefined,
  };
}

function readVelaCluster(c: Config): KubeVelaClusterConfig {
  return {
    name: c.getString('name'),
    url: c.getOptionalString('url'),
    serviceAccountToken: c.getOptionalString('serviceAccountToken'),
    caData: c.getOptionalString('caData'),
    caFile: c.getOptionalString('caFile'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    kubeconfigPath: c.getOptionalString('kubeconfigPath'),
    kubeconfigContext: c.getOptionalString('kubeconfigContext'),
  };
}

// The Kubernetes plugin's `clusterLocatorMethods` entries of type `config` carry the same
// connection facts; reusing them means a portal that already shows pods needs no new config.
function readKubernetesPluginClusters(config: Config): KubeVelaClusterConfig[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .map(c => ({
      name: c.getString('name'),
      url: c.getString('url'),
      serviceAccountToken: c.getOptionalString('serviceAccountToken'),
      caData: c.getOptionalString('caData'),
      caFile: c.getOptionalString('caFile'),
      skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    }));
}
