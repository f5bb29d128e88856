import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../../api/types';

const base: TableStatusResponse = {
  phase: 'Ready',
  summary: 'Crossplane reports the table Ready and Synced',
  engine: 'crossplane',
  cluster: 'local',
  application: {
    name: 'orders',
    namespace: 'team-a',
    phase: 'running',
    components: [{ name: 'orders-table', healthy: true }],
  },
  engineResources: [
    {
      apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
      kind: 'Table',
      name: 'orders-table',
      namespace: 'team-a',
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'Available',
          lastTransitionTime: '2026-01-01T00:00:42Z',
        },
        {
          type: 'Synced',
          status: 'True',
          reason: 'ReconcileSuccess',
          lastTransitionTime: '2026-01-01T00:00:05Z',
        },
      ],
    },
  ],
  tableName: 'orders-table',
  tableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'N' },
  ],
  billingMode: 'PAY_PER_REQUEST',
  enabledFeatures: ['ttl', 'protection'],
  phaseTimestamps: {
    Provisioning: '2026-01-01T00:00:00Z',
    Ready: '2026-01-01T00:00:42Z',
  },
  observedAt: '2026-01-01T00:01:00Z',
};

/** A TableStatus in each phase, shaped as the backend answers it. */
export const TABLE_STATUSES: Record<TablePhase, TableStatusResponse> = {
  Ready: {
    ...base,
    dynamoDb: {
      tableStatus: 'ACTIVE',
      tableArn: base.tableArn,
      keySchema: base.keySchema!,
      attributeDefinitions: base.attributeDefinitions!,
      billingMode: 'PAY_PER_REQUEST',
      globalSecondaryIndexNames: [],
      localSecondaryIndexNames: [],
      itemCount: 12,
      observedAt: '2026-01-01T00:01:00Z',
    },
    drift: [{ field: 'pointInTimeRecovery', desired: 'true', actual: 'false' }],
  },
  Provisioning: {
    ...base,
    phase: 'Provisioning',
    summary: 'Crossplane reports Ready=False (Creating)',
    tableArn: undefined,
    engineResources: [
      {
        ...base.engineResources[0],
        conditions: [
          {
            type: 'Ready',
            status: 'False',
            reason: 'Creating',
            lastTransitionTime: '2026-01-01T00:00:05Z',
          },
        ],
      },
    ],
    phaseTimestamps: { Provisioning: '2026-01-01T00:00:00Z' },
    dynamoDbError:
      "DynamoDB table 'orders-table' does not exist at 127.0.0.1 region us-west-2",
  },
  Degraded: {
    ...base,
    phase: 'Degraded',
    summary:
      'the table exists but the provider cannot apply changes (ReconcileError): throttled',
    engineResources: [
      {
        ...base.engineResources[0],
        conditions: [
          { type: 'Ready', status: 'True', reason: 'Available' },
          {
            type: 'Synced',
            status: 'False',
            reason: 'ReconcileError',
            message: 'throttled',
          },
        ],
      },
    ],
    phaseTimestamps: {
      ...base.phaseTimestamps,
      Degraded: '2026-01-01T00:05:00Z',
    },
  },
  Failed: {
    ...base,
    phase: 'Failed',
    summary:
      'AWS or the provider refused the table (ReconcileError): ValidationException: bad key',
    tableArn: undefined,
    engineResources: [
      {
        ...base.engineResources[0],
        conditions: [
          {
            type: 'Synced',
            status: 'False',
            reason: 'ReconcileError',
            message: 'ValidationException: bad key',
          },
        ],
      },
    ],
    phaseTimestamps: {
      Provisioning: '2026-01-01T00:00:00Z',
      Failed: '2026-01-01T00:00:09Z',
    },
  },
  Deleting: {
    ...base,
    phase: 'Deleting',
    summary: 'the Application is being deleted',
    phaseTimestamps: {
      ...base.phaseTimestamps,
      Deleting: '2026-01-02T00:00:00Z',
    },
  },
  Unknown: {
    ...base,
    phase: 'Unknown',
    summary:
      'KubeVela reports the Application running, but its engine resources could not be read',
    engineResources: [],
    tableName: undefined,
    tableArn: undefined,
    keySchema: undefined,
    attributeDefinitions: undefined,
    billingMode: undefined,
    enabledFeatures: [],
    phaseTimestamps: {},
  },
};
