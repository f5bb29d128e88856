import type {
  HttpAuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ComparisonTable } from '@vela-tables/plugin-kubevela-common';
import {
  ENGINES,
  ENGINE_IDS,
  comparisonRows,
  isEngineId,
} from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  createDynamoDbClient,
  describeDynamoDbTable,
  readKubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import express from 'express';
import Router from 'express-promise-router';
import { TableStatusService } from '../status';
import type { TableStatusServiceOptions } from '../status';

/** Default lifetime of a cached table status (`kubevela.status.cacheTtlSeconds`). */
export const DEFAULT_STATUS_CACHE_TTL_SECONDS = 5;

/** Dependencies of the kubevela backend router. */
export interface RouterOptions {
  logger: LoggerService;
  config: RootConfigService;
  /** Reads entities with the caller's credentials. */
  catalog: CatalogService;
  /** Resolves the caller's credentials. */
  httpAuth: HttpAuthService;
  /** Overrides of the status service (tests). */
  statusService?: Partial<Pick<TableStatusServiceOptions, 'clientFor' | 'cacheTtlMs' | 'describeTable'>>;
}

/** Builds the REST API of the kubevela backend plugin. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { config, logger } = options;
  const settings = readKubeVelaConfig(config);
  logger.info(
    `kubevela: ${settings.clusters.length} cluster(s) configured, namespaces allowed: ${settings.allowedNamespaces.join(', ')}`,
  );
  // DynamoDB is only asked when the platform names an endpoint or a region: a portal without AWS
  // settings should not try the default AWS credential chain on every page view.
  const awsConfigured =
    config.has('kubevela.aws.endpoint') || config.has('kubevela.aws.region');
  const dynamoDb = awsConfigured ? createDynamoDbClient(settings.aws) : undefined;
  const statusService = new TableStatusService({
    clusters: ClusterRegistry.fromConfig(settings),
    cacheTtlMs:
      (config.getOptionalNumber('kubevela.status.cacheTtlSeconds') ??
        DEFAULT_STATUS_CACHE_TTL_SECONDS) * 1000,
    describeTable: dynamoDb ? tableName => describeDynamoDbTable(dynamoDb, tableName) : undefined,
    logger,
    ...options.statusService,
  });

  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/engines', (_req, res) => {
    res.json({ items: Object.values(ENGINES) });
  });

  router.get('/engines/:engineId', (req, res) => {
    const id = req.params.engineId;
    if (!isEngineId(id)) {
      throw new NotFoundError(
        `No engine '${id}'; the engines are ${ENGINE_IDS.join(', ')}`,
      );
    }
    res.json(ENGINES[id]);
  });

  router.get('/comparison', (_req, res) => {
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

  async function sendStatus(req: express.Request, res: express.Response, rawRef: string) {
    const { catalog, httpAuth } = options;
    const entityRef = normaliseEntityRef(rawRef);
    const credentials = await httpAuth.credentials(req);
    // The catalog read with the caller's credentials decides who may see the status.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`entity '${entityRef}' was not found in the catalog`);
    }
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

  return router;
}

function normaliseEntityRef(raw: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(raw.trim()));
  } catch (e) {
    throw new InputError(
      `entityRef '${raw}' is not an entity reference of the form kind:namespace/name (${(e as Error).message})`,
    );
  }
}
