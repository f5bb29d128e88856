import {
  loadReference,
  motoEntry,
  stateOf,
} from './__testUtils__/ackReference';
import { withControllerTags } from './controllerTags';
import { createTableInput, missingCreateTableFields } from './createTableInput';

describe('createTableInput: spec -> CreateTable as the controller sends it', () => {
  it('02 create-full: every field of the spec, and the tags moto ended up with', () => {
    const ref = loadReference('02-create-full.yaml');
    const spec = withControllerTags(stateOf(ref, 1).spec!, 'ack-ref');
    const input = createTableInput(spec);
    const table = motoEntry(ref).describe_table.Table;
    expect(input.TableName).toBe(table.TableName);
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.AttributeDefinitions).toEqual(table.AttributeDefinitions);
    expect(input.KeySchema).toEqual(table.KeySchema);
    expect(input.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 5,
    });
    expect(input.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'gsi1',
        KeySchema: table.GlobalSecondaryIndexes[0].KeySchema,
        Projection: { ProjectionType: 'ALL' },
        ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 2 },
      },
    ]);
    expect(input.LocalSecondaryIndexes).toEqual(
      table.LocalSecondaryIndexes.map((l: Record<string, unknown>) => ({
        IndexName: l.IndexName,
        KeySchema: l.KeySchema,
        Projection: l.Projection,
      })),
    );
    expect(input.StreamSpecification).toEqual(table.StreamSpecification);
    expect(input.SSESpecification).toEqual({ Enabled: true, SSEType: 'KMS' });
    expect(input.DeletionProtectionEnabled).toBe(true);
    expect(input.Tags).toEqual(motoEntry(ref).list_tags_of_resource.Tags);
  });

  it('01 create-basic: only what the spec sets, plus the two controller tags', () => {
    const ref = loadReference('01-create-basic.yaml');
    const input = createTableInput(
      withControllerTags(stateOf(ref, 1).spec!, 'ack-ref'),
    );
    expect(input).toEqual({
      TableName: 'ack-ref-create-basic',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      Tags: motoEntry(ref).list_tags_of_resource.Tags,
    });
  });

  it('05 refusals: sends what DynamoDB refuses as it is (PAY_PER_REQUEST with throughput, no billing mode)', () => {
    const ref = loadReference('05-refusal.yaml');
    const ppr = createTableInput(stateOf(ref, 11).spec!);
    expect(ppr.BillingMode).toBe('PAY_PER_REQUEST');
    expect(ppr.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 5,
    });
    const noBilling = createTableInput(stateOf(ref, 14).spec!);
    expect(noBilling).not.toHaveProperty('BillingMode');
    expect(noBilling).not.toHaveProperty('ProvisionedThroughput');
  });

  it('names the required fields a spec-less Table leaves out (Go SDK refuses such a call)', () => {
    expect(missingCreateTableFields(createTableInput({}))).toEqual([
      'AttributeDefinitions',
      'KeySchema',
      'TableName',
    ]);
    expect(
      missingCreateTableFields(
        createTableInput({
          tableName: 't',
          keySchema: [],
          attributeDefinitions: [],
          provisionedThroughput: { readCapacityUnits: 1 },
        }),
      ),
    ).toEqual(['ProvisionedThroughput.WriteCapacityUnits']);
  });
});
