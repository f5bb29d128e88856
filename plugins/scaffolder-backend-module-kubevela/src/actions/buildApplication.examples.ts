import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples shown in the portal's action list; `buildApplication.examples.test.ts` runs each. */
export const buildApplicationExamples: TemplateExample[] = [
  {
    description:
      'A Crossplane table with a partition key, TTL and point-in-time recovery',
    example: stringify({
      steps: [
        {
          id: 'build',
          action: 'kubevela:application:build',
          name: 'Build the Application',
          input: {
            table: {
              engine: 'crossplane',
              applicationName: 'orders',
              componentName: 'orders-table',
              namespace: 'team-a',
              tableName: 'orders',
              attributeDefinitions: [
                { attributeName: 'orderId', attributeType: 'S' },
              ],
              keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
              ttl: { enabled: true, attributeName: 'expiresAt' },
              pointInTimeRecovery: true,
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'A KRO table with a sort key, a global secondary index and features inline',
    example: stringify({
      steps: [
        {
          id: 'build',
          action: 'kubevela:application:build',
          name: 'Build the Application',
          input: {
            table: {
              engine: 'kro',
              featureMode: 'inline',
              applicationName: 'sessions',
              componentName: 'sessions-table',
              namespace: 'team-a',
              tableName: 'sessions',
              attributeDefinitions: [
                { attributeName: 'userId', attributeType: 'S' },
                { attributeName: 'startedAt', attributeType: 'N' },
                { attributeName: 'deviceId', attributeType: 'S' },
              ],
              keySchema: [
                { attributeName: 'userId', keyType: 'HASH' },
                { attributeName: 'startedAt', keyType: 'RANGE' },
              ],
              stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
              globalSecondaryIndexes: [
                {
                  indexName: 'by-device',
                  keySchema: [{ attributeName: 'deviceId', keyType: 'HASH' }],
                  projectionType: 'KEYS_ONLY',
                },
              ],
            },
            targetPath: 'deploy/application.yaml',
          },
        },
      ],
    }),
  },
  {
    description:
      'GitOps delivery: the Application proposed as a pull request to the repository of ' +
      'kubevela.gitops (repoUrl, targetBranch, path) instead of applied; refused when the ' +
      'platform configures no kubevela.gitops',
    example: stringify({
      steps: [
        {
          id: 'build',
          action: 'kubevela:application:build',
          name: 'Build the Application into the pull request folder',
          input: {
            table: {
              engine: 'kro-simplified',
              applicationName: 'orders',
              componentName: 'orders-table',
              namespace: 'team-a',
              tableName: 'orders',
              attributeDefinitions: [
                { attributeName: 'orderId', attributeType: 'S' },
              ],
              keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
            },
            delivery: 'pullRequest',
          },
        },
        {
          id: 'pull-request',
          action: 'publish:github:pull-request',
          name: 'Propose the Application',
          input: {
            repoUrl: '${{ steps.build.output.pullRequest.repoUrl }}',
            targetBranchName:
              '${{ steps.build.output.pullRequest.targetBranch }}',
            branchName: '${{ steps.build.output.pullRequest.branchName }}',
            sourcePath: '${{ steps.build.output.pullRequest.sourcePath }}',
            title:
              'DynamoDB table orders (${{ steps.build.output.componentType }})',
            description: 'Adds ${{ steps.build.output.pullRequest.filePath }}.',
          },
        },
      ],
    }),
  },
];
