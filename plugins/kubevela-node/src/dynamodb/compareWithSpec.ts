import type {
  TableDrift,
  TableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  DynamoDbIndexView,
  DynamoDbTableDescription,
} from './describeDynamoDbTable';

/** The settings of a table the cluster asks for, as compared with DynamoDB. */
export type DesiredTableSettings = Pick<
  TableSpec,
  | 'keySchema'
  | 'attributeDefinitions'
  | 'billingMode'
  | 'readCapacityUnits'
  | 'writeCapacityUnits'
  | 'ttl'
  | 'stream'
  | 'encryption'
  | 'deletionProtection'
  | 'pointInTimeRecovery'
  | 'globalSecondaryIndexes'
  | 'localSecondaryIndexes'
>;

function show(v: unknown): string {
  if (v === undefined) return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function keyText(
  keys: Array<{ attributeName: string; keyType: string }>,
): string {
  return keys.map(k => `${k.attributeName}:${k.keyType}`).join(',');
}

function indexText(i: {
  keySchema: Array<{ attributeName: string; keyType: string }>;
  projectionType?: string;
}): string {
  return `${keyText(i.keySchema)} ${i.projectionType ?? 'ALL'}`;
}

/**
 * The differences between what the cluster asks for and what DynamoDB has: billing mode (capacity
 * only when PROVISIONED), keys, TTL, streams, PITR, deletion protection, GSIs/LSIs and SSE.
 * `desired` is the cluster's value, `actual` DynamoDB's.
 */
export function compareWithSpec(
  view: DynamoDbTableDescription,
  desired: DesiredTableSettings,
): TableDrift[] {
  const drift: TableDrift[] = [];
  const add = (field: string, want: unknown, have: unknown) => {
    if (show(want) !== show(have))
      drift.push({ field, desired: show(want), actual: show(have) });
  };
  add('keySchema', keyText(desired.keySchema), keyText(view.keySchema));
  const types = new Map(
    view.attributeDefinitions.map(a => [a.attributeName, a.attributeType]),
  );
  for (const a of desired.attributeDefinitions) {
    if (types.has(a.attributeName))
      add(
        `attributeDefinitions.${a.attributeName}`,
        a.attributeType,
        types.get(a.attributeName),
      );
  }
  add('billingMode', desired.billingMode, view.billingMode ?? 'PROVISIONED');
  if (
    desired.billingMode === 'PROVISIONED' &&
    view.billingMode === 'PROVISIONED'
  ) {
    add(
      'readCapacityUnits',
      desired.readCapacityUnits,
      view.provisionedThroughput?.readCapacityUnits,
    );
    add(
      'writeCapacityUnits',
      desired.writeCapacityUnits,
      view.provisionedThroughput?.writeCapacityUnits,
    );
  }
  const ttlOn = desired.ttl?.enabled === true;
  add('ttl.enabled', ttlOn, view.ttlEnabled);
  if (ttlOn && view.ttlEnabled)
    add('ttl.attributeName', desired.ttl?.attributeName, view.ttlAttributeName);
  const streamOn = desired.stream?.enabled === true;
  add('stream.enabled', streamOn, view.streamEnabled);
  if (streamOn && view.streamEnabled)
    add('stream.viewType', desired.stream?.viewType, view.streamViewType);
  add(
    'pointInTimeRecovery',
    desired.pointInTimeRecovery,
    view.pointInTimeRecoveryEnabled,
  );
  add(
    'deletionProtection',
    desired.deletionProtection,
    view.deletionProtectionEnabled === true,
  );
  const sseOn = desired.encryption?.enabled === true;
  add('encryption.enabled', sseOn, view.sseType !== undefined);
  if (sseOn && view.sseType)
    add('encryption.sseType', desired.encryption?.sseType, view.sseType);
  compareIndexes(
    'globalSecondaryIndexes',
    desired.globalSecondaryIndexes,
    view.globalSecondaryIndexes,
    add,
  );
  compareIndexes(
    'localSecondaryIndexes',
    desired.localSecondaryIndexes,
    view.localSecondaryIndexes,
    add,
  );
  return drift;
}

function compareIndexes(
  field: string,
  desired: Array<{
    indexName: string;
    keySchema: Array<{ attributeName: string; keyType: string }>;
    projectionType: string;
  }>,
  actual: DynamoDbIndexView[],
  add: (field: string, want: unknown, have: unknown) => void,
) {
  const have = new Map(actual.map(i => [i.indexName, i]));
  for (const i of desired) {
    const a = have.get(i.indexName);
    add(`${field}.${i.indexName}`, indexText(i), a ? indexText(a) : undefined);
    have.delete(i.indexName);
  }
  for (const [name, a] of have)
    add(`${field}.${name}`, undefined, indexText(a));
}
