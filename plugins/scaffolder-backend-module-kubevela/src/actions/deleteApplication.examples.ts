import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

function deleteStep(input: Record<string, unknown>) {
  return stringify({
    steps: [
      {
        id: 'delete',
        action: 'kubevela:application:delete',
        name: 'Delete the table',
        input: {
          name: '${{ parameters.name }}',
          namespace: '${{ parameters.namespace }}',
          ...input,
        },
      },
    ],
  });
}

/** Examples shown in the portal's action list; `clusterExamples.integration.test.ts` runs each. */
export const deleteApplicationExamples: TemplateExample[] = [
  {
    description:
      'Delete the Application and wait up to five minutes until its table is gone from the engine and DynamoDB',
    example: deleteStep({ cluster: 'local', timeoutSeconds: 300 }),
  },
  {
    description:
      'Delete the Application but keep the DynamoDB table (the engine orphans it)',
    example: deleteStep({ keepTable: true }),
  },
  {
    description:
      'Check on the server that the Application could be deleted, without deleting anything',
    example: deleteStep({ dryRun: true }),
  },
];
