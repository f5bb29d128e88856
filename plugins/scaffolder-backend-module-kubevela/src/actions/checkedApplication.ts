import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterRegistry,
  KubeObject,
  KubeVelaClient,
} from '@vela-tables/plugin-kubevela-node';
import {
  assertNamespaceAllowed,
  assertTypesOffered,
} from './applicationSafety';
import type { SafetySettings } from './applicationSafety';
import { clusterClient } from './clusterClient';
import { loadApplication } from './loadApplication';
import type { ApplicationSource } from './loadApplication';

/**
 * The Application an action was given and a client for the cluster it goes to, once its
 * namespace is allowed on that cluster and its component and trait types are offered: the
 * checks every action that sends a given Application to a cluster makes before calling it.
 */
export async function checkedApplication(
  ctx: {
    input: ApplicationSource & { cluster?: string };
    workspacePath: string;
    logger: LoggerService;
  },
  options: { clusters: ClusterRegistry; settings: SafetySettings },
): Promise<{
  application: KubeObject;
  namespace: string;
  clusterName: string;
  client: KubeVelaClient;
}> {
  const { input } = ctx;
  const { settings } = options;
  const application = await loadApplication(input, ctx.workspacePath);
  // loadApplication refuses an Application without a namespace.
  const namespace = application.metadata.namespace!;
  const { clusterName, client } = clusterClient(
    options.clusters,
    input.cluster,
    ctx.logger,
  );
  assertNamespaceAllowed(settings, clusterName, namespace);
  assertTypesOffered(settings, application);
  return { application, namespace, clusterName, client };
}
