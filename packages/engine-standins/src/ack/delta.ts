import type {
  AckGlobalSecondaryIndex,
  AckKeySchemaElement,
  AckLocalSecondaryIndex,
  AckProjection,
  AckTableSpec,
  AckTag,
} from '@vela-tables/plugin-kubevela-node';

/*
 * The controller's Delta(desired, latest): its customPreCompare (hooks.go) followed by the
 * generated field comparisons (generator.yaml ignores attributeDefinitions, keySchema, GSIs, LSIs,
 * tags and sseSpecification there, because customPreCompare compares them). customPreCompare
 * also fills defaults into `desired` (billing mode PROVISIONED, table class STANDARD, deletion
 * protection off, TTL/PITR off when AWS reports them) and drops provisioned throughput on
 * PAY_PER_REQUEST; those filled-in copies are returned, because the controller goes on using them
 * (update payloads and spec patches are built from them).
 */

/** One comparison's outcome. */
export interface Delta {
  /** Paths that differ, as the controller names them (`Spec.TimeToLive.Enabled`, ...). */
  paths: string[];
  /** `desired` with customPreCompare's defaults filled in. */
  desired: AckTableSpec;
  /** `latest` with provisioned throughput dropped on PAY_PER_REQUEST. */
  latest: AckTableSpec;
}

const isNil = (v: unknown) => v === undefined || v === null;

/** ackcompare.HasNilDifference: exactly one side is unset. */
export function hasNilDifference(a: unknown, b: unknown): boolean {
  return isNil(a) !== isNil(b);
}

/** equalStrings: unset equals the empty string. */
export function equalStrings(a?: string, b?: string): boolean {
  if (isNil(a)) return isNil(b) || b === '';
  return (a === '' && isNil(b)) || a === b;
}

/** equalInt64: unset equals 0. */
export function equalInt64(a?: number, b?: number): boolean {
  if (isNil(a)) return isNil(b) || b === 0;
  return (a === 0 && isNil(b)) || a === b;
}

/** Whether a delta differs at a path or below it. */
export function differentAt(
  paths: readonly string[],
  subject: string,
): boolean {
  return paths.some(p => p === subject || p.startsWith(`${subject}.`));
}

/** Whether a delta differs anywhere but at the given paths (and below them). */
export function differentExcept(
  paths: readonly string[],
  ...subjects: string[]
): boolean {
  return paths.some(p => !subjects.some(s => p === s || p.startsWith(`${s}.`)));
}

/** equalKeySchemaArrays / equalAttributeDefinitions: every element of `a` is in `b` by name. */
function equalByName<T>(
  a: readonly T[],
  b: readonly T[],
  name: (t: T) => string | undefined,
  value: (t: T) => string | undefined,
): boolean {
  return a.every(x => {
    const match = b.filter(y => equalStrings(name(x), name(y)));
    if (!match.length) return false;
    return match.every(y => equalStrings(value(x), value(y)));
  });
}

function equalKeySchema(
  a: readonly AckKeySchemaElement[],
  b: readonly AckKeySchemaElement[],
): boolean {
  return equalByName(
    a,
    b,
    k => k.attributeName,
    k => k.keyType,
  );
}

/** ackcompare.SliceStringPEqual. */
function equalStringLists(
  a?: readonly string[],
  b?: readonly string[],
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function equalProjection(a?: AckProjection, b?: AckProjection): boolean {
  if (hasNilDifference(a, b)) return false;
  if (!a || !b) return true;
  return (
    equalStrings(a.projectionType, b.projectionType) &&
    equalStringLists(a.nonKeyAttributes, b.nonKeyAttributes)
  );
}

function equalIndexKeys(
  a?: readonly AckKeySchemaElement[],
  b?: readonly AckKeySchemaElement[],
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  return x.length === 0 || equalKeySchema(x, y);
}

/**
 * equalGlobalSecondaryIndexes, with its PAY_PER_REQUEST exception: DynamoDB reports {0, 0}
 * throughput for an index the spec gives none.
 */
function equalGsi(
  desired: AckGlobalSecondaryIndex,
  latest: AckGlobalSecondaryIndex,
): boolean {
  const a = desired.provisionedThroughput;
  const b = latest.provisionedThroughput;
  const zero = (t: NonNullable<typeof a>) =>
    (t.readCapacityUnits ?? 0) === 0 && (t.writeCapacityUnits ?? 0) === 0;
  // exactly one side has throughput: equal only when that side is {0, 0}
  if (hasNilDifference(a, b) && !zero((a ?? b)!)) return false;
  if (a && b) {
    if (!equalInt64(a.readCapacityUnits, b.readCapacityUnits)) return false;
    if (!equalInt64(a.writeCapacityUnits, b.writeCapacityUnits)) return false;
  }
  return (
    equalProjection(desired.projection, latest.projection) &&
    equalIndexKeys(desired.keySchema, latest.keySchema)
  );
}

function equalLsi(
  a: AckLocalSecondaryIndex,
  b: AckLocalSecondaryIndex,
): boolean {
  return (
    equalProjection(a.projection, b.projection) &&
    equalIndexKeys(a.keySchema, b.keySchema)
  );
}

/** Indexes of `b` added, changed, and names of `a` removed, matched by name. */
export function indexDelta<T extends { indexName?: string }>(
  a: readonly T[],
  b: readonly T[],
  equal: (x: T, y: T) => boolean,
): { added: T[]; updated: T[]; removed: string[] } {
  const added: T[] = [];
  const updated: T[] = [];
  const removed: string[] = [];
  const seen = new Set<string | undefined>();
  for (const x of a) {
    seen.add(x.indexName);
    const y = b.find(i => i.indexName === x.indexName);
    if (!y) removed.push(x.indexName ?? '');
    else if (!equal(x, y)) updated.push(y);
  }
  for (const y of b) if (!seen.has(y.indexName)) added.push(y);
  return { added, updated, removed };
}

/** GSIs of `desired` to add or update and names to remove, against `latest` (hooks). */
export function gsiDelta(
  latest: readonly AckGlobalSecondaryIndex[],
  desired: readonly AckGlobalSecondaryIndex[],
) {
  return indexDelta(latest, desired, (l, d) => equalGsi(d, l));
}

/**
 * computeTagsDelta(a, b): tags of `a` that `b` lacks or holds with another value (to add), and
 * keys of `b` that `a` lacks (to remove).
 */
export function tagsDelta(
  a: readonly AckTag[],
  b: readonly AckTag[],
): { added: AckTag[]; removed: string[] } {
  const added: AckTag[] = [];
  const removed: string[] = [];
  const seen = new Set<string | undefined>();
  for (const y of b) {
    seen.add(y.key);
    const x = a.find(t => equalStrings(t.key, y.key));
    if (!x) removed.push(y.key ?? '');
    else if (!equalStrings(x.value, y.value)) added.push(x);
  }
  for (const x of a) if (!seen.has(x.key)) added.push(x);
  return { added, removed };
}

function arraysDiffer<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  equal: (x: readonly T[], y: readonly T[]) => boolean,
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return true;
  return !isNil(a) && !isNil(b) && !equal(x, y);
}

/** Compares one optional leaf the way the generated code does. */
function leaf(paths: string[], path: string, a: unknown, b: unknown): void {
  if (hasNilDifference(a, b) || (!isNil(a) && a !== b)) paths.push(path);
}

/** Compares an optional struct and its leaves the way the generated code does. */
function struct<T extends object>(
  paths: string[],
  path: string,
  a: T | undefined,
  b: T | undefined,
  fields: Array<[string, (t: T) => unknown]>,
): void {
  if (hasNilDifference(a, b)) {
    paths.push(path);
    return;
  }
  if (!a || !b) return;
  for (const [name, get] of fields)
    leaf(paths, `${path}.${name}`, get(a), get(b));
}

/** The controller's Delta(desired, latest); neither argument is changed. */
export function computeDelta(
  desiredSpec: AckTableSpec,
  latestSpec: AckTableSpec,
): Delta {
  const a: AckTableSpec = structuredClone(desiredSpec);
  const b: AckTableSpec = structuredClone(latestSpec);
  const paths: string[] = [];

  // customPreCompare
  const sa = a.sseSpecification;
  const sb = b.sseSpecification;
  if (hasNilDifference(sa, sb)) {
    if (sa && !sb) {
      if (sa.enabled) paths.push('Spec.SSESpecification');
    } else {
      paths.push('Spec.SSESpecification');
    }
  } else if (sa && sb) {
    leaf(paths, 'Spec.SSESpecification.Enabled', sa.enabled, sb.enabled);
    if (hasNilDifference(sa.kmsMasterKeyID, sb.kmsMasterKeyID)) {
      if (!isNil(sa.kmsMasterKeyID)) {
        paths.push('Spec.SSESpecification.KMSMasterKeyID');
      }
    } else if (sa.kmsMasterKeyID !== sb.kmsMasterKeyID) {
      paths.push('Spec.SSESpecification.KMSMasterKeyID');
    }
    leaf(paths, 'Spec.SSESpecification.SSEType', sa.sseType, sb.sseType);
  }
  if (arraysDiffer(a.keySchema, b.keySchema, equalKeySchema)) {
    paths.push('Spec.KeySchema');
  }
  if (
    arraysDiffer(a.attributeDefinitions, b.attributeDefinitions, (x, y) =>
      equalByName(
        x,
        y,
        d => d.attributeName,
        d => d.attributeType,
      ),
    )
  ) {
    paths.push('Spec.AttributeDefinitions');
  }
  if (
    arraysDiffer(a.globalSecondaryIndexes, b.globalSecondaryIndexes, (x, y) => {
      const d = gsiDelta(y, x);
      return !d.added.length && !d.updated.length && !d.removed.length;
    })
  ) {
    paths.push('Spec.GlobalSecondaryIndexes');
  }
  if (
    arraysDiffer(a.localSecondaryIndexes, b.localSecondaryIndexes, (x, y) => {
      const d = indexDelta(x, y, equalLsi);
      return !d.added.length && !d.updated.length && !d.removed.length;
    })
  ) {
    paths.push('Spec.LocalSecondaryIndexes');
  }
  a.billingMode ??= 'PROVISIONED';
  a.tableClass ??= 'STANDARD';
  // PAY_PER_REQUEST tables report zero throughput; it is not compared (community issue 1595)
  if (a.billingMode === 'PAY_PER_REQUEST') delete a.provisionedThroughput;
  if (b.billingMode === 'PAY_PER_REQUEST') delete b.provisionedThroughput;
  if (
    arraysDiffer(a.tags, b.tags, (x, y) => {
      const d = tagsDelta(x, y);
      return !d.added.length && !d.removed.length;
    })
  ) {
    paths.push('Spec.Tags');
  }
  if (isNil(a.timeToLive) && !isNil(b.timeToLive)) {
    a.timeToLive = { enabled: false };
  }
  if (
    isNil(a.continuousBackups) &&
    !isNil(b.continuousBackups?.pointInTimeRecoveryEnabled)
  ) {
    a.continuousBackups = { pointInTimeRecoveryEnabled: false };
  }
  a.deletionProtectionEnabled ??= false;
  // A spec that leaves the stream or the throughput out leaves DynamoDB's alone. The published
  // source compares them like any field, but the real v1.9.2 did not: with a partial spec that
  // left both out it went on to delete the adopted table's GSI (one of stream, throughput, GSI
  // per reconcile, in that order) and kept its stream and throughput
  // (../shared/reference/ack/08-adoption.yaml, 8b).
  if (isNil(a.streamSpecification))
    a.streamSpecification = b.streamSpecification;
  if (isNil(a.provisionedThroughput)) {
    a.provisionedThroughput = b.provisionedThroughput;
  }

  // the generated comparisons
  leaf(paths, 'Spec.BillingMode', a.billingMode, b.billingMode);
  struct(
    paths,
    'Spec.ContinuousBackups',
    a.continuousBackups,
    b.continuousBackups,
    [['PointInTimeRecoveryEnabled', c => c.pointInTimeRecoveryEnabled]],
  );
  leaf(
    paths,
    'Spec.ContributorInsights',
    a.contributorInsights,
    b.contributorInsights,
  );
  leaf(
    paths,
    'Spec.DeletionProtectionEnabled',
    a.deletionProtectionEnabled,
    b.deletionProtectionEnabled,
  );
  struct(
    paths,
    'Spec.ProvisionedThroughput',
    a.provisionedThroughput,
    b.provisionedThroughput,
    [
      ['ReadCapacityUnits', t => t.readCapacityUnits],
      ['WriteCapacityUnits', t => t.writeCapacityUnits],
    ],
  );
  struct(
    paths,
    'Spec.StreamSpecification',
    a.streamSpecification,
    b.streamSpecification,
    [
      ['StreamEnabled', s => s.streamEnabled],
      ['StreamViewType', s => s.streamViewType],
    ],
  );
  leaf(paths, 'Spec.TableClass', a.tableClass, b.tableClass);
  leaf(paths, 'Spec.TableName', a.tableName, b.tableName);
  struct(paths, 'Spec.TimeToLive', a.timeToLive, b.timeToLive, [
    ['AttributeName', t => t.attributeName],
    ['Enabled', t => t.enabled],
  ]);
  return { paths, desired: a, latest: b };
}
