import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildApplication,
  buildSessionApiApplication,
  ENGINE_IDS,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { buildApplicationExamples } from './buildApplication.examples';
import {
  DELIVERY_MODES,
  PULL_REQUEST_SOURCE_DIR,
  pullRequestPlan,
} from './pullRequestDelivery';
import { applyRegionChoice } from './regionChoice';
import { tableSpecInputError } from './tableSpecIssues';
import {
  buildingApplication,
  entityNameInput,
  targetPathInput,
  writeApplication,
  writtenApplicationOutputs,
} from './writtenApplication';

/**
 * `kubevela:application:build`: turns a table request into a KubeVela Application for the chosen
 * engine, validated against DynamoDB's rules and the engine's capabilities, and writes it to the
 * workspace. Nothing touches a cluster. With `delivery: pullRequest` it writes the Application
 * where the platform's GitOps repository keeps it, for a later publish step.
 */
export function createBuildApplicationAction(options: {
  settings: Pick<
    KubeVelaConfig,
    | 'allowedNamespaces'
    | 'tableNamePrefix'
    | 'defaultRegion'
    | 'regions'
    | 'gitops'
  >;
}) {
  return createTemplateAction({
    id: 'kubevela:application:build',
    description:
      'Builds the KubeVela Application of a DynamoDB table for one engine and writes it to the workspace. ' +
      'Invalid requests fail with every problem named by its field.',
    examples: buildApplicationExamples,
    // It only computes and writes into the workspace, so a template's dry run can run it.
    supportsDryRun: true,
    schema: {
      input: {
        table: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              `The table request: engine (${ENGINE_IDS.join(
                ', ',
              )}), applicationName, componentName, namespace, ` +
                'tableName, region (default: kubevela.defaultRegion; one of kubevela.regions), attributeDefinitions, keySchema, billingMode, readCapacityUnits, writeCapacityUnits, ' +
                'ttl, stream, encryption, deletionProtection, pointInTimeRecovery, globalSecondaryIndexes, ' +
                'localSecondaryIndexes, tags, crossplane, featureMode',
            ),
        entityName: entityNameInput,
        owner: z =>
          z
            .string()
            .optional()
            .describe(
              "Owner of the table's catalog entity (an entity ref such as group:default/team-a); " +
                'written as the vela-tables.io/owner annotation that catalog ingestion reads',
            ),
        targetPath: targetPathInput,
        delivery: z =>
          z
            .enum(DELIVERY_MODES)
            .optional()
            .describe(
              "How the Application will reach the cluster. 'apply' (default): written to " +
                "targetPath for kubevela:application:apply. 'pullRequest': written to " +
                `${PULL_REQUEST_SOURCE_DIR}/<kubevela.gitops.path> for publish:github:pull-request, ` +
                "with the pull request's repository, branches and sourcePath in the " +
                'pullRequest output; refused when the platform configures no kubevela.gitops',
            ),
        sessionApi: z =>
          z
            .object({
              image: z.string().optional(),
              port: z.number().int().optional(),
              replicas: z.number().int().optional(),
              awsEndpoint: z
                .string()
                .optional()
                .describe('DynamoDB endpoint of the pods; empty = AWS itself'),
            })
            .optional()
            .describe(
              "Build the seeds' session management Application instead: the table with TTL on " +
                'expiresAt plus a session-api component (image, port, replicas, awsEndpoint)',
            ),
      },
      output: {
        ...writtenApplicationOutputs,
        tableName: z =>
          z
            .string()
            .describe('DynamoDB table name, with the configured prefix'),
        pullRequest: z =>
          z
            .object({
              repoUrl: z.string(),
              targetBranch: z.string(),
              branchName: z.string(),
              sourcePath: z.string(),
              filePath: z.string(),
            })
            .optional()
            .describe(
              "With delivery 'pullRequest': the GitOps repository (repoUrl), the branch to " +
                'target (targetBranch), a new branch for this task (branchName), the workspace ' +
                'folder to publish (sourcePath) and the Application file in the repository (filePath)',
            ),
      },
    },
    async handler(ctx) {
      const pullRequest = ctx.input.delivery === 'pullRequest';
      if (pullRequest && ctx.input.targetPath) {
        throw new InputError(
          "targetPath: not with delivery 'pullRequest', where kubevela.gitops.path places the file",
        );
      }
      const regional = applyRegionChoice(ctx.input.table, options.settings);
      const parsed = parseTableSpec(regional.table, {
        allowedNamespaces: options.settings.allowedNamespaces,
        tableNamePrefix: options.settings.tableNamePrefix,
      });
      if (!parsed.success || regional.issues.length > 0) {
        throw tableSpecInputError([
          ...regional.issues,
          ...(parsed.success ? [] : parsed.issues),
        ]);
      }
      const metadataOptions = {
        entityName: ctx.input.entityName,
        sourceTemplate: ctx.templateInfo?.entityRef,
        owner: ctx.input.owner || undefined,
      };
      const sessionApi = ctx.input.sessionApi;
      const application = buildingApplication(() =>
        sessionApi
          ? buildSessionApiApplication(
              parsed.spec,
              // An empty form field means AWS itself, as leaving it out does.
              {
                ...sessionApi,
                awsEndpoint: sessionApi.awsEndpoint || undefined,
              },
              metadataOptions,
            )
          : buildApplication(parsed.spec, metadataOptions),
      );
      const plan = pullRequest
        ? pullRequestPlan(
            options.settings.gitops,
            application.metadata,
            ctx.task.id,
          )
        : undefined;
      const { targetPath } = await writeApplication({
        application,
        workspacePath: ctx.workspacePath,
        targetPath: plan
          ? `${plan.sourcePath}/${plan.filePath}`
          : ctx.input.targetPath,
        ctx,
      });
      if (plan) {
        ctx.output('pullRequest', { ...plan });
      }
      ctx.logger.info(
        `Built Application ${application.metadata.namespace}/${application.metadata.name} ` +
          `(${application.spec.components[0].type}) into ${targetPath}`,
      );
      ctx.output(
        'tableName',
        `${parsed.spec.tableNamePrefix}${parsed.spec.tableName}`,
      );
    },
  });
}
