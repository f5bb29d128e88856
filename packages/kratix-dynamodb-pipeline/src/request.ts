/**
 * The DynamoDBRequest (dynamodb.kratix.io/v1alpha1) as the pipeline reads it from
 * /kratix/input/object.yaml, checked field by field. The CRD (manifests/kratix/
 * dynamodbrequest-crd.yaml) already refuses most of these mistakes; the pipeline checks again
 * because it must never render a table from an object the CRD did not validate (a request
 * stored before the CRD gained a rule, or an object.yaml written by hand).
 */

/** The request's API group. */
export const REQUEST_GROUP = 'dynamodb.kratix.io';
/** The request's kind. */
export const REQUEST_KIND = 'DynamoDBRequest';

/** One attribute of the key schema. */
export interface AttributeDefinition {
  attributeName: string;
  attributeType: 'S' | 'N' | 'B';
}

/** One key of the primary key. */
export interface KeySchemaElement {
  attributeName: string;
  keyType: 'HASH' | 'RANGE';
}

/** The stream view types DynamoDB offers. */
export const STREAM_VIEW_TYPES = [
  'KEYS_ONLY',
  'NEW_IMAGE',
  'OLD_IMAGE',
  'NEW_AND_OLD_IMAGES',
] as const;

/** The spec of a DynamoDBRequest; optional fields are undefined when the request leaves them out. */
export interface DynamoDbRequestSpec {
  tableName: string;
  region?: string;
  attributeDefinitions: AttributeDefinition[];
  keySchema: KeySchemaElement[];
  tags?: Record<string, string>;
  billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readCapacityUnits?: number;
  writeCapacityUnits?: number;
  ttlAttributeName?: string;
  streamViewType?: (typeof STREAM_VIEW_TYPES)[number];
  pointInTimeRecoveryEnabled?: boolean;
  deletionProtectionEnabled?: boolean;
}

/** A validated DynamoDBRequest. */
export interface DynamoDbRequest {
  name: string;
  namespace: string;
  spec: DynamoDbRequestSpec;
}

/** A request the pipeline refuses; the message names every field that is wrong. */
export class InvalidRequestError extends Error {
  readonly problems: string[];

  constructor(what: string, problems: string[]) {
    super(`${what} is not a valid ${REQUEST_KIND}: ${problems.join('; ')}`);
    this.name = 'InvalidRequestError';
    this.problems = problems;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/**
 * Reads and validates the object of /kratix/input/object.yaml. Throws an
 * {@link InvalidRequestError} that lists every problem, so one run tells the requester all of
 * them.
 */
export function readDynamoDbRequest(object: unknown): DynamoDbRequest {
  if (!isObject(object)) {
    const got = Array.isArray(object) ? 'a list' : typeof object;
    throw new InvalidRequestError('object.yaml', [
      `expected one Kubernetes object, got ${got}`,
    ]);
  }
  const problems: string[] = [];
  const apiVersion = object.apiVersion;
  const group = typeof apiVersion === 'string' ? apiVersion.split('/')[0] : '';
  if (group !== REQUEST_GROUP || object.kind !== REQUEST_KIND) {
    problems.push(
      `apiVersion/kind must be ${REQUEST_GROUP}/*, ${REQUEST_KIND} (got ${String(
        apiVersion,
      )}, ${String(object.kind)})`,
    );
  }
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const name = metadata.name;
  const namespace = metadata.namespace;
  if (!nonEmptyString(name)) problems.push('metadata.name is required');
  if (!nonEmptyString(namespace)) {
    problems.push(
      'metadata.namespace is required (DynamoDBRequest is namespaced)',
    );
  }
  if (!isObject(object.spec)) {
    problems.push('spec is required');
    throw new InvalidRequestError(describe(name, namespace), problems);
  }
  const spec = readSpec(object.spec, problems);
  if (problems.length > 0) {
    throw new InvalidRequestError(describe(name, namespace), problems);
  }
  return { name: name as string, namespace: namespace as string, spec };
}

function describe(name: unknown, namespace: unknown): string {
  return nonEmptyString(name)
    ? `${REQUEST_KIND} ${
        nonEmptyString(namespace) ? `${namespace}/` : ''
      }${name}`
    : 'object.yaml';
}

function readSpec(spec: Json, problems: string[]): DynamoDbRequestSpec {
  const result: DynamoDbRequestSpec = {
    tableName: '',
    attributeDefinitions: [],
    keySchema: [],
  };
  if (
    !nonEmptyString(spec.tableName) ||
    !/^[a-zA-Z0-9_.-]{3,255}$/.test(spec.tableName)
  ) {
    problems.push(
      'spec.tableName is required: 3 to 255 letters, digits, _ . or -',
    );
  } else {
    result.tableName = spec.tableName;
  }
  if (spec.region !== undefined) {
    if (nonEmptyString(spec.region)) result.region = spec.region;
    else problems.push('spec.region must be a non-empty string');
  }
  result.attributeDefinitions = readAttributes(spec, problems);
  result.keySchema = readKeySchema(spec, result.attributeDefinitions, problems);
  readBilling(spec, result, problems);
  if (spec.tags !== undefined) {
    if (
      isObject(spec.tags) &&
      Object.values(spec.tags).every(v => typeof v === 'string')
    ) {
      result.tags = spec.tags as Record<string, string>;
    } else {
      problems.push('spec.tags must map tag keys to string values');
    }
  }
  if (spec.ttlAttributeName !== undefined) {
    if (nonEmptyString(spec.ttlAttributeName)) {
      result.ttlAttributeName = spec.ttlAttributeName;
    } else {
      problems.push('spec.ttlAttributeName must be a non-empty string');
    }
  }
  if (spec.streamViewType !== undefined) {
    const view = spec.streamViewType;
    if (
      typeof view === 'string' &&
      (STREAM_VIEW_TYPES as readonly string[]).includes(view)
    ) {
      result.streamViewType = view as DynamoDbRequestSpec['streamViewType'];
    } else {
      problems.push(
        `spec.streamViewType must be one of ${STREAM_VIEW_TYPES.join(', ')}`,
      );
    }
  }
  for (const flag of [
    'pointInTimeRecoveryEnabled',
    'deletionProtectionEnabled',
  ] as const) {
    if (spec[flag] === undefined) continue;
    if (typeof spec[flag] === 'boolean') result[flag] = spec[flag] as boolean;
    else problems.push(`spec.${flag} must be true or false`);
  }
  return result;
}

function readAttributes(spec: Json, problems: string[]): AttributeDefinition[] {
  const list = spec.attributeDefinitions;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(
      'spec.attributeDefinitions is required: list the attributes of the keys',
    );
    return [];
  }
  const attributes: AttributeDefinition[] = [];
  list.forEach((item, i) => {
    const a = isObject(item) ? item : {};
    if (!nonEmptyString(a.attributeName)) {
      problems.push(
        `spec.attributeDefinitions[${i}].attributeName is required`,
      );
    } else if (!['S', 'N', 'B'].includes(a.attributeType as string)) {
      problems.push(
        `spec.attributeDefinitions[${i}].attributeType must be one of S, N, B`,
      );
    } else {
      attributes.push({
        attributeName: a.attributeName,
        attributeType: a.attributeType as AttributeDefinition['attributeType'],
      });
    }
  });
  return attributes;
}

function readKeySchema(
  spec: Json,
  attributes: AttributeDefinition[],
  problems: string[],
): KeySchemaElement[] {
  const list = spec.keySchema;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(
      'spec.keySchema is required: give exactly one HASH key and at most one RANGE key',
    );
    return [];
  }
  const keys: KeySchemaElement[] = [];
  list.forEach((item, i) => {
    const k = isObject(item) ? item : {};
    if (!nonEmptyString(k.attributeName)) {
      problems.push(`spec.keySchema[${i}].attributeName is required`);
    } else if (k.keyType !== 'HASH' && k.keyType !== 'RANGE') {
      problems.push(`spec.keySchema[${i}].keyType must be one of HASH, RANGE`);
    } else {
      keys.push({ attributeName: k.attributeName, keyType: k.keyType });
    }
  });
  const hashKeys = keys.filter(k => k.keyType === 'HASH').length;
  const rangeKeys = keys.filter(k => k.keyType === 'RANGE').length;
  if (hashKeys !== 1) {
    problems.push(
      `spec.keySchema must have exactly one HASH key, got ${hashKeys}`,
    );
  }
  if (rangeKeys > 1) {
    problems.push(
      `spec.keySchema may have at most one RANGE key, got ${rangeKeys}`,
    );
  }
  for (const key of keys) {
    if (!attributes.some(a => a.attributeName === key.attributeName)) {
      problems.push(
        `spec.keySchema attribute ${key.attributeName} is missing from spec.attributeDefinitions`,
      );
    }
  }
  return keys;
}

function readBilling(
  spec: Json,
  result: DynamoDbRequestSpec,
  problems: string[],
): void {
  const mode = spec.billingMode;
  if (mode !== undefined) {
    if (mode === 'PAY_PER_REQUEST' || mode === 'PROVISIONED') {
      result.billingMode = mode;
    } else {
      problems.push(
        'spec.billingMode must be one of PAY_PER_REQUEST, PROVISIONED',
      );
    }
  }
  for (const units of ['readCapacityUnits', 'writeCapacityUnits'] as const) {
    if (spec[units] === undefined) continue;
    if (positiveInteger(spec[units])) result[units] = spec[units] as number;
    else problems.push(`spec.${units} must be a whole number of at least 1`);
  }
  const hasUnits =
    spec.readCapacityUnits !== undefined ||
    spec.writeCapacityUnits !== undefined;
  if (
    mode === 'PROVISIONED' &&
    (spec.readCapacityUnits === undefined ||
      spec.writeCapacityUnits === undefined)
  ) {
    problems.push(
      'spec.billingMode PROVISIONED needs readCapacityUnits and writeCapacityUnits',
    );
  }
  if (mode !== 'PROVISIONED' && hasUnits) {
    problems.push(
      'spec.readCapacityUnits and writeCapacityUnits need billingMode PROVISIONED',
    );
  }
}
