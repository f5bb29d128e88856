/**
 * The Kratix Promise aws-dynamodb's resource pipeline: a DynamoDBRequest in, an ACK Table (or a
 * namespaced Crossplane Table) out, and a wait step that completes the workflow only once the
 * table is ACTIVE.
 *
 * @packageDocumentation
 */
export { readDynamoDbRequest, InvalidRequestError } from './request.ts';
export type {
  DynamoDbRequest,
  DynamoDbRequestSpec,
  AttributeDefinition,
  KeySchemaElement,
} from './request.ts';
export { ackTableFor } from './ackTable.ts';
export { crossplaneTableFor } from './crossplaneTable.ts';
export { renderTable, TABLE_FILE } from './renderTable.ts';
export { tableReadiness, tableLocation } from './tableReadiness.ts';
export type { Readiness, TableLocation } from './tableReadiness.ts';
export { readPipelineEnvironment, DEFAULT_DIRECTORIES } from './environment.ts';
export type {
  PipelineEnvironment,
  PipelineDirectories,
  Target,
} from './environment.ts';
export { runPipeline, pipelineStep, PIPELINE_STEPS } from './runPipeline.ts';
export type {
  PipelineStep,
  PipelineResult,
  PipelineDependencies,
} from './runPipeline.ts';
