import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import {
  ENGINE_IDS,
  ENGINES,
  isEngineId,
} from '@vela-tables/plugin-kubevela-common';
import { describeEngineExamples } from './describeEngine.examples';

/**
 * `kubevela:engine:describe`: what an engine offers, so a template or pipeline can show
 * the component type and the trait names it will get before anything is applied.
 */
export function createDescribeEngineAction() {
  return createTemplateAction({
    id: 'kubevela:engine:describe',
    description:
      'Describes an infrastructure engine: its KubeVela component type, trait names and supported features.',
    examples: describeEngineExamples,
    // It only reads the engine catalogue, so a template's dry run can run it.
    supportsDryRun: true,
    schema: {
      input: {
        engine: z =>
          z.string().describe(`Engine id: one of ${ENGINE_IDS.join(', ')}`),
      },
      output: {
        componentType: z => z.string().describe('KubeVela component type'),
        traitTypes: z =>
          z
            .array(z.string())
            .describe('KubeVela trait types the engine accepts'),
        features: z =>
          z.record(z.string()).describe('How each table feature is delivered'),
      },
    },
    async handler(ctx) {
      const { engine } = ctx.input;
      if (!isEngineId(engine)) {
        throw new InputError(
          `engine: unknown engine '${engine}'; expected one of ${ENGINE_IDS.join(
            ', ',
          )}`,
        );
      }
      const definition = ENGINES[engine];
      ctx.output('componentType', definition.componentType);
      ctx.output(
        'traitTypes',
        definition.traits ? Object.values(definition.traits) : [],
      );
      ctx.output('features', { ...definition.features });
    },
  });
}
