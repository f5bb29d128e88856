import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  WaitForTimeoutError,
  engineOfApplication,
  findEngineResources,
  summariseApplication,
} from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaClient,
  ObjectRef,
} from '@vela-tables/plugin-kubevela-node';
import { componentProgress, engineProgress } from './progressLines';
import { ProgressLog } from './progressLog';
import { pollUntil } from './pollUntil';

// Application states from which KubeVela does not recover without a change.
const FAILED_STATES = ['workflowFailed', 'workflowTerminated'];

/** Whether KubeVela reports the Application running with every component healthy. */
export function isHealthy(application: KubeObject): boolean {
  const summary = summariseApplication(application);
  return (
    summary.phase === 'running' &&
    summary.components.length > 0 &&
    summary.components.every(c => c.healthy)
  );
}

/**
 * Waits until the Application is running and healthy, writing each component's health and the
 * engine resources' conditions to the task log as they change. Throws when the workflow failed
 * or when the timeout passes, naming the Application and its last state.
 */
export async function waitForHealthy(options: {
  client: KubeVelaClient;
  ref: ObjectRef;
  logger: LoggerService;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<KubeObject> {
  const { client, ref, logger } = options;
  const progress = new ProgressLog(logger);
  let last: KubeObject | undefined;
  const settled = await pollUntil(
    async () => {
      last = await client.tryGet(ref);
      if (!last) return undefined;
      const engine = engineOfApplication(last);
      const resources = engine
        ? await findEngineResources(client, last, engine)
        : [];
      progress.report([
        ...componentProgress(last),
        ...engineProgress(resources),
      ]);
      const phase = summariseApplication(last).phase ?? '';
      return FAILED_STATES.includes(phase) || isHealthy(last)
        ? last
        : undefined;
    },
    { timeoutMs: options.timeoutMs, signal: options.signal },
  );
  const where = `Application ${ref.namespace}/${ref.name} on cluster ${client.clusterName}`;
  if (!settled) {
    const phase = last ? summariseApplication(last).phase : undefined;
    throw new WaitForTimeoutError(
      `timed out after ${Math.round(
        options.timeoutMs / 1000,
      )} s waiting for ${where} to be running with every component healthy; ${
        last
          ? `last status: ${phase ?? 'none reported yet'}`
          : 'it was not found'
      }`,
      last,
    );
  }
  const summary = summariseApplication(settled);
  if (FAILED_STATES.includes(summary.phase ?? '')) {
    throw new InputError(
      `${where} is ${summary.phase}: ${
        summary.workflow?.message ?? 'see its workflow status'
      }`,
    );
  }
  return settled;
}
