import {
  crossplaneMergedParameters,
  crossplaneTableName,
  tableFromCrossplaneParameters,
} from '@vela-tables/plugin-kubevela-node';
import type {
  DesiredTable,
  KubeObject,
} from '@vela-tables/plugin-kubevela-node';

type Json = Record<string, unknown>;

/** What one Crossplane Table asks of DynamoDB, read the way the provider reads its spec. */
export interface DesiredParameters {
  /** The table as the provider creates it: `forProvider` over `initProvider`. */
  table: DesiredTable;
  /** `tags` exactly as the spec has them, the provider's own `crossplane-*` tags included. */
  tags: Record<string, string>;
  /**
   * Top-level arguments set only in `initProvider`: used when creating, never compared afterwards
   * (upjet drops their differences from the Terraform diff).
   */
  initOnly: ReadonlySet<string>;
  /** Raw merged parameters, for the arguments the engine-neutral table does not carry. */
  raw: Json;
}

/** Reads the desired parameters; undefined when the resource names no table. */
export function readDesiredParameters(
  object: KubeObject,
): DesiredParameters | undefined {
  const tableName = crossplaneTableName(object);
  if (!tableName) return undefined;
  const raw = crossplaneMergedParameters(object);
  const spec = obj(object.spec);
  const forProvider = obj(spec.forProvider);
  const initOnly = new Set(
    Object.keys(obj(spec.initProvider)).filter(
      k => forProvider[k] === undefined,
    ),
  );
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(raw.tags))) {
    if (typeof v === 'string') tags[k] = v;
  }
  return {
    table: tableFromCrossplaneParameters(raw, tableName),
    tags,
    initOnly,
    raw,
  };
}

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}
