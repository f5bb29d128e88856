import type { PermissionsService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ENGINES,
  kubevelaTableCreatePermission,
  planMigration,
  retainingComponent,
  tableComponentToMigrate,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  createDynamoDbClient,
  findEngineResources,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaClient,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
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
import { describeResource } from './engineChain';
import { readExistingTable } from './existingTable/readExistingTable';
import { tableSpecFromExisting } from './existingTable/tableSpecFromExisting';
import { applicationRef } from './loadApplication';
import { migrateEngineExamples } from './migrateEngine.examples';
import { undeclaredSettings } from './migration/undeclaredSettings';
import { applicationWithComponent } from './migration/migratedApplication';
import { refusalAsInputError } from './migration/refusalAsInputError';
import { diffPaths, formatDiff } from './objectDiff';
import { pollUntil } from './pollUntil';
import { retainsTable } from './tableRetention';
import { waitForHealthy } from './waitForHealthy';

type Settings = Pick<
  KubeVelaConfig,
  'allowedNamespaces' | 'clusters' | 'offer' | 'aws'
>;

function comparable(object: KubeObject) {
  return { labels: object.metadata.labels ?? {}, spec: object.spec };
}

/** The table as DynamoDB has it: its ARN and every setting a table request expresses. */
async function readTable(
  settings: Settings,
  tableName: string,
  region: string,
) {
  const client = createDynamoDbClient({ ...settings.aws, region });
  try {
    const existing = await readExistingTable(client, tableName);
    const { table } = tableSpecFromExisting(existing, {
      engine: 'crossplane',
      applicationName: 'migration',
      componentName: 'migration',
      namespace: 'migration',
      region,
      tableNamePrefix: '',
    });
    return { arn: existing.table.TableArn!, table };
  } finally {
    client.destroy();
  }
}

/** Waits until every engine resource that calls AWS keeps the table when deleted. */
async function waitUntilRetained(
  client: KubeVelaClient,
  ref: ReturnType<typeof applicationRef>,
  engine: EngineId,
  timeoutMs: number,
): Promise<KubeObject[]> {
  const retained = await pollUntil(
    async () => {
      const app = await client.tryGet(ref);
      if (!app) return undefined;
      const resources = await findEngineResources(client, app, engine);
      const callers = resources.filter(r => retainsTable(r) !== undefined);
      return callers.length > 0 && callers.every(r => retainsTable(r) === true)
        ? resources
        : undefined;
    },
    { timeoutMs },
  );
  if (!retained) {
    throw new ConflictError(
      `the ${engine} engine resources of Application ${ref.namespace}/${
        ref.name
      } did not switch to keeping the table within ${Math.round(
        timeoutMs / 1000,
      )} s; nothing was migrated (the Application now keeps its table on delete)`,
    );
  }
  return retained;
}

/**
 * `kubevela:table:migrate`: moves an Application's table component to another engine whose
 * interface matches (crossplane ↔ kro-simplified) without re-creating the table. First a
 * server-side dry run of the migrated Application, shown as a diff; then (unless dry run) the old
 * engine is told to keep the table on delete (Crossplane policies without Delete, ACK retain),
 * the migrated Application is applied (ACK adopt-or-create, or Crossplane by external name) and
 * waited for, the old engine resources are garbage-collected by vela-core, and the table's ARN
 * is checked to be the one it had before.
 */
export function createMigrateEngineAction(options: {
  settings: Settings;
  permissions: PermissionsService;
}) {
  const { settings, permissions } = options;
  const clusters = ClusterRegistry.fromConfig(settings);
  return createTemplateAction({
    id: 'kubevela:table:migrate',
    description:
      "Moves an Application's DynamoDB table to another engine with the same interface (crossplane ↔ kro-simplified), keeping the table: dry-run diff first, then orphan on the old engine and adopt on the new.",
    examples: migrateEngineExamples,
    // In a dry run it only asks the API server for a dry run and shows the diff.
    supportsDryRun: true,
    schema: {
      input: {
        ...applicationRefInputs,
        to: z =>
          z
            .enum(['crossplane', 'kro-simplified'])
            .describe('The engine to move the table to'),
        component: z =>
          z
            .string()
            .optional()
            .describe(
              'The table component (default: the only table component)',
            ),
        cluster: clusterInput,
        dryRun: z =>
          z
            .boolean()
            .optional()
            .describe('Only show the server-side dry-run diff'),
        timeoutSeconds: timeoutSecondsInput(
          'How long each wait may take (default 300)',
        ),
      },
      output: {
        from: z => z.string().describe('The engine the table was on'),
        to: z => z.string().describe('The engine the table is on now'),
        changes: z =>
          z.array(z.string()).describe('What the migration changes, in words'),
        diff: z =>
          z
            .string()
            .describe(
              'Server-side dry-run diff of the Application, one `path: old → new` per line',
            ),
        migrated: z =>
          z.boolean().describe('False in a dry run, true once migrated'),
        tableArn: z =>
          z
            .string()
            .optional()
            .describe("The table's ARN, the same before and after"),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const { clusterName, client } = clusterClient(
        clusters,
        input.cluster,
        ctx.logger,
      );
      assertNamespaceAllowed(settings, clusterName, input.namespace);
      const where = `Application ${input.namespace}/${input.name} on cluster ${clusterName}`;
      if (!(ctx.isDryRun || input.dryRun)) {
        // It replaces the engine resources that manage the table: as much as creating one.
        await authorizeTableAction(
          permissions,
          ctx,
          kubevelaTableCreatePermission,
          `migrate ${where}`,
        );
      }
      const ref = applicationRef(input.name, input.namespace);
      const live = await client.get(ref);
      // The same plan the engine comparison shows (kubevela-common), refusals as bad input.
      const component = refusalAsInputError(() =>
        tableComponentToMigrate(live, input.component),
      );
      const plan = refusalAsInputError(() =>
        planMigration(component, input.to),
      );
      const migrated = applicationWithComponent(live, plan.component, plan.to);
      assertTypesOffered(settings, migrated);

      // force: the migration takes the component over from whoever applied it last.
      const planned = await client.apply(migrated, {
        dryRun: true,
        force: true,
      });
      const diff = formatDiff(diffPaths(comparable(live), comparable(planned)));
      ctx.logger.info(
        `Migration of ${where} from ${plan.from} to ${
          plan.to
        }:\n- ${plan.changes.join('\n- ')}\nServer-side dry-run diff:\n${diff}`,
      );
      ctx.output('from', plan.from);
      ctx.output('to', plan.to);
      ctx.output('changes', plan.changes);
      ctx.output('diff', diff);
      const properties = component.properties ?? {};
      const tableName =
        typeof properties.tableName === 'string'
          ? properties.tableName
          : component.name;
      const region =
        typeof properties.region === 'string' ? properties.region : 'us-west-2';
      const dryRun = !!(ctx.isDryRun || input.dryRun);
      const before = await readTable(settings, tableName, region);
      const undeclared = undeclaredSettings(before.table, component, plan.from);
      if (undeclared.length > 0) {
        const message =
          `table ${tableName} has settings the Application does not declare, which ${plan.to} ` +
          `would switch off or remove: ${undeclared.join(
            '; ',
          )}. Declare them in the Application first (the build action or kubevela:table:describe gives the full request)`;
        if (!dryRun) throw new InputError(message);
        ctx.logger.warn(message);
      }
      if (dryRun) {
        ctx.output('migrated', false);
        return;
      }
      const arnBefore = before.arn;
      const timeoutMs = (input.timeoutSeconds ?? 300) * 1000;

      await client.apply(
        applicationWithComponent(
          live,
          refusalAsInputError(() => retainingComponent(component, plan.from)),
          plan.from,
        ),
        { force: true },
      );
      const old = await waitUntilRetained(client, ref, plan.from, timeoutMs);
      ctx.logger.info(
        `The ${plan.from} engine now keeps table ${tableName} on delete: ${old
          .map(describeResource)
          .join(', ')}`,
      );

      await client.apply(migrated, { force: true });
      ctx.logger.info(`Applied the ${plan.to} Application; waiting for it`);
      await waitForHealthy({
        client,
        ref,
        logger: ctx.logger,
        timeoutMs,
        signal: ctx.signal,
      });
      const gone = await pollUntil(
        async () => {
          for (const resource of old) {
            if (
              await client.tryGet({
                apiVersion: resource.apiVersion,
                kind: resource.kind,
                name: resource.metadata.name,
                namespace: resource.metadata.namespace,
              })
            )
              return undefined;
          }
          return true;
        },
        { timeoutMs, signal: ctx.signal },
      );
      if (!gone) {
        ctx.logger.warn(
          `vela-core has not yet deleted the old ${plan.from} resources; they keep the table when it does`,
        );
      }
      const arnAfter = (await readTable(settings, tableName, region)).arn;
      if (arnAfter !== arnBefore) {
        throw new ConflictError(
          `table ${tableName} has ARN ${arnAfter} after the migration, ${arnBefore} before: it was re-created`,
        );
      }
      ctx.logger.info(
        `${where} now uses ${plan.to} (${
          ENGINES[plan.to].componentType
        }); table ${tableName} kept, ARN ${arnAfter}`,
      );
      ctx.output('migrated', true);
      ctx.output('tableArn', arnAfter);
    },
  });
}
