import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the portal's action list; `adoptTable.integration.test.ts` runs each. */
export const describeTableExamples: TemplateExample[] = [
  {
    description:
      'Read an existing table as a kro-simplified table request (to pre-fill a form)',
    example: stringify({
      steps: [
        {
          id: 'describe',
          action: 'kubevela:table:describe',
          name: 'Read the table from DynamoDB',
          input: {
            tableName: 'legacy-orders',
            engine: 'kro-simplified',
            applicationName: 'legacy-orders',
            namespace: 'team-a',
          },
        },
      ],
    }),
  },
];
