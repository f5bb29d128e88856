import type { CrossplaneBlockShape } from '@vela-tables/plugin-kubevela-node';
import type { DesiredParameters } from './desiredParameters';
import type { IndexView, TableView } from './tableView';

type Json = Record<string, unknown>;

/** Parameters the Terraform read does not set, so the state keeps what the spec gave. */
const ECHOED_FROM_SPEC = [
  'importTable',
  'restoreDateTime',
  'restoreSourceName',
  'restoreSourceTableArn',
  'restoreToLatestTime',
] as const;

/**
 * `status.atProvider` as upjet writes it after a read: the Terraform state of `aws_dynamodb_table`
 * in the CRD's names, single blocks in the schema version's shape. Strings the read sets but
 * DynamoDB leaves empty are `""` (streamArn, streamLabel, streamViewType); empty lists and maps
 * are left out (Go's omitempty); the AWS managed KMS key is reported as `""`, as the Terraform
 * provider clears its default key.
 */
export function atProviderFrom(
  view: TableView,
  desired: DesiredParameters | undefined,
  region: string,
  shape: CrossplaneBlockShape,
): Json {
  const block = (value: Json): Json | Json[] =>
    shape === 'list' ? [value] : value;
  const out: Json = {
    arn: view.arn,
    attribute: [...view.attributes]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(a => ({ name: a.name, type: a.type })),
    billingMode: view.billingMode,
    deletionProtectionEnabled: view.deletionProtectionEnabled,
    hashKey: view.hashKey,
    id: view.tableName,
    pointInTimeRecovery: block(
      view.pointInTimeRecovery.enabled
        ? {
            enabled: true,
            recoveryPeriodInDays: view.pointInTimeRecovery.recoveryPeriodInDays,
          }
        : { enabled: false },
    ),
    readCapacity: view.readCapacity,
    region,
    streamArn: view.latestStreamArn ?? '',
    streamEnabled: view.streamEnabled,
    streamLabel: view.latestStreamLabel ?? '',
    streamViewType: view.streamViewType ?? '',
    tableClass: view.tableClass ?? 'STANDARD',
    ttl: block({
      attributeName: view.ttl.attributeName ?? '',
      enabled: view.ttl.enabled,
    }),
    writeCapacity: view.writeCapacity,
  };
  if (view.rangeKey) out.rangeKey = view.rangeKey;
  const gsis = sortByName(view.globalSecondaryIndexes).map(i =>
    globalIndex(i, block),
  );
  if (gsis.length) out.globalSecondaryIndex = gsis;
  const lsis = sortByName(view.localSecondaryIndexes).map(localIndex);
  if (lsis.length) out.localSecondaryIndex = lsis;
  if (view.sse) {
    const specKey = desired?.table.encryption?.kmsKeyId;
    out.serverSideEncryption = block({
      enabled: view.sse.enabled,
      kmsKeyArn: specKey ? view.sse.kmsKeyArn ?? '' : '',
    });
  }
  if (Object.keys(view.tags).length) {
    out.tags = { ...view.tags };
    out.tagsAll = { ...view.tags };
  }
  if (view.warmThroughput)
    out.warmThroughput = block({ ...view.warmThroughput });
  if (view.onDemandThroughput) {
    out.onDemandThroughput = block({ ...view.onDemandThroughput });
  }
  for (const key of ECHOED_FROM_SPEC) {
    const value = desired?.raw[key];
    if (value !== undefined) out[key] = value;
  }
  return dropUndefined(out);
}

function globalIndex(
  i: IndexView,
  block: (value: Json) => Json | Json[],
): Json {
  const out: Json = {
    hashKey: i.hashKey,
    name: i.name,
    projectionType: i.projectionType,
    readCapacity: i.readCapacity,
    writeCapacity: i.writeCapacity,
  };
  if (i.rangeKey) out.rangeKey = i.rangeKey;
  if (i.nonKeyAttributes?.length)
    out.nonKeyAttributes = [...i.nonKeyAttributes];
  if (i.warmThroughput) out.warmThroughput = block({ ...i.warmThroughput });
  return dropUndefined(out);
}

function localIndex(i: IndexView): Json {
  const out: Json = {
    name: i.name,
    projectionType: i.projectionType,
    rangeKey: i.rangeKey,
  };
  if (i.nonKeyAttributes?.length)
    out.nonKeyAttributes = [...i.nonKeyAttributes];
  return dropUndefined(out);
}

function sortByName(items: IndexView[]): IndexView[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}

/** Go's omitempty on pointers: nil fields are not written. */
function dropUndefined(value: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] = dropUndefined(v as Json);
    } else if (Array.isArray(v)) {
      out[k] = v.map(x =>
        x && typeof x === 'object' && !Array.isArray(x)
          ? dropUndefined(x as Json)
          : x,
      );
    } else {
      out[k] = v;
    }
  }
  return out;
}
