import type { PermissionsService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { kubevelaTableDeletePermission } from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  engineOfApplication,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import {
  applicationRefInputs,
  clusterInput,
  timeoutSecondsInput,
} from './actionInputs';
import {
  assertNamespaceAllowed,
  assertTypesOffered,
} from './applicationSafety';
import { authorizeTableAction } from './authorizeTableAction';
import { clusterClient } from './clusterClient';
import { deleteApplicationExamples } from './deleteApplication.examples';
import { deletionProtectionError } from './deletionProtection';
import { DynamoDbProbe } from './dynamoDbProbe';
import { readEngineChain } from './engineChain';
import type { EngineChain } from './engineChain';
import { orphanTable } from './keepTable';
import { applicationRef } from './loadApplication';
import { retainsTable } from './tableRetention';
import { waitForDeletion } from './waitForDeletion';

/**
 * `kubevela:application:delete`: deletes a KubeVela Application and, by default, waits until its
 * engine resources and its DynamoDB table are gone. With `keepTable` the engine is told to
 * orphan the table first (ACK deletion policy retain, Crossplane deletionPolicy Orphan or
 * management policies without Delete). A table with deletion protection is refused before
 * anything changes. Deleting an Application that does not exist succeeds.
 */
export function createDeleteApplicationAction(options: {
  settings: Pick<
    KubeVelaConfig,
    'allowedNamespaces' | 'clusters' | 'offer' | 'aws'
  >;
  permissions: PermissionsService;
}) {
  const { settings, permissions } = options;
  const clusters = ClusterRegistry.fromConfig(settings);
  const probe = new DynamoDbProbe(settings.aws);
  return createTemplateAction({
    id: 'kubevela:application:delete',
    description:
      'Deletes a KubeVela Application and waits until its table is gone, or keeps the table when asked. Refuses tables with deletion protection.',
    examples: deleteApplicationExamples,
    // In the scaffolder's dry run it asks the API server for a dry run: nothing is deleted.
    supportsDryRun: true,
    schema: {
      input: {
        ...applicationRefInputs,
        cluster: clusterInput,
        keepTable: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Keep the DynamoDB table: the engine orphans it instead of deleting it (default false)',
            ),
        wait: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Wait until the Application, its engine resources and (unless kept) the table are gone (default true)',
            ),
        timeoutSeconds: timeoutSecondsInput('How long to wait (default 600)'),
        dryRun: z =>
          z
            .boolean()
            .optional()
            .describe('Server-side dry run: check everything, delete nothing'),
      },
      output: {
        name: z => z.string(),
        namespace: z => z.string(),
        cluster: z => z.string(),
        existed: z => z.boolean().describe('Whether the Application existed'),
        dryRun: z =>
          z.boolean().describe('Whether only a server-side dry run was made'),
        tableName: z =>
          z.string().optional().describe('The DynamoDB table, when known'),
        tableKept: z =>
          z.boolean().describe('Whether the table is left in DynamoDB'),
      },
    },
    async handler(ctx) {
      const { name, namespace } = ctx.input;
      const { clusterName, client } = clusterClient(
        clusters,
        ctx.input.cluster,
        ctx.logger,
      );
      assertNamespaceAllowed(settings, clusterName, namespace, 'namespace');
      await authorizeTableAction(
        permissions,
        ctx,
        kubevelaTableDeletePermission,
        `delete tables (Application ${namespace}/${name})`,
      );
      const dryRun = !!ctx.input.dryRun || !!ctx.isDryRun;
      const ref = applicationRef(name, namespace);
      ctx.output('name', name);
      ctx.output('namespace', namespace);
      ctx.output('cluster', clusterName);
      ctx.output('dryRun', dryRun);

      const application = await client.tryGet(ref);
      if (!application) {
        ctx.logger.info(
          `Application ${namespace}/${name} does not exist on cluster ${clusterName}: nothing to delete`,
        );
        ctx.output('existed', false);
        ctx.output('tableKept', false);
        return;
      }
      ctx.output('existed', true);
      assertTypesOffered(settings, application);

      const engine = engineOfApplication(application);
      const chain: EngineChain = engine
        ? await readEngineChain(client, application, engine)
        : { resources: [], protectedBy: [] };
      if (chain.tableName) ctx.output('tableName', chain.tableName);
      const keepTable = !!ctx.input.keepTable;
      // Resources that already orphan their table (e.g. Crossplane `Observe` adoption).
      const alreadyKept = chain.resources.some(r => retainsTable(r) === true);
      const dynamo = chain.tableName
        ? await probe.describe(chain.tableName, chain.region)
        : undefined;
      if (dynamo?.state === 'unknown') {
        ctx.logger.info(
          `Not asking DynamoDB about table ${chain.tableName}: ${dynamo.reason}`,
        );
      }

      if (!keepTable && !alreadyKept) {
        const inDynamoDb =
          dynamo?.state === 'present' && dynamo.deletionProtection;
        if (chain.protectedBy.length > 0 || inDynamoDb) {
          throw deletionProtectionError({
            tableName: chain.tableName ?? name,
            engine,
            application,
            protectedBy: chain.protectedBy,
            inDynamoDb: !!inDynamoDb,
          });
        }
      }
      if (keepTable) {
        await orphanTable({
          client,
          resources: chain.resources,
          logger: ctx.logger,
          dryRun,
        });
      } else if (alreadyKept) {
        ctx.logger.info(
          `The engine resource's policy keeps table ${
            chain.tableName ?? ''
          } in DynamoDB: it will not be deleted`,
        );
      }
      const tableKept = keepTable || alreadyKept;
      ctx.output('tableKept', tableKept);

      await client.delete(ref, { dryRun });
      ctx.logger.info(
        `${
          dryRun ? 'Dry-run deleted' : 'Deleted'
        } Application ${namespace}/${name} on cluster ${clusterName}${
          dryRun ? ' (server-side dry run: nothing was deleted)' : ''
        }`,
      );
      if (dryRun || ctx.input.wait === false) return;

      await waitForDeletion({
        client,
        application: ref,
        resources: chain.resources,
        table:
          !tableKept && chain.tableName && probe.configured
            ? { name: chain.tableName, region: chain.region, probe }
            : undefined,
        logger: ctx.logger,
        timeoutMs: (ctx.input.timeoutSeconds ?? 600) * 1000,
        signal: ctx.signal,
      });
      if (tableKept && chain.tableName) {
        const after = await probe.describe(chain.tableName, chain.region);
        if (after.state === 'absent') {
          throw new Error(
            `table ${chain.tableName} is gone from DynamoDB although it was to be kept`,
          );
        }
        if (after.state === 'present') {
          ctx.logger.info(
            `Table ${chain.tableName} is still in DynamoDB (${after.tableStatus})`,
          );
        }
      } else if (chain.tableName && probe.configured) {
        ctx.logger.info(`Table ${chain.tableName} is gone from DynamoDB`);
      }
    },
  });
}
