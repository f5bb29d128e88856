import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the portal's action list; `migrateEngine.integration.test.ts` runs each. */
export const migrateEngineExamples: TemplateExample[] = [
  {
    description:
      'Show what moving a Crossplane table to KRO Simplified would change (server-side dry run only)',
    example: stringify({
      steps: [
        {
          id: 'preview',
          action: 'kubevela:table:migrate',
          name: 'Dry-run diff',
          input: {
            name: 'orders',
            namespace: 'team-a',
            to: 'kro-simplified',
            dryRun: true,
          },
        },
      ],
    }),
  },
  {
    description:
      'Move a Crossplane table to KRO Simplified, keeping the table and its ARN',
    example: stringify({
      steps: [
        {
          id: 'migrate',
          action: 'kubevela:table:migrate',
          name: 'Migrate',
          input: { name: 'orders', namespace: 'team-a', to: 'kro-simplified' },
        },
      ],
    }),
  },
];
