import type { PipelineEnvironment } from './environment.ts';
import { readInputObject, writeYamlFiles } from './files.ts';
import { renderTable } from './renderTable.ts';
import { readDynamoDbRequest } from './request.ts';
import { tableLocation, tableReadiness } from './tableReadiness.ts';
import type { TableLocation } from './tableReadiness.ts';

/** The steps of the Promise's workflows, chosen by the container's first argument. */
export const PIPELINE_STEPS = ['render-table', 'wait-for-table'] as const;

/** One of {@link PIPELINE_STEPS}. */
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/** What a step needs from outside the container's volumes. */
export interface PipelineDependencies {
  /** Reads the rendered table from the Destination (wait-for-table only). */
  readTable(
    location: TableLocation,
  ): Promise<Record<string, unknown> | undefined>;
}

/** What a step did, for its log. */
export interface PipelineResult {
  summary: string;
  /** Files written, absolute. */
  written: string[];
}

/** Checks the container's argument. */
export function pipelineStep(argument: string | undefined): PipelineStep {
  const step = argument ?? 'render-table';
  if (!(PIPELINE_STEPS as readonly string[]).includes(step)) {
    throw new Error(
      `unknown step '${step}': use one of ${PIPELINE_STEPS.join(', ')}`,
    );
  }
  return step as PipelineStep;
}

/**
 * Runs one step for the request in the input directory. Everything is computed before the first
 * file is written, so a request the pipeline refuses (or a table ACK refused) leaves the output
 * and metadata directories as they were, and the step fails with a message naming the fields.
 *
 * - configure, render-table: the Table to /kratix/output/table.yaml, `tableName` and `region` to
 *   /kratix/metadata/status.yaml;
 * - configure, wait-for-table: reads that Table back from the Destination; once it is ACTIVE
 *   writes `message`, `tableStatus` and `tableArn` to status.yaml, until then a `message` and
 *   /kratix/metadata/workflow-control.yaml with `retryAfter`;
 * - delete: checks the request and writes nothing (Kratix ignores a delete pipeline's output;
 *   the table goes when Kratix deletes the request's Work and the GitOps agent prunes the Table).
 */
export async function runPipeline(
  step: PipelineStep,
  environment: PipelineEnvironment,
  dependencies: PipelineDependencies,
): Promise<PipelineResult> {
  const { directories, target } = environment;
  const request = readDynamoDbRequest(readInputObject(directories.input));
  const what = `DynamoDBRequest ${request.namespace}/${request.name}`;
  if (environment.action === 'delete') {
    return {
      summary: `${what}: delete: nothing to render; Kratix removes the request's Work and the GitOps agent the Table`,
      written: [],
    };
  }
  if (step === 'render-table') {
    const rendered = renderTable(request, target);
    const written = [
      ...writeYamlFiles(directories.output, rendered.output),
      ...writeYamlFiles(directories.metadata, rendered.metadata),
    ];
    return {
      summary: `${what}: rendered the ${
        target === 'crossplane' ? 'Crossplane' : 'ACK'
      } Table for table ${request.spec.tableName}`,
      written,
    };
  }
  const location = tableLocation(request, target);
  const table = await dependencies.readTable(location);
  const readiness = tableReadiness(
    request,
    target,
    table,
    environment.retryAfter,
  );
  if (readiness.state === 'failed') throw new Error(readiness.reason);
  const written = writeYamlFiles(directories.metadata, readiness.metadata);
  const status = readiness.metadata['status.yaml'] as { message: string };
  return {
    summary: `${what}: ${status.message}${
      readiness.state === 'waiting'
        ? ` (asking Kratix to retry after ${environment.retryAfter})`
        : ''
    }`,
    written,
  };
}
