import type { LoggerService } from '@backstage/backend-plugin-api';
import { WaitForTimeoutError } from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaClient,
  ObjectRef,
} from '@vela-tables/plugin-kubevela-node';
import type { DynamoDbProbe, DynamoDbTableState } from './dynamoDbProbe';
import { describeResource } from './engineChain';
import { engineProgress } from './progressLines';
import { ProgressLog } from './progressLog';
import { pollUntil } from './pollUntil';

function describeState(state: DynamoDbTableState): string {
  if (state.state === 'present') return state.tableStatus;
  if (state.state === 'absent') return 'gone';
  return `unknown (${state.reason})`;
}

/**
 * Waits until the Application and every engine resource it had are gone from the cluster and,
 * when `table` is given (the table is to be deleted and DynamoDB is configured), DescribeTable
 * says the table does not exist. Logs what is left as it changes; on timeout, names it.
 */
export async function waitForDeletion(options: {
  client: KubeVelaClient;
  application: ObjectRef;
  resources: readonly KubeObject[];
  table?: { name: string; region?: string; probe: DynamoDbProbe };
  logger: LoggerService;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<void> {
  const { client, logger, table } = options;
  const progress = new ProgressLog(logger);
  let left: string[] = [];
  const done = await pollUntil(
    async () => {
      left = [];
      const app = await client.tryGet(options.application);
      if (app)
        left.push(`Application ${app.metadata.namespace}/${app.metadata.name}`);
      progress.report([
        {
          key: 'application',
          text: app
            ? `Application ${options.application.namespace}/${options.application.name}: being deleted`
            : `Application ${options.application.namespace}/${options.application.name}: gone`,
        },
      ]);
      const remaining: KubeObject[] = [];
      for (const resource of options.resources) {
        const now = await client.tryGet({
          apiVersion: resource.apiVersion,
          kind: resource.kind,
          name: resource.metadata.name,
          namespace: resource.metadata.namespace,
        });
        progress.report([
          {
            key: `gone/${describeResource(resource)}`,
            text: `${describeResource(resource)}: ${
              now ? 'being deleted' : 'gone'
            }`,
          },
        ]);
        if (now) remaining.push(now);
      }
      progress.report(engineProgress(remaining));
      left.push(...remaining.map(describeResource));
      if (table) {
        const state = await table.probe.describe(table.name, table.region);
        progress.report([
          {
            key: 'dynamodb',
            text: `DynamoDB table ${table.name}: ${describeState(state)}`,
          },
        ]);
        if (state.state !== 'absent') left.push(`DynamoDB table ${table.name}`);
      }
      return left.length === 0 ? true : undefined;
    },
    { timeoutMs: options.timeoutMs, signal: options.signal },
  );
  if (!done) {
    throw new WaitForTimeoutError(
      `timed out after ${Math.round(
        options.timeoutMs / 1000,
      )} s waiting for Application ${options.application.namespace}/${
        options.application.name
      } and its table to be deleted on cluster ${
        client.clusterName
      }; still there: ${left.join(', ')}`,
      undefined,
    );
  }
}
