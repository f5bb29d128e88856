import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { buildApplication } from '@vela-tables/plugin-kubevela-common';
import { adoptTableExamples } from './adoptTable.examples';
import { readAdoptableSpec } from './existingTable/adoptableSpec';
import type { ExistingTableSettings } from './existingTable/adoptableSpec';
import {
  engineInput,
  existingTableInputs,
  existingTableOutputs,
  outputExistingTable,
  placementInputs,
} from './existingTable/existingTableFields';
import {
  buildingApplication,
  entityNameInput,
  targetPathInput,
  writeApplication,
  writtenApplicationOutputs,
} from './writtenApplication';

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
        ...existingTableInputs,
        engine: engineInput(
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
        ...placementInputs,
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
        entityName: entityNameInput,
        targetPath: targetPathInput,
      },
      output: {
        ...writtenApplicationOutputs,
        table: z =>
          z
            .record(z.string(), z.unknown())
            .describe('The table request read from DynamoDB'),
        ...existingTableOutputs,
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
      const application = buildingApplication(() =>
        buildApplication(described.spec, {
          entityName: input.entityName,
          sourceTemplate: ctx.templateInfo?.entityRef,
          adoption: { mode, retainTable: input.retainTable },
        }),
      );
      const { targetPath } = await writeApplication({
        application,
        workspacePath: ctx.workspacePath,
        targetPath: input.targetPath,
        ctx,
      });
      const { namespace, name } = application.metadata;
      ctx.logger.info(
        `Read table ${input.tableName} (${described.tableArn}) and built Application ${namespace}/${name} ` +
          `(${application.spec.components[0].type}, ${mode}) into ${targetPath}`,
      );
      for (const note of described.notCarried) {
        ctx.logger.warn(`Not carried into the Application: ${note}`);
      }
      outputExistingTable(ctx, described);
    },
  });
}
