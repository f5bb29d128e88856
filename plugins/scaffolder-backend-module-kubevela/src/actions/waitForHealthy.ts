import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  WaitForTimeoutError,
  engineOfApplication,
  findEngineResources,
  readTableStatus,
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
 * Waits until the Application is running and healthy and its table is Ready as the entity page
 * reads it (`readTableStatus`), writing each component's health and the
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
  let tablePhase: string | undefined;
  const settled = await pollUntil(
    async () => {
      last = await client.tryGet(ref);
      if (!last) return undefined;
      const engine = engineOfApplication(last);
      const resources = engine
        ? await findEngineResources(client, last, engine)
        : [];
      // The table's phase as the entity page shows it: KubeVela can call a component healthy
      // before the engine has applied every setting (ACK syncs TTL after the table is ACTIVE).
      const table = engine
        ? readTableStatus({ application: last, resources, engine })
        : undefined;
      progress.report([
        ...componentProgress(last),
        ...engineProgress(resources),
        ...(table
          ? [{ key: 'table', text: `table: ${table.phase} (${table.summary})` }]
          : []),
      ]);
      const phase = summariseApplication(last).phase ?? '';
      tablePhase = table?.phase;
      const ready = isHealthy(last) && (!table || table.phase === 'Ready');
      return FAILED_STATES.includes(phase) || ready ? last : undefined;
    },
    { timeoutMs: options.timeoutMs, signal: options.signal },
  );
  const where = `Application ${ref.namespace}/${ref.name} on cluster ${client.clusterName}`;
  if (!settled) {
    const phase = last ? summariseApplication(last).phase : undefined;
    throw new WaitForTimeoutError(
      `timed out after ${Math.round(
        options.timeoutMs / 1000,
      )} s waiting for ${where} to be running with every component healthy and its table Ready; ${
        last
          ? `last status: ${phase ?? 'none reported yet'}${
              tablePhase ? `, table ${tablePhase}` : ''
            }`
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
