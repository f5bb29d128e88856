import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the portal's action list; `describeEngine.examples.test.ts` runs each. */
export const describeEngineExamples: TemplateExample[] = [
  {
    description:
      "Show the component type and trait types of KRO's simplified engine before building",
    example: stringify({
      steps: [
        {
          id: 'engine',
          action: 'kubevela:engine:describe',
          name: 'Describe the engine',
          input: { engine: 'kro-simplified' },
        },
      ],
    }),
  },
  {
    description:
      'Describe the engine the user picked in the form (Kratix takes no traits)',
    example: stringify({
      steps: [
        {
          id: 'engine',
          action: 'kubevela:engine:describe',
          name: 'Describe the engine',
          input: { engine: '${{ parameters.engine }}' },
        },
      ],
    }),
  },
];
