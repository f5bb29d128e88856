import type { LoggerService, RootConfigService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ENGINES,
  ENGINE_IDS,
  comparisonRows,
  isEngineId,
} from '@vela-tables/plugin-kubevela-common';
import { readKubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import express from 'express';
import Router from 'express-promise-router';

/** Dependencies of the kubevela backend router. */
export interface RouterOptions {
  logger: LoggerService;
  config: RootConfigService;
}

/** Builds the REST API of the kubevela backend plugin. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const settings = readKubeVelaConfig(options.config);
  options.logger.info(
    `kubevela: ${settings.clusters.length} cluster(s) configured, namespaces allowed: ${settings.allowedNamespaces.join(', ')}`,
  );
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
    res.json({
      engines: ENGINE_IDS.map(id => ({
        id,
        title: ENGINES[id].title,
        componentType: ENGINES[id].componentType,
      })),
      rows: comparisonRows(),
    });
  });

  return router;
}
