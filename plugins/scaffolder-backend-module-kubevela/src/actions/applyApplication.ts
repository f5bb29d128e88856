import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ClusterRegistry,
  KubeVelaClient,
  summariseApplication,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { applyApplicationExamples } from './applyApplication.examples';

const APPLICATION_API_VERSION = 'core.oam.dev/v1beta1';
// Application states from which KubeVela does not recover without a change.
const FAILED_STATES = ['workflowFailed', 'workflowTerminated'];

/**
 * `kubevela:application:apply`: server-side applies a KubeVela Application (field manager
 * `backstage-kubevela`), optionally as a dry run, and optionally waits until KubeVela reports
 * it running with every component healthy. Re-running it changes nothing that is already so.
 */
export function createApplyApplicationAction(options: {
  settings: Pick<KubeVelaConfig, 'allowedNamespaces' | 'clusters'>;
}) {
  const clusters = ClusterRegistry.fromConfig(options.settings);
  return createTemplateAction({
    id: 'kubevela:application:apply',
    description:
      'Applies a KubeVela Application to a cluster (server-side apply, optional dry run) and can wait until it is healthy.',
    examples: applyApplicationExamples,
    schema: {
      input: {
        application: z =>
          z
            .record(z.string(), z.unknown())
            .optional()
            .describe(
              'The Application object, e.g. the output of kubevela:application:build',
            ),
        manifestPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace path of an Application YAML file, instead of `application`',
            ),
        cluster: z =>
          z
            .string()
            .optional()
            .describe('Configured cluster name (default: the first one)'),
        dryRun: z =>
          z
            .boolean()
            .optional()
            .describe('Validate on the server without storing anything'),
        wait: z =>
          z
            .boolean()
            .optional()
            .describe('Wait until the Application is running and healthy'),
        timeoutSeconds: z =>
          z
            .number()
            .int()
            .min(1)
            .max(3600)
            .optional()
            .describe('How long to wait (default 600)'),
      },
      output: {
        name: z => z.string(),
        namespace: z => z.string(),
        cluster: z => z.string(),
        resourceVersion: z => z.string().optional(),
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
      const application = await loadApplication(ctx.input, ctx.workspacePath);
      const namespace = application.metadata.namespace!;
      if (!options.settings.allowedNamespaces.includes(namespace)) {
        throw new NotAllowedError(
          `namespace '${namespace}' is not allowed for Applications; allowed: ${options.settings.allowedNamespaces.join(
            ', ',
          )}`,
        );
      }
      const cluster = clusters.get(ctx.input.cluster);
      const client = new KubeVelaClient({
        cluster,
        onRetry: ({ attempt, delayMs }) =>
          ctx.logger.warn(
            `cluster ${cluster.config.name} did not answer; retry ${attempt} in ${delayMs} ms`,
          ),
      });
      const ref = {
        apiVersion: APPLICATION_API_VERSION,
        kind: 'Application',
        name: application.metadata.name,
        namespace,
      };
      const applied = await client.apply(application, {
        dryRun: ctx.input.dryRun,
      });
      ctx.logger.info(
        `${
          ctx.input.dryRun ? 'Dry-run applied' : 'Applied'
        } Application ${namespace}/${ref.name} on cluster ${
          cluster.config.name
        }`,
      );
      ctx.output('name', ref.name);
      ctx.output('namespace', namespace);
      ctx.output('cluster', cluster.config.name);
      ctx.output('resourceVersion', applied.metadata.resourceVersion);

      let current: KubeObject = applied;
      if (ctx.input.wait && !ctx.input.dryRun) {
        const timeoutMs = (ctx.input.timeoutSeconds ?? 600) * 1000;
        const settled = await client.waitFor(
          ref,
          object => {
            if (!object) return false;
            const summary = summariseApplication(object);
            return (
              FAILED_STATES.includes(summary.phase ?? '') || isHealthy(object)
            );
          },
          {
            description:
              'the Application to be running with every component healthy',
            timeoutMs,
          },
        );
        current = settled ?? current;
        const summary = summariseApplication(current);
        if (FAILED_STATES.includes(summary.phase ?? '')) {
          throw new InputError(
            `Application ${namespace}/${ref.name} on cluster ${cluster.config.name} is ${summary.phase}: ` +
              `${summary.workflow?.message ?? 'see its workflow status'}`,
          );
        }
      }
      const summary = summariseApplication(current);
      ctx.output('status', summary.phase);
      ctx.output('healthy', isHealthy(current));
    },
  });
}

function isHealthy(application: KubeObject): boolean {
  const summary = summariseApplication(application);
  return (
    summary.phase === 'running' &&
    summary.components.length > 0 &&
    summary.components.every(c => c.healthy)
  );
}

async function loadApplication(
  input: { application?: Record<string, unknown>; manifestPath?: string },
  workspacePath: string,
): Promise<KubeObject> {
  if (!!input.application === !!input.manifestPath) {
    throw new InputError(
      'give exactly one of `application` and `manifestPath`',
    );
  }
  const raw = input.application
    ? input.application
    : (parse(
        await readFile(
          resolveSafeChildPath(workspacePath, input.manifestPath!),
          'utf8',
        ),
      ) as unknown);
  const object = raw as Partial<KubeObject> | undefined;
  if (
    !object ||
    object.apiVersion !== APPLICATION_API_VERSION ||
    object.kind !== 'Application'
  ) {
    throw new InputError(
      `expected a KubeVela Application (${APPLICATION_API_VERSION}), got ${
        object?.apiVersion ?? '?'
      } ${object?.kind ?? '?'}`,
    );
  }
  if (!object.metadata?.name || !object.metadata.namespace) {
    throw new InputError(
      'the Application needs metadata.name and metadata.namespace',
    );
  }
  return object as KubeObject;
}
