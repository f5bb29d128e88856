import type { TablePhase } from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../../api/types';

/** What Crossplane's provider writes when DynamoDB refuses a table (the AWS error wrapped). */
export const FAILED_MESSAGE =
  'create failed: async create failed: failed to create the resource: [{0 creating AWS DynamoDB Table (orders-table): operation error DynamoDB: CreateTable, https response error StatusCode: 400, RequestID: 1, api error ValidationException: One or more parameter values were invalid: bad key}]';

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
    history: [
      {
        phase: 'Provisioning',
        at: '2026-01-01T00:00:00Z',
        reason: 'Table Ready=False Creating',
      },
      {
        phase: 'Ready',
        at: '2026-01-01T00:00:42Z',
        from: 'Provisioning',
        reason: 'Table Ready=True Available',
      },
    ],
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
    dynamoDbTableMissing: true,
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
      'AWS or the provider refused the table (ReconcileError): api error ValidationException: bad key',
    tableArn: undefined,
    engineResources: [
      {
        ...base.engineResources[0],
        conditions: [
          {
            type: 'Synced',
            status: 'False',
            reason: 'ReconcileError',
            message: FAILED_MESSAGE,
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

/** KRO while the ACK Table is not ACTIVE: the instance's message is its readyWhen CEL expression. */
export const KRO_READY_WHEN_MESSAGE =
  'resource reconciliation failed: apply results contain errors: waiting for node "table": readyWhen condition evaluated to false: "table.?status.?tableStatus.orValue(\\"\\") == \\"ACTIVE\\"" (waiting for readiness)';

/** A KRO table still being created, managed by the local ACK stand-in. */
export const KRO_PROVISIONING: TableStatusResponse = {
  ...TABLE_STATUSES.Provisioning,
  engine: 'kro',
  summary: 'KRO reports IN_PROGRESS',
  engineResources: [
    {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'DynamoDBTable',
      name: 'orders',
      namespace: 'team-a',
      state: 'IN_PROGRESS',
      conditions: [
        {
          type: 'ResourcesReady',
          status: 'False',
          reason: 'NotReady',
          message: KRO_READY_WHEN_MESSAGE,
        },
      ],
    },
    {
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      kind: 'Table',
      name: 'orders',
      namespace: 'team-a',
      state: 'CREATING',
      fromStandIn: true,
      conditions: [
        {
          type: 'ACK.ResourceSynced',
          status: 'False',
          message: 'Resource not synced',
        },
      ],
    },
  ],
  history: [
    {
      phase: 'Provisioning',
      at: '2026-01-01T00:00:00Z',
      reason: `DynamoDBTable ResourcesReady=False NotReady: ${KRO_READY_WHEN_MESSAGE}`,
    },
  ],
};
