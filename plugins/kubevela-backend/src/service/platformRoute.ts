import type {
  HttpAuthService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import { ENGINE_IDS, ENGINES } from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import {
  allowedNamespacesOn,
  readKubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import Router from 'express-promise-router';

/**
 * What the platform offers to self-service forms, from its configuration: the same settings the
 * scaffolder actions enforce, so a form cannot offer what an action would refuse.
 */
export function platformOfferOf(settings: KubeVelaConfig): PlatformOffer {
  const offered = settings.offer.componentTypes;
  return {
    clusters: settings.clusters.map(cluster => ({
      name: cluster.name,
      allowedNamespaces: allowedNamespacesOn(settings, cluster.name),
    })),
    regions: [...settings.regions],
    defaultRegion: settings.defaultRegion,
    engines: ENGINE_IDS.filter(id =>
      offered.includes(ENGINES[id].componentType),
    ),
    componentTypes: [...offered],
    traitTypes: [...settings.offer.traitTypes],
    tableNamePrefix: settings.tableNamePrefix,
    // Only where pull requests go: the publish step authenticates through `integrations`.
    ...(settings.gitops
      ? {
          gitops: {
            repoUrl: settings.gitops.repoUrl,
            targetBranch: settings.gitops.targetBranch,
            path: settings.gitops.path,
          },
        }
      : {}),
  };
}

/** `GET /platform`: the platform's offer (clusters, namespaces, regions, engines, GitOps) for forms. */
export function createPlatformRoute(options: {
  config: RootConfigService;
  httpAuth: HttpAuthService;
}) {
  // Read once: configuration does not change while the backend runs.
  const offer = platformOfferOf(readKubeVelaConfig(options.config));
  const router = Router();
  router.get('/platform', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json(offer);
  });
  return router;
}
