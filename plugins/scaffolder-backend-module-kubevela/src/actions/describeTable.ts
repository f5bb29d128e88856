import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { describeTableExamples } from './describeTable.examples';
import { readAdoptableSpec } from './existingTable/adoptableSpec';
import type { ExistingTableSettings } from './existingTable/adoptableSpec';
import {
  engineInput,
  existingTableInputs,
  existingTableOutputs,
  outputExistingTable,
  placementInputs,
} from './existingTable/existingTableFields';

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
        ...existingTableInputs,
        engine: engineInput('The engine the request is for'),
        ...placementInputs,
      },
      output: {
        table: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              'The table request, as kubevela:application:build takes it',
            ),
        ...existingTableOutputs,
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
      outputExistingTable(ctx, described);
    },
  });
}
