import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ENGINE_IDS } from '@vela-tables/plugin-kubevela-common';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import { describeTableExamples } from './describeTable.examples';
import { readAdoptableSpec } from './existingTable/adoptableSpec';
import type { ExistingTableSettings } from './existingTable/adoptableSpec';

/**
 * `kubevela:table:describe`: reads an existing DynamoDB table (the backend's configured endpoint
 * and credentials, which never leave the backend) and outputs the complete table request that
 * repeats it, validated for the chosen engine. Nothing is changed anywhere.
 */
export function createDescribeTableAction(options: {
  settings: ExistingTableSettings;
}) {
  return createTemplateAction({
    id: 'kubevela:table:describe',
    description:
      'Reads an existing DynamoDB table and outputs the table request (TableSpec) that repeats its settings: keys, billing, indexes, TTL, stream, encryption, backups, protection and tags.',
    examples: describeTableExamples,
    // It only reads DynamoDB, so a template's dry run can run it.
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
            .describe('The engine the request is for'),
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
      },
      output: {
        table: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              'The table request, as kubevela:application:build takes it',
            ),
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
      const described = await readAdoptableSpec(options.settings, ctx.input);
      ctx.logger.info(
        `Read table ${ctx.input.tableName} (${described.tableArn}) from DynamoDB`,
      );
      for (const note of described.notCarried) {
        ctx.logger.warn(`Not carried into the table request: ${note}`);
      }
      ctx.output(
        'table',
        JSON.parse(JSON.stringify(described.table)) as Record<string, unknown>,
      );
      ctx.output('tableArn', described.tableArn);
      ctx.output('notCarried', described.notCarried);
    },
  });
}
