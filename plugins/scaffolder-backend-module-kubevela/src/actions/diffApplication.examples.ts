import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { EXAMPLE_BUILD_STEP } from './exampleTable';

/** Examples shown in the portal's action list; `clusterExamples.integration.test.ts` runs each. */
export const diffApplicationExamples: TemplateExample[] = [
  {
    description:
      'Show what applying the built Application would change in the live one, before applying it',
    example: stringify({
      steps: [
        EXAMPLE_BUILD_STEP,
        {
          id: 'diff',
          action: 'kubevela:application:diff',
          name: 'Preview the change',
          input: {
            application: '${{ steps.build.output.application }}',
            cluster: 'local',
          },
        },
      ],
    }),
  },
];
