import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';
import { EXAMPLE_BUILD_STEP } from './exampleTable';

/** Examples shown in the portal's action list; `clusterExamples.integration.test.ts` runs each. */
export const applyApplicationExamples: TemplateExample[] = [
  {
    description:
      'Validate the Application built by an earlier step on the server, without storing it',
    example: stringify({
      steps: [
        EXAMPLE_BUILD_STEP,
        {
          id: 'validate',
          action: 'kubevela:application:apply',
          name: 'Validate on the cluster',
          input: {
            application: '${{ steps.build.output.application }}',
            dryRun: true,
          },
        },
      ],
    }),
  },
  {
    description:
      'Apply application.yaml from the workspace and wait up to ten minutes until it is healthy, logging progress',
    example: stringify({
      steps: [
        EXAMPLE_BUILD_STEP,
        {
          id: 'apply',
          action: 'kubevela:application:apply',
          name: 'Apply and wait',
          input: {
            manifestPath: 'application.yaml',
            cluster: 'local',
            wait: true,
            timeoutSeconds: 600,
          },
        },
      ],
    }),
  },
];
