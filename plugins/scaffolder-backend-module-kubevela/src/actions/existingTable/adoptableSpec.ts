import { InputError } from '@backstage/errors';
import { parseTableSpec } from '@vela-tables/plugin-kubevela-common';
import type {
  TableSpec,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import {
  allowedNamespacesOn,
  createDynamoDbClient,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { tableSpecInputError } from '../tableSpecIssues';
import { readExistingTable } from './readExistingTable';
import { tableSpecFromExisting } from './tableSpecFromExisting';

/** The settings reading an existing table needs; credentials stay in the backend. */
export type ExistingTableSettings = Pick<
  KubeVelaConfig,
  | 'aws'
  | 'regions'
  | 'defaultRegion'
  | 'tableNamePrefix'
  | 'allowedNamespaces'
  | 'clusters'
>;

/** Which table to read and where its Application would go. */
export interface ExistingTableRequest {
  /** The table's real name in DynamoDB, prefix included. */
  tableName: string;
  region?: string;
  engine: TableSpecInput['engine'];
  applicationName?: string;
  componentName?: string;
  namespace?: string;
  cluster?: string;
  crossplane?: TableSpecInput['crossplane'];
  featureMode?: TableSpecInput['featureMode'];
}

/** A complete, validated spec of an existing table. */
export interface AdoptableSpec {
  /** The spec as the form and `kubevela:application:build` take it. */
  table: TableSpecInput;
  spec: TableSpec;
  tableArn: string;
  notCarried: string[];
}

/**
 * A Kubernetes name from a table name: DynamoDB allows upper case, `_` and `.`, RFC 1123 labels
 * do not. Used only when the caller names no Application.
 */
export function dnsLabelFor(tableName: string): string {
  const label = tableName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return label || 'table';
}

/**
 * Reads an existing table from DynamoDB (the configured endpoint and credentials, the
 * requested region) and returns the TableSpec that repeats it, validated with the same rules as
 * any request: a table whose settings the engine cannot express is refused with each field named.
 */
export async function readAdoptableSpec(
  settings: ExistingTableSettings,
  request: ExistingTableRequest,
): Promise<AdoptableSpec> {
  const region = request.region ?? settings.defaultRegion;
  if (!settings.regions.includes(region)) {
    throw new InputError(
      `region: '${region}' is not offered by this platform; offered: ${settings.regions.join(
        ', ',
      )}`,
    );
  }
  const client = createDynamoDbClient({ ...settings.aws, region });
  let existing;
  try {
    existing = await readExistingTable(client, request.tableName);
  } finally {
    client.destroy();
  }
  const applicationName =
    request.applicationName ?? dnsLabelFor(request.tableName);
  const { table, notCarried } = tableSpecFromExisting(existing, {
    engine: request.engine,
    applicationName,
    componentName: request.componentName ?? applicationName,
    namespace: request.namespace ?? 'default',
    region,
    tableNamePrefix: settings.tableNamePrefix,
    crossplane: request.crossplane,
    featureMode: request.featureMode,
  });
  const parsed = parseTableSpec(table, {
    allowedNamespaces: allowedNamespacesOn(settings, request.cluster),
    tableNamePrefix: settings.tableNamePrefix,
  });
  if (!parsed.success) throw tableSpecInputError(parsed.issues);
  return {
    table,
    spec: parsed.spec,
    tableArn: existing.table.TableArn!,
    notCarried,
  };
}
