import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  KubeObject,
  KubeVelaClient,
} from '@vela-tables/plugin-kubevela-node';
import { describeResource } from './engineChain';
import { retainTablePatch, retainsTable } from './tableRetention';

function refOf(resource: KubeObject) {
  return {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    name: resource.metadata.name,
    namespace: resource.metadata.namespace,
  };
}

/**
 * Makes every engine resource that calls AWS leave the table in place when it is deleted
 * (see `retainTablePatch`), then reads each back to check that it now keeps the table.
 * Returns how many resources keep it. In a dry run the patches are only validated.
 */
export async function orphanTable(options: {
  client: KubeVelaClient;
  resources: readonly KubeObject[];
  logger: LoggerService;
  dryRun: boolean;
}): Promise<number> {
  const { client, logger, dryRun } = options;
  let keeping = 0;
  for (const resource of options.resources) {
    if (retainsTable(resource) === undefined) continue;
    const patch = retainTablePatch(resource);
    if (patch) {
      await client.mergePatch(refOf(resource), patch, { dryRun });
      logger.info(
        `${dryRun ? 'Dry run: would set' : 'Set'} ${JSON.stringify(
          patch,
        )} on ${describeResource(
          resource,
        )} so that deleting it keeps the table`,
      );
    }
    if (dryRun) {
      keeping++;
      continue;
    }
    const now = await client.tryGet(refOf(resource));
    if (now && retainsTable(now) !== true) {
      throw new ConflictError(
        `${describeResource(
          resource,
        )} still deletes its table after the patch (another controller changed it back?); nothing was deleted`,
      );
    }
    keeping++;
  }
  if (keeping === 0) {
    logger.warn(
      'No engine resource that calls AWS (ACK or Crossplane Table) exists yet, so none could be told to keep the table',
    );
  }
  return keeping;
}
