import type { Config } from '@backstage/config';
import {
  ENGINES,
  SESSION_API_COMPONENT,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaGitOpsConfig } from './readGitOpsConfig';
import { readGitOpsConfig } from './readGitOpsConfig';

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
  /** Namespaces the portal may use on this cluster; overrides `kubevela.allowedNamespaces`. */
  allowedNamespaces?: string[];
}

/** What the platform offers to the portal's forms and actions. */
export interface KubeVelaOffer {
  /** ComponentDefinition names the actions may apply. */
  componentTypes: string[];
  /** TraitDefinition names the actions may apply. */
  traitTypes: string[];
}

/** The `kubevela` configuration with defaults applied. */
export interface KubeVelaConfig {
  allowedNamespaces: string[];
  tableNamePrefix: string;
  defaultRegion: string;
  /** Regions a table may be placed in; always contains `defaultRegion`. */
  regions: string[];
  offer: KubeVelaOffer;
  aws: KubeVelaAwsConfig;
  clusters: KubeVelaClusterConfig[];
  /** GitOps delivery (`kubevela.gitops`); absent when the platform only applies directly. */
  gitops?: KubeVelaGitOpsConfig;
}

const DEFAULT_REGION = 'us-west-2';

/** Reads `kubevela.*`, falling back to the Kubernetes plugin's config-located clusters. */
export function readKubeVelaConfig(config: Config): KubeVelaConfig {
  const root = config.getOptionalConfig('kubevela');
  const defaultRegion =
    root?.getOptionalString('defaultRegion') ?? DEFAULT_REGION;
  const allowed = root?.getOptionalStringArray('allowedNamespaces') ?? [];
  const regions = root?.getOptionalStringArray('regions') ?? [defaultRegion];
  if (!regions.includes(defaultRegion)) {
    throw new Error(
      `kubevela.defaultRegion '${defaultRegion}' is not one of kubevela.regions (${regions.join(
        ', ',
      )})`,
    );
  }
  return {
    allowedNamespaces: allowed.length > 0 ? allowed : ['default'],
    tableNamePrefix: root?.getOptionalString('tableNamePrefix') ?? '',
    defaultRegion,
    regions,
    offer: readOffer(root?.getOptionalConfig('offer')),
    aws: readAwsConfig(root?.getOptionalConfig('aws'), defaultRegion),
    clusters: root?.has('clusters')
      ? root.getConfigArray('clusters').map(readVelaCluster)
      : readKubernetesPluginClusters(config),
    gitops: readGitOpsConfig(root?.getOptionalConfig('gitops')),
  };
}

/**
 * Every component and trait type the portal knows (all engines' definitions and the session
 * API's web service) unless the platform narrows it with `kubevela.offer`.
 */
function readOffer(offer: Config | undefined): KubeVelaOffer {
  const knownComponents = [
    ...Object.values(ENGINES).map(e => e.componentType),
    SESSION_API_COMPONENT,
  ];
  const knownTraits = [
    ...new Set(
      Object.values(ENGINES).flatMap(e => Object.values(e.traits ?? {})),
    ),
  ];
  return {
    componentTypes:
      offer?.getOptionalStringArray('componentTypes') ?? knownComponents,
    traitTypes: offer?.getOptionalStringArray('traitTypes') ?? knownTraits,
  };
}

/** The namespaces the portal may use on a cluster: its own list, else `kubevela.allowedNamespaces`. */
export function allowedNamespacesOn(
  config: Pick<KubeVelaConfig, 'allowedNamespaces' | 'clusters'>,
  clusterName: string | undefined,
): string[] {
  const cluster = clusterName
    ? config.clusters.find(c => c.name === clusterName)
    : config.clusters[0];
  return cluster?.allowedNamespaces ?? config.allowedNamespaces;
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
    allowedNamespaces: c.getOptionalStringArray('allowedNamespaces'),
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
