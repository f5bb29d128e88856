import type { StreamViewType } from '@vela-tables/plugin-kubevela-common';
import type { DesiredIndex } from '@vela-tables/plugin-kubevela-node';
import type { DesiredParameters } from './desiredParameters';
import type { IndexView, TableView } from './tableView';

/**
 * What an update must change so that DynamoDB matches the spec: the Terraform provider's diff of
 * `aws_dynamodb_table`, reduced to what the update calls need. Arguments the Terraform schema
 * marks Optional+Computed (capacity, TTL, SSE, point-in-time recovery, stream view type) are
 * compared only when the spec sets them; plain Optional ones fall back to their defaults
 * (billing mode PROVISIONED, stream off, deletion protection off, table class STANDARD, no tags,
 * no global indexes).
 */
export interface TableChanges {
  /** Arguments that would replace the table (ForceNew), which the provider refuses to change. */
  replacements: Array<{ argument: string; from: string; to: string }>;
  /** One UpdateTable call for the table itself. */
  table?: {
    billingMode?: string;
    throughput?: { read: number; write: number };
    deletionProtectionEnabled?: boolean;
    tableClass?: string;
  };
  /** The stream; `restart` when the view type changes on an enabled stream (off, then on). */
  stream?: { enabled: boolean; viewType?: StreamViewType; restart: boolean };
  /** Global indexes: deleted, created (a changed definition is deleted and created again). */
  indexes: {
    delete: string[];
    create: DesiredIndex[];
    throughput: Array<{ name: string; read: number; write: number }>;
  };
  sse?: { enabled: boolean; kmsKeyId?: string };
  /** `disableFirst`: the attribute TTL is on for now, when it must be turned off before the change. */
  ttl?: { enabled: boolean; attributeName: string; disableFirst?: string };
  tags?: { set: Record<string, string>; remove: string[] };
  pointInTimeRecovery?: { enabled: boolean; recoveryPeriodInDays?: number };
}

/** Whether there is anything to change. */
export function hasChanges(c: TableChanges): boolean {
  return (
    c.replacements.length > 0 ||
    !!c.table ||
    !!c.stream ||
    c.indexes.delete.length > 0 ||
    c.indexes.create.length > 0 ||
    c.indexes.throughput.length > 0 ||
    !!c.sse ||
    !!c.ttl ||
    !!c.tags ||
    !!c.pointInTimeRecovery
  );
}

/** The changes from what DynamoDB has (`view`) to what the spec asks for (`desired`). */
export function diffTable(
  desired: DesiredParameters,
  view: TableView,
): TableChanges {
  const want = desired.table;
  const compared = (...keys: string[]) =>
    !keys.every(k => desired.initOnly.has(k));
  const changes: TableChanges = {
    replacements: [],
    indexes: { delete: [], create: [], throughput: [] },
  };

  const hash = want.keySchema.find(k => k.keyType === 'HASH')?.attributeName;
  const range = want.keySchema.find(k => k.keyType === 'RANGE')?.attributeName;
  if ((hash ?? '') !== (view.hashKey ?? '')) {
    changes.replacements.push({
      argument: 'hash_key',
      from: view.hashKey ?? '',
      to: hash ?? '',
    });
  }
  if ((range ?? '') !== (view.rangeKey ?? '')) {
    changes.replacements.push({
      argument: 'range_key',
      from: view.rangeKey ?? '',
      to: range ?? '',
    });
  }
  const lsiWanted = indexText(want.localSecondaryIndexes.map(desiredIndexView));
  const lsiHave = indexText(view.localSecondaryIndexes);
  if (compared('localSecondaryIndex') && lsiWanted !== lsiHave) {
    changes.replacements.push({
      argument: 'local_secondary_index',
      from: lsiHave,
      to: lsiWanted,
    });
  }

  const billingMode = want.billingMode ?? 'PROVISIONED';
  const provisioned = billingMode === 'PROVISIONED';
  const table: NonNullable<TableChanges['table']> = {};
  if (compared('billingMode') && billingMode !== view.billingMode) {
    table.billingMode = billingMode;
  }
  if (provisioned && compared('readCapacity', 'writeCapacity')) {
    const read = want.provisionedThroughput?.readCapacityUnits;
    const write = want.provisionedThroughput?.writeCapacityUnits;
    const switching = table.billingMode !== undefined;
    if (
      switching ||
      (read !== undefined && read !== view.readCapacity) ||
      (write !== undefined && write !== view.writeCapacity)
    ) {
      table.throughput = {
        read: read ?? view.readCapacity ?? 0,
        write: write ?? view.writeCapacity ?? 0,
      };
    }
  }
  const protection = want.deletionProtection ?? false;
  if (
    compared('deletionProtectionEnabled') &&
    protection !== view.deletionProtectionEnabled
  ) {
    table.deletionProtectionEnabled = protection;
  }
  const tableClass = want.tableClass ?? 'STANDARD';
  if (
    compared('tableClass') &&
    tableClass !== (view.tableClass ?? 'STANDARD')
  ) {
    table.tableClass = tableClass;
  }
  if (Object.keys(table).length) changes.table = table;

  if (compared('streamEnabled', 'streamViewType')) {
    const enabled = want.stream?.enabled ?? false;
    const viewType = enabled ? want.stream?.viewType : undefined;
    if (enabled !== view.streamEnabled) {
      changes.stream = { enabled, viewType, restart: false };
    } else if (enabled && viewType && viewType !== view.streamViewType) {
      changes.stream = { enabled, viewType, restart: true };
    }
  }

  if (compared('globalSecondaryIndex')) {
    diffGlobalIndexes(want.globalSecondaryIndexes, view, provisioned, changes);
  }

  if (want.encryption && compared('serverSideEncryption')) {
    const on = view.sse?.enabled ?? false;
    const key = want.encryption.kmsKeyId;
    if (
      want.encryption.enabled !== on ||
      (on && key?.startsWith('arn:') && key !== view.sse?.kmsKeyArn)
    ) {
      changes.sse = { enabled: want.encryption.enabled, kmsKeyId: key };
    }
  }

  if (want.ttl && compared('ttl')) {
    const attributeName =
      want.ttl.attributeName ?? view.ttl.attributeName ?? '';
    if (want.ttl.enabled !== view.ttl.enabled) {
      changes.ttl = { enabled: want.ttl.enabled, attributeName };
    } else if (
      want.ttl.enabled &&
      attributeName !== (view.ttl.attributeName ?? '')
    ) {
      changes.ttl = {
        enabled: true,
        attributeName,
        disableFirst: view.ttl.attributeName,
      };
    }
  }

  if (compared('tags')) {
    const set: Record<string, string> = {};
    for (const [k, v] of Object.entries(desired.tags)) {
      if (view.tags[k] !== v) set[k] = v;
    }
    const remove = Object.keys(view.tags).filter(k => !(k in desired.tags));
    if (Object.keys(set).length || remove.length) {
      changes.tags = { set, remove };
    }
  }

  if (
    want.pointInTimeRecovery !== undefined &&
    compared('pointInTimeRecovery')
  ) {
    const period = recoveryPeriod(desired.raw.pointInTimeRecovery);
    if (want.pointInTimeRecovery !== view.pointInTimeRecovery.enabled) {
      changes.pointInTimeRecovery = {
        enabled: want.pointInTimeRecovery,
        recoveryPeriodInDays: want.pointInTimeRecovery ? period : undefined,
      };
    } else if (
      want.pointInTimeRecovery &&
      period !== undefined &&
      period !== view.pointInTimeRecovery.recoveryPeriodInDays
    ) {
      changes.pointInTimeRecovery = {
        enabled: true,
        recoveryPeriodInDays: period,
      };
    }
  }
  return changes;
}

function diffGlobalIndexes(
  wanted: DesiredIndex[],
  view: TableView,
  provisioned: boolean,
  changes: TableChanges,
): void {
  const have = new Map(view.globalSecondaryIndexes.map(i => [i.name, i]));
  const wantedNames = new Set(wanted.map(i => i.indexName));
  for (const i of view.globalSecondaryIndexes) {
    if (!wantedNames.has(i.name)) changes.indexes.delete.push(i.name);
  }
  for (const w of wanted) {
    const h = have.get(w.indexName);
    if (!h) {
      changes.indexes.create.push(w);
    } else if (definitionText(desiredIndexView(w)) !== definitionText(h)) {
      changes.indexes.delete.push(w.indexName);
      changes.indexes.create.push(w);
    } else if (provisioned && w.provisionedThroughput) {
      const { readCapacityUnits: read, writeCapacityUnits: write } =
        w.provisionedThroughput;
      if (read !== h.readCapacity || write !== h.writeCapacity) {
        changes.indexes.throughput.push({ name: w.indexName, read, write });
      }
    }
  }
}

/** A desired index in the terms DynamoDB reports it. */
function desiredIndexView(i: DesiredIndex): IndexView {
  return {
    name: i.indexName,
    hashKey: i.keySchema.find(k => k.keyType === 'HASH')?.attributeName,
    rangeKey: i.keySchema.find(k => k.keyType === 'RANGE')?.attributeName,
    projectionType: i.projectionType ?? 'ALL',
    nonKeyAttributes: i.nonKeyAttributes,
  };
}

/** An index's definition (keys and projection), order-independent for non-key attributes. */
function definitionText(i: IndexView): string {
  const nonKey = [...(i.nonKeyAttributes ?? [])].sort().join(',');
  return `${i.hashKey ?? ''}/${i.rangeKey ?? ''} ${
    i.projectionType ?? 'ALL'
  } [${nonKey}]`;
}

function indexText(indexes: IndexView[]): string {
  return [...indexes]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(i => `${i.name}:${i.rangeKey ?? ''}:${i.projectionType ?? 'ALL'}`)
    .join(';');
}

function recoveryPeriod(block: unknown): number | undefined {
  const b = Array.isArray(block) ? block[0] : block;
  const v =
    b && typeof b === 'object'
      ? (b as Record<string, unknown>).recoveryPeriodInDays
      : undefined;
  return typeof v === 'number' ? v : undefined;
}
