import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** The step that builds the adopting Application, as both examples start. */
function adoptStep(input: Record<string, unknown>) {
  return {
    id: 'adopt',
    action: 'kubevela:table:adopt',
    name: 'Build the adopting Application',
    input,
  };
}

/** Examples shown in the portal's action list; `adoptTable.integration.test.ts` runs each. */
export const adoptTableExamples: TemplateExample[] = [
  {
    description:
      'Adopt an existing table read-only with Crossplane (managementPolicies ["Observe"]) and apply it',
    example: stringify({
      steps: [
        adoptStep({
          tableName: 'legacy-orders',
          engine: 'crossplane',
          mode: 'observe',
          applicationName: 'legacy-orders',
          namespace: 'team-a',
        }),
        {
          id: 'apply',
          action: 'kubevela:application:apply',
          name: 'Apply and wait',
          input: {
            application: '${{ steps.adopt.output.application }}',
            wait: true,
          },
        },
      ],
    }),
  },
  {
    description:
      'Take an existing table over with KRO + ACK (adopt-or-create), keeping it if the Application is deleted',
    example: stringify({
      steps: [
        adoptStep({
          tableName: 'legacy-orders',
          engine: 'kro-simplified',
          mode: 'manage',
          retainTable: true,
          applicationName: 'legacy-orders',
          namespace: 'team-a',
        }),
      ],
    }),
  },
];
