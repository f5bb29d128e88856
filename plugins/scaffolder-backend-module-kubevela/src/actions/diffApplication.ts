import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ClusterRegistry } from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';
import { applicationSourceInputs, clusterInput } from './actionInputs';
import { checkedApplication } from './checkedApplication';
import { diffApplicationExamples } from './diffApplication.examples';
import { applicationRef } from './loadApplication';
import { diffPaths, formatDiff } from './objectDiff';

/**
 * What an apply may change: labels, annotations and spec. The rest of metadata (resourceVersion,
 * generation, managedFields, timestamps) moves on every write, and status is not applied.
 */
function comparable(object: KubeObject | undefined) {
  // A missing Application compares as empty, so the diff lists `metadata` and `spec` as added.
  return object
    ? {
        metadata: {
          labels: object.metadata.labels,
          annotations: object.metadata.annotations,
        },
        spec: object.spec,
      }
    : {};
}

/**
 * `kubevela:application:diff`: a server-side dry run (`dryRun=All` apply, so the API server and
 * vela-core's admission defaults and validates it) of an Application, compared with the live
 * one: the changed paths with old → new, and whether anything would change. Stores nothing.
 */
export function createDiffApplicationAction(options: {
  settings: Pick<KubeVelaConfig, 'allowedNamespaces' | 'clusters' | 'offer'>;
}) {
  const { settings } = options;
  const clusters = ClusterRegistry.fromConfig(settings);
  return createTemplateAction({
    id: 'kubevela:application:diff',
    description:
      'Shows what applying a KubeVela Application would change in the live one (server-side dry run), path by path.',
    examples: diffApplicationExamples,
    // It only asks the API server for a dry run, so a template's dry run can run it.
    supportsDryRun: true,
    schema: {
      input: {
        ...applicationSourceInputs,
        cluster: clusterInput,
      },
      output: {
        changed: z =>
          z.boolean().describe('Whether applying would change anything'),
        exists: z =>
          z.boolean().describe('Whether the Application exists already'),
        diff: z =>
          z.string().describe('One line per changed path: `path: old → new`'),
        changes: z =>
          z
            .array(
              z.object({
                path: z.string(),
                old: z.unknown().optional(),
                new: z.unknown().optional(),
              }),
            )
            .describe('The changed paths with their old and new values'),
      },
    },
    async handler(ctx) {
      const { application, namespace, clusterName, client } =
        await checkedApplication(ctx, { clusters, settings });
      const ref = applicationRef(application.metadata.name, namespace);
      const live = await client.tryGet(ref);
      const planned = await client.apply(application, { dryRun: true });
      const changes = diffPaths(comparable(live), comparable(planned));
      const diff = formatDiff(changes);
      const app = `Application ${namespace}/${ref.name} on cluster ${clusterName}`;
      if (!live) {
        ctx.logger.info(`${app} does not exist; applying would create it`);
      } else if (changes.length === 0) {
        ctx.logger.info(`Applying would change nothing in ${app}`);
      } else {
        ctx.logger.info(
          `Applying would change ${changes.length} path(s) of ${app}:\n${diff}`,
        );
      }
      ctx.output('exists', !!live);
      ctx.output('changed', changes.length > 0);
      ctx.output('diff', diff);
      ctx.output(
        'changes',
        JSON.parse(JSON.stringify(changes)) as Array<{
          path: string;
          old?: unknown;
          new?: unknown;
        }>,
      );
    },
  });
}
