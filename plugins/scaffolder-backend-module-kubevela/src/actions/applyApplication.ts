import type { PermissionsService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { kubevelaTableCreatePermission } from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  summariseApplication,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import { applyApplicationExamples } from './applyApplication.examples';
import {
  applicationSourceInputs,
  clusterInput,
  timeoutSecondsInput,
} from './actionInputs';
import { authorizeTableAction } from './authorizeTableAction';
import { checkedApplication } from './checkedApplication';
import { applicationRef } from './loadApplication';
import { isHealthy, waitForHealthy } from './waitForHealthy';

/**
 * `kubevela:application:apply`: server-side applies a KubeVela Application (field manager
 * `backstage-kubevela`), optionally as a dry run, and optionally waits until KubeVela reports
 * it running with every component healthy and its table Ready, logging each component's health and the engine's
 * conditions as they change. Only offered component and trait types, only allowed namespaces,
 * and only for users the permission policy lets create tables. Re-running it changes nothing
 * that is already so.
 */
export function createApplyApplicationAction(options: {
  settings: Pick<KubeVelaConfig, 'allowedNamespaces' | 'clusters' | 'offer'>;
  permissions: PermissionsService;
}) {
  const { settings, permissions } = options;
  const clusters = ClusterRegistry.fromConfig(settings);
  return createTemplateAction({
    id: 'kubevela:application:apply',
    description:
      'Applies a KubeVela Application to a cluster (server-side apply, optional dry run) and can wait until it is healthy and its table Ready, logging progress.',
    examples: applyApplicationExamples,
    // In the scaffolder's dry run it asks the API server for a dry run: nothing is stored.
    supportsDryRun: true,
    schema: {
      input: {
        ...applicationSourceInputs,
        cluster: clusterInput,
        dryRun: z =>
          z
            .boolean()
            .optional()
            .describe('Validate on the server without storing anything'),
        wait: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Wait until the Application is running and healthy and its table Ready (as the entity page reads it), logging progress',
            ),
        timeoutSeconds: timeoutSecondsInput('How long to wait (default 600)'),
      },
      output: {
        name: z => z.string(),
        namespace: z => z.string(),
        cluster: z => z.string(),
        resourceVersion: z => z.string().optional(),
        dryRun: z =>
          z.boolean().describe('Whether only a server-side dry run was made'),
        status: z =>
          z
            .string()
            .optional()
            .describe("KubeVela's status of the Application, e.g. running"),
        healthy: z =>
          z.boolean().describe('Whether every component reported healthy'),
      },
    },
    async handler(ctx) {
      const { application, namespace, clusterName, client } =
        await checkedApplication(ctx, { clusters, settings });
      await authorizeTableAction(
        permissions,
        ctx,
        kubevelaTableCreatePermission,
        `create or change tables (Application ${namespace}/${application.metadata.name})`,
      );
      const dryRun = !!ctx.input.dryRun || !!ctx.isDryRun;
      const ref = applicationRef(application.metadata.name, namespace);
      const applied = await client.apply(application, { dryRun });
      ctx.logger.info(
        `${dryRun ? 'Dry-run applied' : 'Applied'} Application ${namespace}/${
          ref.name
        } on cluster ${clusterName}${
          dryRun ? ' (server-side dry run: nothing was stored)' : ''
        }`,
      );
      ctx.output('name', ref.name);
      ctx.output('namespace', namespace);
      ctx.output('cluster', clusterName);
      ctx.output('resourceVersion', applied.metadata.resourceVersion);
      ctx.output('dryRun', dryRun);

      let current: KubeObject = applied;
      if (ctx.input.wait && !dryRun) {
        current = await waitForHealthy({
          client,
          ref,
          logger: ctx.logger,
          timeoutMs: (ctx.input.timeoutSeconds ?? 600) * 1000,
          signal: ctx.signal,
        });
      }
      ctx.output('status', summariseApplication(current).phase);
      ctx.output('healthy', isHealthy(current));
    },
  });
}
