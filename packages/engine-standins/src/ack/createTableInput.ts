import type {
  CreateTableInput,
  KeySchemaElement,
  Projection,
  ProvisionedThroughput,
} from '@aws-sdk/client-dynamodb';
import type {
  AckKeySchemaElement,
  AckProjection,
  AckProvisionedThroughput,
  AckTableSpec,
} from '@vela-tables/plugin-kubevela-node';

/*
 * spec -> CreateTable, as the controller's generated newCreateRequestPayload builds it: every
 * field the spec sets is copied as it is (no defaults: a spec without billingMode creates a
 * PROVISIONED table, as DynamoDB decides), fields the spec leaves out are left out.
 */

function keySchema(keys: AckKeySchemaElement[]): KeySchemaElement[] {
  return keys.map(k => ({
    AttributeName: k.attributeName,
    KeyType: k.keyType as KeySchemaElement['KeyType'],
  }));
}

function projection(p: AckProjection): Projection {
  const out: Projection = {};
  if (p.nonKeyAttributes) out.NonKeyAttributes = [...p.nonKeyAttributes];
  if (p.projectionType !== undefined) {
    out.ProjectionType = p.projectionType as Projection['ProjectionType'];
  }
  return out;
}

function throughput(t: AckProvisionedThroughput): ProvisionedThroughput {
  const out: Partial<ProvisionedThroughput> = {};
  if (t.readCapacityUnits !== undefined)
    out.ReadCapacityUnits = t.readCapacityUnits;
  if (t.writeCapacityUnits !== undefined) {
    out.WriteCapacityUnits = t.writeCapacityUnits;
  }
  return out as ProvisionedThroughput;
}

/** The CreateTable request for a spec (its tags already merged with the controller's tags). */
export function createTableInput(spec: AckTableSpec): CreateTableInput {
  const input: Partial<CreateTableInput> = {};
  if (spec.attributeDefinitions) {
    input.AttributeDefinitions = spec.attributeDefinitions.map(a => ({
      AttributeName: a.attributeName,
      AttributeType: a.attributeType as 'S' | 'N' | 'B',
    }));
  }
  if (spec.billingMode !== undefined) {
    input.BillingMode = spec.billingMode as CreateTableInput['BillingMode'];
  }
  if (spec.deletionProtectionEnabled !== undefined) {
    input.DeletionProtectionEnabled = spec.deletionProtectionEnabled;
  }
  if (spec.globalSecondaryIndexes) {
    input.GlobalSecondaryIndexes = spec.globalSecondaryIndexes.map(g => ({
      IndexName: g.indexName,
      KeySchema: g.keySchema ? keySchema(g.keySchema) : undefined,
      Projection: g.projection ? projection(g.projection) : undefined,
      ProvisionedThroughput: g.provisionedThroughput
        ? throughput(g.provisionedThroughput)
        : undefined,
      OnDemandThroughput: g.onDemandThroughput && {
        MaxReadRequestUnits: g.onDemandThroughput.maxReadRequestUnits,
        MaxWriteRequestUnits: g.onDemandThroughput.maxWriteRequestUnits,
      },
    })) as CreateTableInput['GlobalSecondaryIndexes'];
  }
  if (spec.keySchema) input.KeySchema = keySchema(spec.keySchema);
  if (spec.localSecondaryIndexes) {
    input.LocalSecondaryIndexes = spec.localSecondaryIndexes.map(l => ({
      IndexName: l.indexName,
      KeySchema: l.keySchema ? keySchema(l.keySchema) : undefined,
      Projection: l.projection ? projection(l.projection) : undefined,
    })) as CreateTableInput['LocalSecondaryIndexes'];
  }
  if (spec.onDemandThroughput) {
    input.OnDemandThroughput = {
      MaxReadRequestUnits: spec.onDemandThroughput.maxReadRequestUnits,
      MaxWriteRequestUnits: spec.onDemandThroughput.maxWriteRequestUnits,
    };
  }
  if (spec.provisionedThroughput) {
    input.ProvisionedThroughput = throughput(spec.provisionedThroughput);
  }
  if (spec.sseSpecification) {
    const sse = spec.sseSpecification;
    input.SSESpecification = {};
    if (sse.enabled !== undefined) input.SSESpecification.Enabled = sse.enabled;
    if (sse.kmsMasterKeyID !== undefined) {
      input.SSESpecification.KMSMasterKeyId = sse.kmsMasterKeyID;
    }
    if (sse.sseType !== undefined) {
      input.SSESpecification.SSEType = sse.sseType as 'KMS' | 'AES256';
    }
  }
  if (spec.streamSpecification) {
    const stream = spec.streamSpecification;
    input.StreamSpecification = {} as CreateTableInput['StreamSpecification'];
    if (stream.streamEnabled !== undefined) {
      input.StreamSpecification!.StreamEnabled = stream.streamEnabled;
    }
    if (stream.streamViewType !== undefined) {
      input.StreamSpecification!.StreamViewType =
        stream.streamViewType as 'NEW_AND_OLD_IMAGES';
    }
  }
  if (spec.tableClass !== undefined) {
    input.TableClass = spec.tableClass as CreateTableInput['TableClass'];
  }
  if (spec.tableName !== undefined) input.TableName = spec.tableName;
  if (spec.tags) {
    input.Tags = spec.tags.map(t => ({ Key: t.key!, Value: t.value! }));
  }
  return input as CreateTableInput;
}

/**
 * The required fields a CreateTable request lacks: Go's SDK refuses such a request before
 * sending it, and the controller reports that refusal.
 */
export function missingCreateTableFields(input: CreateTableInput): string[] {
  const missing: string[] = [];
  if (!input.AttributeDefinitions) missing.push('AttributeDefinitions');
  if (!input.KeySchema) missing.push('KeySchema');
  if (input.TableName === undefined) missing.push('TableName');
  if (input.ProvisionedThroughput) {
    if (input.ProvisionedThroughput.ReadCapacityUnits === undefined) {
      missing.push('ProvisionedThroughput.ReadCapacityUnits');
    }
    if (input.ProvisionedThroughput.WriteCapacityUnits === undefined) {
      missing.push('ProvisionedThroughput.WriteCapacityUnits');
    }
  }
  return missing;
}
