import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type { ComparisonTable } from '@vela-tables/plugin-kubevela-common';
import {
  ENGINES,
  ENGINE_IDS,
  comparisonRows,
  getApplicationRefFromEntity,
  isEngineId,
} from '@vela-tables/plugin-kubevela-common';
import express from 'express';
import Router from 'express-promise-router';
import { authorizeTableRead } from '../access/authorizeTableRead';
import { assertNamespaceAllowed } from '../access/namespaceAllowList';
import type { NamespaceSettings } from '../access/namespaceAllowList';
import type { EntityComparisonService } from '../comparison';
import type { TableStatusService } from '../status';
import type { LinkedEntityIndex } from './LinkedEntityIndex';
import { applicationManifest } from './applicationManifest';
import { createPlatformRoute } from './platformRoute';
import { sendLastKnownStatus } from './sendLastKnownStatus';

/** Dependencies of the kubevela backend router. */
export interface RouterOptions {
  logger: LoggerService;
  config: RootConfigService;
  /** The linked entities (read with the plugin's credentials; callers are checked first). */
  entities: Pick<LinkedEntityIndex, 'get'>;
  /** Resolves the caller's credentials. */
  httpAuth: HttpAuthService;
  /** Decides `kubevela.table.read` per entity. */
  permissions: PermissionsService;
  /** Table status from the watches. */
  statusService: TableStatusService;
  /** The live comparison of an entity's table (`/comparison?entityRef=`). */
  comparisonService: Pick<EntityComparisonService, 'compare'>;
  /** The clusters and namespace allow-lists (`readKubeVelaConfig`). */
  namespaces: NamespaceSettings;
  /** The configured name of a cluster (the first one when undefined); NotFoundError for an unknown one. */
  clusterName: (name?: string) => string;
  /** Per cluster and kind: the watches' state (GET /watches). */
  watchHealth: () => unknown;
}

/** Builds the REST API of the kubevela backend plugin. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { statusService, comparisonService, namespaces } = options;

  const router = Router();
  router.use(express.json());
  // Every route but /health needs an authenticated caller (a user, or a service such as
  // automation with a static token).
  const authenticated = (req: express.Request) =>
    options.httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/watches', async (req, res) => {
    await authenticated(req);
    res.json({ clusters: options.watchHealth() });
  });

  router.get('/engines', async (req, res) => {
    await authenticated(req);
    res.json({ items: Object.values(ENGINES) });
  });

  router.get('/engines/:engineId', async (req, res) => {
    await authenticated(req);
    const id = req.params.engineId;
    if (!isEngineId(id)) {
      throw new NotFoundError(
        `No engine '${id}'; the engines are ${ENGINE_IDS.join(', ')}`,
      );
    }
    res.json(ENGINES[id]);
  });

  router.use(createPlatformRoute(options));

  router.get('/comparison', async (req, res) => {
    const entityRef = req.query.entityRef;
    if (entityRef !== undefined) {
      if (typeof entityRef !== 'string' || !entityRef.trim()) {
        throw new InputError(
          "query parameter 'entityRef' must be an entity reference, e.g. /comparison?entityRef=component:default/orders",
        );
      }
      const linked = await linkedEntity(req, entityRef);
      res.json(
        await comparisonService.compare(linked.entity, linked.entityRef),
      );
      return;
    }
    await authenticated(req);
    const comparison: ComparisonTable = {
      engines: ENGINE_IDS.map(id => ({
        id,
        title: ENGINES[id].title,
        componentType: ENGINES[id].componentType,
      })),
      rows: comparisonRows(),
    };
    res.json(comparison);
  });

  /**
   * The entity behind a request for one table, after every check: credentials,
   * kubevela.table.read and catalog.entity.read (an entity the caller cannot see is 404), and
   * the namespace its annotations point at being allowed on its cluster.
   */
  async function linkedEntity(
    req: express.Request,
    rawRef: string,
  ): Promise<{ entity: Entity; entityRef: string }> {
    const entityRef = normaliseEntityRef(rawRef);
    const credentials = await authenticated(req);
    await authorizeTableRead(options.permissions, credentials, entityRef);
    const entity = await options.entities.get(entityRef);
    if (!entity) {
      throw new NotFoundError(
        `entity '${entityRef}' was not found in the catalog`,
      );
    }
    const ref = getApplicationRefFromEntity(entity);
    if (ref) {
      assertNamespaceAllowed(namespaces, {
        namespace: ref.namespace,
        cluster: options.clusterName(ref.cluster),
        entityRef,
      });
    }
    return { entity, entityRef };
  }

  async function sendStatus(
    req: express.Request,
    res: express.Response,
    rawRef: string,
  ) {
    const { entity, entityRef } = await linkedEntity(req, rawRef);
    res.json(await statusService.getStatusOfEntity(entity, entityRef));
  }

  router.get('/status', async (req, res) => {
    const ref = req.query.entityRef;
    if (typeof ref !== 'string' || !ref.trim()) {
      throw new InputError(
        "query parameter 'entityRef' is required, e.g. /status?entityRef=component:default/orders",
      );
    }
    await sendStatus(req, res, ref);
  });

  router.get('/status/:namespace/:kind/:name', async (req, res) => {
    const { namespace, kind, name } = req.params;
    await sendStatus(req, res, stringifyEntityRef({ kind, namespace, name }));
  });

  // The Application behind an entity, as YAML, after the same checks as /status.
  router.get('/application', async (req, res) => {
    const ref = req.query.entityRef;
    if (typeof ref !== 'string' || !ref.trim()) {
      throw new InputError(
        "query parameter 'entityRef' is required, e.g. /application?entityRef=component:default/orders",
      );
    }
    const { entity, entityRef } = await linkedEntity(req, ref);
    const app = getApplicationRefFromEntity(entity);
    if (!app) {
      throw new InputError(
        `entity '${entityRef}' has no app.oam.dev/name annotation, so it is linked to no Application`,
      );
    }
    res.json(applicationManifest(await statusService.getApplication(app)));
  });

  router.use(sendLastKnownStatus);
  return router;
}

function normaliseEntityRef(raw: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(raw.trim()));
  } catch (e) {
    throw new InputError(
      `entityRef '${raw}' is not an entity reference of the form kind:namespace/name (${
        (e as Error).message
      })`,
    );
  }
}
