import {
  ANNOTATION_STAND_IN,
  type AttributeDefinition,
  type AttributeType,
  type BillingMode,
  type KeySchemaElement,
  type ProjectionType,
  type StreamViewType,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import { condition, conditionsOf } from '../status/conditions';
import type {
  AnyCrossplaneTableParameters,
  CrossplaneTable,
} from './crossplaneTableTypes';
import type {
  DesiredIndex,
  DesiredTable,
  EngineResourceModel,
  ObservedEngineState,
  Throughput,
} from './types';
import { text } from './jsonFields';

export * from './crossplaneTableTypes';

/** The API groups of the Crossplane `Table`: cluster-scoped, and namespaced (Crossplane v2). */
export const CROSSPLANE_TABLE_GROUPS = [
  'dynamodb.aws.upbound.io',
  'dynamodb.aws.m.upbound.io',
] as const;

/** The annotation naming the external resource (the DynamoDB table's name). */
export const CROSSPLANE_EXTERNAL_NAME = 'crossplane.io/external-name';

/**
 * The tags the provider stamps on every taggable resource's `spec.forProvider.tags` (upjet's
 * tagger): they identify the managed resource, they are not something the user asked for.
 */
export const CROSSPLANE_OWN_TAG_KEYS = [
  'crossplane-kind',
  'crossplane-name',
  'crossplane-providerconfig',
] as const;

type Json = Record<string, unknown>;

/** The DynamoDB table's name: the external-name annotation, else the resource's name. */
export function crossplaneTableName(object: KubeObject): string | undefined {
  return (
    text(object.metadata.annotations?.[CROSSPLANE_EXTERNAL_NAME]) ??
    text(object.metadata.name)
  );
}

/**
 * A single nested block in either shape: the first item of the cluster-scoped v1beta1 one-item
 * list, or the object of v1beta2 and the namespaced group. Undefined when absent.
 */
export function crossplaneBlock(value: unknown): Json | undefined {
  if (Array.isArray(value)) return value.length ? obj(value[0]) : undefined;
  return value && typeof value === 'object' ? (value as Json) : undefined;
}

/**
 * Reads provider parameters (`forProvider`, `initProvider` or `atProvider`, any shape) as the
 * engine-neutral table. Settings the parameters leave out stay undefined: the provider's
 * Terraform defaults are applied by whoever compares, never here.
 */
export function tableFromCrossplaneParameters(
  parameters: AnyCrossplaneTableParameters | Json,
  tableName: string,
): DesiredTable {
  const p = parameters as Json;
  const hashKey = text(p.hashKey);
  const rangeKey = text(p.rangeKey);
  const ttl = crossplaneBlock(p.ttl);
  const sse = crossplaneBlock(p.serverSideEncryption);
  const pitr = crossplaneBlock(p.pointInTimeRecovery);
  const sseEnabled = sse ? sse.enabled === true : undefined;
  return {
    tableName,
    region: text(p.region),
    attributeDefinitions: list(p.attribute).map(
      (a): AttributeDefinition => ({
        attributeName: text(a.name) ?? '',
        attributeType: (text(a.type) ?? 'S') as AttributeType,
      }),
    ),
    keySchema: keys(hashKey, rangeKey),
    billingMode: text(p.billingMode) as BillingMode | undefined,
    provisionedThroughput: throughput(p.readCapacity, p.writeCapacity),
    ttl: ttl
      ? {
          enabled: ttl.enabled === true,
          attributeName: text(ttl.attributeName),
        }
      : undefined,
    stream:
      typeof p.streamEnabled === 'boolean'
        ? {
            enabled: p.streamEnabled,
            viewType: text(p.streamViewType) as StreamViewType | undefined,
          }
        : undefined,
    // The provider has no SSE type: enabled means a KMS key, disabled the AWS owned key.
    encryption:
      sseEnabled === undefined
        ? undefined
        : {
            enabled: sseEnabled,
            sseType: sseEnabled ? 'KMS' : undefined,
            kmsKeyId: text(sse?.kmsKeyArn),
          },
    deletionProtection:
      typeof p.deletionProtectionEnabled === 'boolean'
        ? p.deletionProtectionEnabled
        : undefined,
    pointInTimeRecovery: pitr ? pitr.enabled === true : undefined,
    globalSecondaryIndexes: list(p.globalSecondaryIndex).map(
      (i): DesiredIndex => ({
        indexName: text(i.name) ?? '',
        keySchema: indexKeys(i),
        projectionType: text(i.projectionType) as ProjectionType | undefined,
        nonKeyAttributes: strings(i.nonKeyAttributes),
        provisionedThroughput: throughput(i.readCapacity, i.writeCapacity),
      }),
    ),
    // An LSI shares the table's partition key; the provider only stores its sort key.
    localSecondaryIndexes: list(p.localSecondaryIndex).map(
      (i): DesiredIndex => ({
        indexName: text(i.name) ?? '',
        keySchema: keys(hashKey, text(i.rangeKey)),
        projectionType: text(i.projectionType) as ProjectionType | undefined,
        nonKeyAttributes: strings(i.nonKeyAttributes),
      }),
    ),
    tags: userTags(p.tags),
    tableClass: text(p.tableClass),
  };
}

/**
 * The table as the provider last observed it (`status.atProvider`), in the same terms as
 * {@link crossplaneTableModel}'s desired table; undefined before the first observation.
 */
export function readCrossplaneObservedTable(
  object: KubeObject,
): DesiredTable | undefined {
  const atProvider = obj(obj(object.status).atProvider);
  if (Object.keys(atProvider).length === 0) return undefined;
  const tableName = text(atProvider.id) ?? crossplaneTableName(object) ?? '';
  return tableFromCrossplaneParameters(atProvider, tableName);
}

/**
 * `spec.forProvider` over `spec.initProvider`: what the provider creates the table with (upjet
 * merges `initProvider` into the parameters; `forProvider` wins on conflicts).
 */
export function crossplaneMergedParameters(object: KubeObject): Json {
  const spec = obj(object.spec);
  return mergeObjects(obj(spec.initProvider), obj(spec.forProvider));
}

/** The model of the Crossplane `Table` (all three shapes). */
export const crossplaneTableModel: EngineResourceModel<CrossplaneTable> = {
  groups: CROSSPLANE_TABLE_GROUPS,
  kind: 'Table',
  is(object: KubeObject): object is CrossplaneTable {
    const group = (object.apiVersion ?? '').split('/')[0];
    return (
      object.kind === 'Table' &&
      (CROSSPLANE_TABLE_GROUPS as readonly string[]).includes(group)
    );
  },
  readDesiredTable(object) {
    const tableName = crossplaneTableName(object);
    if (!tableName) return undefined;
    return tableFromCrossplaneParameters(
      crossplaneMergedParameters(object),
      tableName,
    );
  },
  readObservedState(object): ObservedEngineState {
    const conditions = conditionsOf(object);
    const state: ObservedEngineState = {
      conditions,
      deleting: !!object.metadata.deletionTimestamp,
    };
    const arn = text(obj(obj(object.status).atProvider).arn);
    if (arn) state.tableArn = arn;
    const readyReason = condition(conditions, 'Ready')?.reason;
    if (readyReason) state.state = readyReason;
    const standIn = object.metadata.annotations?.[ANNOTATION_STAND_IN];
    if (standIn) state.standIn = standIn;
    return state;
  },
};

function keys(hashKey?: string, rangeKey?: string): KeySchemaElement[] {
  const out: KeySchemaElement[] = [];
  if (hashKey) out.push({ attributeName: hashKey, keyType: 'HASH' });
  if (rangeKey) out.push({ attributeName: rangeKey, keyType: 'RANGE' });
  return out;
}

/** A GSI's keys: `hashKey`/`rangeKey`, or the newer multi-attribute `keySchema` list. */
function indexKeys(index: Json): KeySchemaElement[] {
  const fromFields = keys(text(index.hashKey), text(index.rangeKey));
  if (fromFields.length) return fromFields;
  return list(index.keySchema).map(k => ({
    attributeName: text(k.attributeName) ?? '',
    keyType: k.keyType === 'RANGE' ? 'RANGE' : 'HASH',
  }));
}

function throughput(read: unknown, write: unknown): Throughput | undefined {
  if (typeof read !== 'number' && typeof write !== 'number') return undefined;
  return {
    readCapacityUnits: typeof read === 'number' ? read : 0,
    writeCapacityUnits: typeof write === 'number' ? write : 0,
  };
}

function userTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(value))) {
    if ((CROSSPLANE_OWN_TAG_KEYS as readonly string[]).includes(k)) continue;
    if (typeof v === 'string') tags[k] = v;
  }
  return tags;
}

/** Deep merge of plain objects; `over` wins, lists are replaced whole. */
function mergeObjects(under: Json, over: Json): Json {
  const out: Json = { ...under };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const base = out[k];
    out[k] =
      isPlainObject(base) && isPlainObject(v) ? mergeObjects(base, v) : v;
  }
  return out;
}

function isPlainObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function obj(value: unknown): Json {
  return isPlainObject(value) ? value : {};
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : undefined;
}
