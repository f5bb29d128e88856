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
];
