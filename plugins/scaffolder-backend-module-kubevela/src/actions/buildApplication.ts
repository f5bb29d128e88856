import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  applicationToYaml,
  buildApplication,
  buildSessionApiApplication,
  BuildOptionsError,
  ENGINE_IDS,
  parseTableSpec,
  TableSpecError,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildApplicationExamples } from './buildApplication.examples';
import { applyRegionChoice } from './regionChoice';
import { tableSpecInputError } from './tableSpecIssues';

/**
 * `kubevela:application:build`: turns a table request into a KubeVela Application for the chosen
 * engine, validated against DynamoDB's rules and the engine's capabilities, and writes it to the
 * workspace. Nothing touches a cluster.
 */
export function createBuildApplicationAction(options: {
  settings: Pick<
    KubeVelaConfig,
    'allowedNamespaces' | 'tableNamePrefix' | 'defaultRegion' | 'regions'
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
        entityName: z =>
          z
            .string()
            .optional()
            .describe(
              'Catalog entity the table belongs to (default: the Application name)',
            ),
        owner: z =>
          z
            .string()
            .optional()
            .describe(
              "Owner of the table's catalog entity (an entity ref such as group:default/team-a); " +
                'written as the vela-tables.io/owner annotation that catalog ingestion reads',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace path of the written Application (default: application.yaml)',
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
        application: z =>
          z.record(z.string(), z.unknown()).describe('The Application object'),
        yaml: z => z.string().describe('The Application as YAML'),
        name: z => z.string().describe('Application name'),
        namespace: z => z.string().describe('Application namespace'),
        componentType: z =>
          z.string().describe('KubeVela component type of the table'),
        tableName: z =>
          z
            .string()
            .describe('DynamoDB table name, with the configured prefix'),
      },
    },
    async handler(ctx) {
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
      let application;
      try {
        const sessionApi = ctx.input.sessionApi;
        application = sessionApi
          ? buildSessionApiApplication(
              parsed.spec,
              // An empty form field means AWS itself, as leaving it out does.
              {
                ...sessionApi,
                awsEndpoint: sessionApi.awsEndpoint || undefined,
              },
              metadataOptions,
            )
          : buildApplication(parsed.spec, metadataOptions);
      } catch (error) {
        if (error instanceof TableSpecError) {
          throw tableSpecInputError(error.issues);
        }
        if (error instanceof BuildOptionsError) {
          throw new InputError(`${error.option}: ${error.message}`);
        }
        throw error;
      }
      const yaml = applicationToYaml(application);
      const target = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.targetPath ?? 'application.yaml',
      );
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, yaml, 'utf8');
      ctx.logger.info(
        `Built Application ${application.metadata.namespace}/${application.metadata.name} ` +
          `(${application.spec.components[0].type}) into ${
            ctx.input.targetPath ?? 'application.yaml'
          }`,
      );
      ctx.output(
        'application',
        application as unknown as Record<string, unknown>,
      );
      ctx.output('yaml', yaml);
      ctx.output('name', application.metadata.name);
      ctx.output(
        'namespace',
        application.metadata.namespace ?? parsed.spec.namespace,
      );
      ctx.output('componentType', application.spec.components[0].type);
      ctx.output(
        'tableName',
        `${parsed.spec.tableNamePrefix}${parsed.spec.tableName}`,
      );
    },
  });
}
