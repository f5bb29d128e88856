import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  applicationToYaml,
  buildApplication,
  BuildOptionsError,
  ENGINE_IDS,
} from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { adoptTableExamples } from './adoptTable.examples';
import { readAdoptableSpec } from './existingTable/adoptableSpec';
import type { ExistingTableSettings } from './existingTable/adoptableSpec';

/**
 * `kubevela:table:adopt`: reads an existing DynamoDB table and builds the Application that
 * brings it under management without re-creating it: Crossplane read-only (`observe`:
 * managementPolicies ["Observe"]) or managed by its external name (`manage`), KRO through ACK's
 * adopt-or-create. The spec is filled from DynamoDB, complete, so adopting changes nothing in the
 * table. Writes the Application to the workspace; `kubevela:application:apply` applies it.
 */
export function createAdoptTableAction(options: {
  settings: ExistingTableSettings;
}) {
  return createTemplateAction({
    id: 'kubevela:table:adopt',
    description:
      'Reads an existing DynamoDB table and builds the KubeVela Application that adopts it (Crossplane Observe or full management, ACK adopt-or-create on KRO), with every setting taken from DynamoDB.',
    examples: adoptTableExamples,
    // It reads DynamoDB and writes into the workspace only, so a template's dry run can run it.
    supportsDryRun: true,
    schema: {
      input: {
        tableName: z =>
          z
            .string()
            .min(1)
            .describe(
              "The existing table's name in DynamoDB (with the platform's prefix, if it has one)",
            ),
        region: z =>
          z
            .string()
            .optional()
            .describe(
              "The table's region (default: the platform's default region)",
            ),
        engine: z =>
          z
            .enum(ENGINE_IDS as unknown as [EngineId, ...EngineId[]])
            .describe(
              'The engine that takes the table over: crossplane, kro or kro-simplified',
            ),
        mode: z =>
          z
            .enum(['observe', 'manage'])
            .optional()
            .describe(
              'observe: read-only (crossplane only); manage: the engine manages the table from now on (default)',
            ),
        retainTable: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Keep the table in DynamoDB when the Application is deleted (default false; observe always keeps it)',
            ),
        applicationName: z =>
          z
            .string()
            .optional()
            .describe(
              'Application name (default: the table name as a DNS label)',
            ),
        componentName: z =>
          z
            .string()
            .optional()
            .describe('Component name (default: the Application name)'),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('Application namespace (default: default)'),
        cluster: z =>
          z
            .string()
            .optional()
            .describe(
              'Configured cluster whose allowed namespaces apply (default: the first one)',
            ),
        crossplaneScope: z =>
          z
            .enum(['cluster', 'namespaced'])
            .optional()
            .describe(
              'Crossplane Table scope (crossplane only; default cluster)',
            ),
        featureMode: z =>
          z
            .enum(['inline', 'traits'])
            .optional()
            .describe('How kro expresses features (kro only; default traits)'),
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
        table: z =>
          z
            .record(z.string(), z.unknown())
            .describe('The table request read from DynamoDB'),
        tableArn: z => z.string().describe("The table's ARN"),
        notCarried: z =>
          z
            .array(z.string())
            .describe(
              'Settings of the table a table request cannot express (left as they are)',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const described = await readAdoptableSpec(options.settings, {
        ...input,
        crossplane:
          input.engine === 'crossplane' && input.crossplaneScope
            ? { scope: input.crossplaneScope }
            : undefined,
      });
      const mode = input.mode ?? 'manage';
      let application;
      try {
        application = buildApplication(described.spec, {
          entityName: input.entityName,
          sourceTemplate: ctx.templateInfo?.entityRef,
          adoption: { mode, retainTable: input.retainTable },
        });
      } catch (error) {
        if (error instanceof BuildOptionsError) {
          throw new InputError(`${error.option}: ${error.message}`);
        }
        throw error;
      }
      const yaml = applicationToYaml(application);
      const targetPath = input.targetPath ?? 'application.yaml';
      const target = resolveSafeChildPath(ctx.workspacePath, targetPath);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, yaml, 'utf8');
      const { namespace, name } = application.metadata;
      ctx.logger.info(
        `Read table ${input.tableName} (${described.tableArn}) and built Application ${namespace}/${name} ` +
          `(${application.spec.components[0].type}, ${mode}) into ${targetPath}`,
      );
      for (const note of described.notCarried) {
        ctx.logger.warn(`Not carried into the Application: ${note}`);
      }
      ctx.output(
        'application',
        application as unknown as Record<string, unknown>,
      );
      ctx.output('yaml', yaml);
      ctx.output('name', name);
      ctx.output('namespace', namespace);
      ctx.output('componentType', application.spec.components[0].type);
      ctx.output(
        'table',
        JSON.parse(JSON.stringify(described.table)) as Record<string, unknown>,
      );
      ctx.output('tableArn', described.tableArn);
      ctx.output('notCarried', described.notCarried);
    },
  });
}
