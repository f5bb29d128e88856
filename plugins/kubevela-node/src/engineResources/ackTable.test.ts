import { ackReferenceState } from '../__testUtils__/ackReference';
import { ackTableModel } from './ackTable';
import type { AckTable } from './ackTable';

/** State `[n]` of a capture of the real ACK controller, as an ACK Table. */
const referenceState = (file: string, n: number) =>
  ackReferenceState(file, n) as AckTable;

describe('ackTableModel', () => {
  it('reads every setting of a full spec, without defaults (02 create-full [5])', () => {
    const table = referenceState('02-create-full.yaml', 5);
    expect(ackTableModel.is(table)).toBe(true);
    expect(ackTableModel.readDesiredTable(table)).toEqual({
      tableName: 'ack-ref-create-full',
      attributeDefinitions: [
        { attributeName: 'pk', attributeType: 'S' },
        { attributeName: 'sk', attributeType: 'S' },
        { attributeName: 'gsi1pk', attributeType: 'S' },
        { attributeName: 'lsi1sk', attributeType: 'N' },
      ],
      keySchema: [
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ],
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 5 },
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      encryption: { enabled: true, sseType: 'KMS' },
      deletionProtection: true,
      pointInTimeRecovery: true,
      globalSecondaryIndexes: [
        {
          indexName: 'gsi1',
          keySchema: [
            { attributeName: 'gsi1pk', keyType: 'HASH' },
            { attributeName: 'sk', keyType: 'RANGE' },
          ],
          projectionType: 'ALL',
          provisionedThroughput: {
            readCapacityUnits: 3,
            writeCapacityUnits: 2,
          },
        },
      ],
      localSecondaryIndexes: [
        {
          indexName: 'lsi1',
          keySchema: [
            { attributeName: 'pk', keyType: 'HASH' },
            { attributeName: 'lsi1sk', keyType: 'RANGE' },
          ],
          projectionType: 'KEYS_ONLY',
        },
      ],
      tags: { team: 'platform', env: 'reference' },
    });
  });

  it('leaves out what the spec leaves out; the region only from services.k8s.aws/region', () => {
    const table = referenceState('01-create-basic.yaml', 3);
    const desired = ackTableModel.readDesiredTable(table)!;
    expect(desired.region).toBeUndefined();
    expect(desired).not.toHaveProperty('ttl');
    expect(desired).not.toHaveProperty('provisionedThroughput');
    table.metadata.annotations = { 'services.k8s.aws/region': 'eu-west-1' };
    expect(ackTableModel.readDesiredTable(table)!.region).toBe('eu-west-1');
    // an adopted Table may have no spec yet
    expect(
      ackTableModel.readDesiredTable(referenceState('08-adoption.yaml', 1)),
    ).toBeUndefined();
  });

  it('reads the conditions as written, the ARN, tableStatus and the stand-in mark', () => {
    const table = referenceState('05-refusal.yaml', 13);
    const observed = ackTableModel.readObservedState(table);
    expect(observed.conditions.map(c => [c.type, c.status, c.reason])).toEqual([
      ['ACK.Terminal', 'True', undefined],
      ['ACK.ResourceSynced', 'False', 'resource is in terminal condition'],
      ['Ready', 'False', 'ACK.Terminal'],
    ]);
    expect(observed.tableArn).toBeUndefined();
    expect(observed.standIn).toBeUndefined();
    const synced = referenceState('01-create-basic.yaml', 3);
    synced.metadata.annotations = {
      'vela-tables.io/stand-in': 'ACK dynamodb-controller v1.9.2',
    };
    expect(ackTableModel.readObservedState(synced)).toMatchObject({
      tableArn:
        'arn:aws:dynamodb:us-west-2:123456789012:table/ack-ref-create-basic',
      state: 'ACTIVE',
      deleting: false,
      standIn: 'ACK dynamodb-controller v1.9.2',
    });
  });
});
