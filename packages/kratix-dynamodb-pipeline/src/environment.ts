/**
 * What the pipeline learns from its environment: the variables Kratix sets for every workflow
 * container (KRATIX_WORKFLOW_ACTION, KRATIX_WORKFLOW_TYPE, KRATIX_PROMISE_NAME,
 * KRATIX_PIPELINE_NAME), the Promise's own `TARGET`, and where the three Kratix volumes are.
 */

/** Where Kratix mounts its volumes in a pipeline container. */
export const DEFAULT_DIRECTORIES = {
  input: '/kratix/input',
  output: '/kratix/output',
  metadata: '/kratix/metadata',
} as const;

/** The engine resource the pipeline renders. */
export type Target = 'ack' | 'crossplane';

/** The three Kratix directories. */
export interface PipelineDirectories {
  /** Holds object.yaml, the request. */
  input: string;
  /** Every file here is written to the state store and reaches the Destination. */
  output: string;
  /** status.yaml and workflow-control.yaml go here. */
  metadata: string;
}

/** The pipeline's environment, checked. */
export interface PipelineEnvironment {
  action: 'configure' | 'delete';
  promiseName?: string;
  pipelineName?: string;
  target: Target;
  directories: PipelineDirectories;
  /** How long Kratix waits before running wait-for-table again (workflow-control retryAfter). */
  retryAfter: string;
}

/**
 * Reads the environment. The directories default to Kratix's mounts and can be moved with
 * KRATIX_INPUT_DIR, KRATIX_OUTPUT_DIR and KRATIX_METADATA_DIR (Kratix itself never sets these:
 * they exist so that the same code runs outside a container). Throws when the pipeline is used
 * in a workflow it was not written for.
 */
export function readPipelineEnvironment(
  env: NodeJS.ProcessEnv,
): PipelineEnvironment {
  const action = env.KRATIX_WORKFLOW_ACTION ?? 'configure';
  if (action !== 'configure' && action !== 'delete') {
    throw new Error(
      `KRATIX_WORKFLOW_ACTION must be configure or delete, got '${action}'`,
    );
  }
  const type = env.KRATIX_WORKFLOW_TYPE ?? 'resource';
  if (type !== 'resource') {
    throw new Error(
      `this pipeline serves resource workflows (KRATIX_WORKFLOW_TYPE=resource), got '${type}': ` +
        'list it under workflows.resource of the Promise',
    );
  }
  const target = env.TARGET ?? 'ack';
  if (target !== 'ack' && target !== 'crossplane') {
    throw new Error(`TARGET must be ack or crossplane, got '${target}'`);
  }
  const retryAfter = env.RETRY_AFTER ?? '10s';
  if (!/^\d+(ms|s|m|h)$/.test(retryAfter)) {
    throw new Error(
      `RETRY_AFTER must be a duration such as 10s or 1m, got '${retryAfter}'`,
    );
  }
  return {
    action,
    promiseName: env.KRATIX_PROMISE_NAME || undefined,
    pipelineName: env.KRATIX_PIPELINE_NAME || undefined,
    target,
    retryAfter,
    directories: {
      input: env.KRATIX_INPUT_DIR || DEFAULT_DIRECTORIES.input,
      output: env.KRATIX_OUTPUT_DIR || DEFAULT_DIRECTORIES.output,
      metadata: env.KRATIX_METADATA_DIR || DEFAULT_DIRECTORIES.metadata,
    },
  };
}
