import { ackTableFor } from './ackTable.ts';
import { crossplaneTableFor } from './crossplaneTable.ts';
import type { Target } from './environment.ts';
import type { YamlFiles } from './files.ts';
import type { DynamoDbRequest } from './request.ts';

/** The file the table is written to in /kratix/output. */
export const TABLE_FILE = 'table.yaml';

/** What the render-table step writes. */
export interface RenderedTable {
  /** Files for /kratix/output. */
  output: YamlFiles;
  /** Files for /kratix/metadata. */
  metadata: YamlFiles;
}

/**
 * The engine resource for a request (the ACK Table, or with TARGET=crossplane the namespaced
 * Crossplane Table) and the status the request gets from this step: `tableName` and `region`.
 * Kratix merges status.yaml into the request's status; `message` is left to Kratix ("Pending"
 * while the workflow runs) and to the wait-for-table step.
 */
export function renderTable(
  request: DynamoDbRequest,
  target: Target,
): RenderedTable {
  const table =
    target === 'crossplane'
      ? crossplaneTableFor(request)
      : ackTableFor(request);
  const status: Record<string, unknown> = {
    tableName: request.spec.tableName,
  };
  if (request.spec.region) status.region = request.spec.region;
  return {
    output: { [TABLE_FILE]: table },
    metadata: { 'status.yaml': status },
  };
}
