import { ACK_TABLE_API_VERSION } from './ackTable.ts';
import { CROSSPLANE_TABLE_API_VERSION } from './crossplaneTable.ts';
import type { Target } from './environment.ts';
import type { YamlFiles } from './files.ts';
import type { DynamoDbRequest } from './request.ts';

/** Where the rendered table lives on the Destination, for the wait-for-table step to read. */
export interface TableLocation {
  apiVersion: string;
  /** Plural resource name. */
  resource: string;
  namespace: string;
  name: string;
}

/** The Table the render-table step wrote for a request, as the API server serves it. */
export function tableLocation(
  request: DynamoDbRequest,
  target: Target,
): TableLocation {
  return {
    apiVersion:
      target === 'crossplane'
        ? CROSSPLANE_TABLE_API_VERSION
        : ACK_TABLE_API_VERSION,
    resource: 'tables',
    namespace: request.namespace,
    name: request.name,
  };
}

/** What wait-for-table concludes from the Table. */
export type Readiness =
  | {
      /** The table is ACTIVE: the configure workflow may complete. */
      state: 'ready';
      metadata: YamlFiles;
    }
  | {
      /** Not yet: Kratix runs this pipeline again after `retryAfter`. */
      state: 'waiting';
      metadata: YamlFiles;
    }
  | {
      /** The engine gave up (ACK.Terminal): the pipeline fails, and Kratix marks the workflow failed. */
      state: 'failed';
      reason: string;
    };

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function conditionOf(table: Json, type: string): Json | undefined {
  const conditions = obj(table.status).conditions;
  return Array.isArray(conditions)
    ? conditions.map(obj).find(c => c.type === type)
    : undefined;
}

function waiting(
  message: string,
  retryAfter: string,
  extra: Json = {},
): Readiness {
  return {
    state: 'waiting',
    metadata: {
      'status.yaml': { message, ...extra },
      // Kratix's own way for a pipeline to wait on something outside it: the workflow is
      // suspended at this pipeline and resumed after retryAfter.
      'workflow-control.yaml': { retryAfter, message },
    },
  };
}

/**
 * Judges the Table the request's Work put on the Destination: ready when ACK reports
 * `tableStatus: ACTIVE` and `ACK.ResourceSynced=True` (ACK creates the table first and applies TTL
 * and point-in-time recovery in a later reconcile, so ACTIVE alone can precede the settings the
 * request asked for) or Crossplane reports `Ready=True`;
 * failed when ACK reports `ACK.Terminal=True` (AWS refused the table and ACK will not retry
 * until the spec changes); waiting otherwise, with what the engine says in the message.
 */
export function tableReadiness(
  request: DynamoDbRequest,
  target: Target,
  table: Json | undefined,
  retryAfter: string,
): Readiness {
  const tableName = request.spec.tableName;
  const where = `${request.namespace}/${request.name}`;
  if (!table) {
    return waiting(
      `Waiting for table ${tableName}: Table ${where} is not on the Destination yet`,
      retryAfter,
    );
  }
  const status = obj(table.status);
  if (target === 'crossplane') {
    const ready = conditionOf(table, 'Ready');
    const arn = obj(status.atProvider).arn;
    if (ready?.status === 'True') {
      const done: Json = { message: `Table ${tableName} is ready` };
      if (typeof arn === 'string' && arn) done.tableArn = arn;
      return { state: 'ready', metadata: { 'status.yaml': done } };
    }
    const synced = conditionOf(table, 'Synced');
    const why =
      synced?.status === 'False'
        ? `Synced=False: ${String(synced.message ?? synced.reason ?? '')}`
        : `Ready=${String(ready?.status ?? 'Unknown')}${
            ready?.reason ? ` (${String(ready.reason)})` : ''
          }`;
    return waiting(`Waiting for table ${tableName}: ${why}`, retryAfter);
  }
  const terminal = conditionOf(table, 'ACK.Terminal');
  if (terminal?.status === 'True') {
    return {
      state: 'failed',
      reason: `ACK refused table ${tableName} (ACK.Terminal): ${String(
        terminal.message ?? terminal.reason ?? 'no message',
      )}`,
    };
  }
  const tableStatus = status.tableStatus;
  const arn = obj(status.ackResourceMetadata).arn;
  const synced = conditionOf(table, 'ACK.ResourceSynced');
  if (tableStatus === 'ACTIVE' && synced?.status === 'True') {
    const done: Json = {
      message: `Table ${tableName} is ACTIVE`,
      tableStatus,
    };
    if (typeof arn === 'string' && arn) done.tableArn = arn;
    return { state: 'ready', metadata: { 'status.yaml': done } };
  }
  const recoverable = conditionOf(table, 'ACK.Recoverable');
  const retrying =
    recoverable?.status === 'True'
      ? `; ACK is retrying: ${String(recoverable.message ?? '')}`
      : '';
  if (typeof tableStatus === 'string' && tableStatus) {
    const notSynced =
      tableStatus === 'ACTIVE'
        ? ` but ACK.ResourceSynced is ${String(synced?.status ?? 'Unknown')}`
        : '';
    return waiting(
      `Waiting for table ${tableName}: tableStatus is ${tableStatus}${notSynced}${retrying}`,
      retryAfter,
      { tableStatus },
    );
  }
  return waiting(
    `Waiting for table ${tableName}: the ACK controller has not reported it yet${retrying}`,
    retryAfter,
  );
}
