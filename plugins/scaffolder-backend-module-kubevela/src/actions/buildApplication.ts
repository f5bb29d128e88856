import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  applicationToYaml,
  buildApplication,
  ENGINE_IDS,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildApplicationExamples } from './buildApplication.examples';
import { tableSpecInputError } from './tableSpecIssues';

/**
 * `kubevela:application:build`: turns a table request into a KubeVela Application for the chosen
 * engine, validated against DynamoDB's rules and the engine's capabilities, and writes it to the
 * workspace. Nothing touches a cluster.
 */
export function createBuildApplicationAction(options: {
  settings: Pick<KubeVelaConfig, 'allowedNamespaces' | 'tableNamePrefix'>;
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
                'tableName, region, attributeDefinitions, keySchema, billingMode, readCapacityUnits, writeCapacityUnits, ' +
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
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace path of the written Application (default: application.yaml)',
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
      const parsed = parseTableSpec(ctx.input.table, {
        allowedNamespaces: options.settings.allowedNamespaces,
        tableNamePrefix: options.settings.tableNamePrefix,
      });
      if (!parsed.success) {
        throw tableSpecInputError(parsed.issues);
      }
      const application = buildApplication(parsed.spec, {
        entityName: ctx.input.entityName,
        sourceTemplate: ctx.templateInfo?.entityRef,
      });
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
