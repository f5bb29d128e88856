import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DeleteTableCommand,
  DynamoDBClient,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  createTestNamespace,
  dynamodbRequest,
  getTestPlatform,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import type {
  AckTable,
  AckTableSpec,
  KubeObject,
} from '@vela-tables/plugin-kubevela-node';
import { KubeApiError, KubeRest } from '../../runtime/kubeRest';
import { objectPath } from '../../runtime/resourceKind';
import { schemaViolations } from '../../testing/statusSchema';
import { ensureStandIns } from '../../testing/ensureStandIns';
import type { TestStandIns } from '../../testing/ensureStandIns';
import { ACK_FINALIZER } from '../constants';
import { ACK_TABLE_KIND } from '../index';
import { ackTableStatusSchema } from './ackStatusSchema';

/** One watch event on a Table of the test namespace, with when it arrived. */
export interface SeenState {
  type: string;
  at: number;
  object: AckTable;
}

/** An ACK stand-in against the jest platform's API server and DynamoDB, for one test file. */
export interface AckHarness {
  namespace: string;
  kube: KubeRest;
  dynamodb: DynamoDBClient;
  endpoint: string;
  standIns: TestStandIns;
  /** Every state of every Table of the namespace, in order. */
  seen: SeenState[];
  /** A table name unique to this run. */
  tableName(suffix: string): string;
  path(name: string): string;
  /** Server-side applies a Table (as `kubectl apply --server-side` would). */
  create(table: {
    metadata: AckTable['metadata'];
    spec?: AckTableSpec;
  }): Promise<AckTable>;
  get(name: string): Promise<AckTable | undefined>;
  waitFor(
    name: string,
    what: string,
    test: (table: AckTable | undefined) => boolean,
    timeoutMs?: number,
  ): Promise<AckTable | undefined>;
  /** The states a Table went through (watch events), from `since` on. */
  statesOf(name: string, since?: number): SeenState[];
  /** DynamoDB's raw JSON answer, as boto3 would get it. */
  aws(
    operation: string,
    body: Record<string, unknown>,
  ): Promise<Record<string, any>>;
  /** Every status written in the namespace that breaks the CRD's status schema. */
  schemaViolations(): string[];
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Starts the harness: a namespace, the ACK stand-in (unless the platform runs it), a watch. */
export async function startAckHarness(prefix: string): Promise<AckHarness> {
  const info = getTestPlatform();
  if (!info.dynamodb)
    throw new Error('the test platform has no DynamoDB server');
  const ns: TestNamespace = await createTestNamespace(prefix, { info });
  const standIns = await ensureStandIns(['ack'], { namespaces: [ns.name] });
  const kube = new KubeRest({
    server: info.kubernetes.server,
    caPem: readFileSync(info.kubernetes.caFile, 'utf8'),
    token: info.kubernetes.adminToken,
  });
  const dynamodb = new DynamoDBClient({
    region: info.dynamodb.region,
    endpoint: info.dynamodb.endpoint,
    credentials: {
      accessKeyId: info.dynamodb.accessKeyId,
      secretAccessKey: info.dynamodb.secretAccessKey,
    },
  });
  const run = randomBytes(3).toString('hex');
  const tables = new Set<string>();
  const seen: SeenState[] = [];
  const collection = `/apis/${ACK_TABLE_KIND.group}/${ACK_TABLE_KIND.version}/namespaces/${ns.name}/tables`;
  const abort = new AbortController();
  const listed = await kube.list(collection);
  const watchFrom = async (resourceVersion: string): Promise<string> => {
    let rv = resourceVersion;
    await kube
      .watch(
        collection,
        rv,
        event => {
          rv = event.object.metadata.resourceVersion ?? rv;
          if (event.type === 'BOOKMARK') return;
          seen.push({
            type: event.type,
            at: Date.now(),
            object: event.object as AckTable,
          });
        },
        abort.signal,
      )
      .catch(() => sleep(200));
    return rv;
  };
  void (async () => {
    let rv = listed.resourceVersion;
    while (!abort.signal.aborted) rv = await watchFrom(rv);
  })();

  const path = (name: string) => objectPath(ACK_TABLE_KIND, name, ns.name);
  const harness: AckHarness = {
    namespace: ns.name,
    kube,
    dynamodb,
    endpoint: info.dynamodb.endpoint,
    standIns,
    seen,
    tableName: suffix => {
      const name = `ack-it-${run}-${suffix}`;
      tables.add(name);
      return name;
    },
    path,
    async create(table) {
      return (await kube.apply(
        path(table.metadata.name),
        {
          apiVersion: `${ACK_TABLE_KIND.group}/${ACK_TABLE_KIND.version}`,
          kind: 'Table',
          ...table,
          metadata: { ...table.metadata, namespace: ns.name },
        } as KubeObject,
        'ack-stand-in-test',
      )) as AckTable;
    },
    async get(name) {
      return (await kube.get(path(name))) as AckTable | undefined;
    },
    async waitFor(name, what, test, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      let last: AckTable | undefined;
      while (Date.now() < deadline) {
        last = await harness.get(name);
        if (test(last)) return last;
        await sleep(100);
      }
      throw new Error(
        `Table ${name} did not get ${what} within ${timeoutMs} ms; last state: ${JSON.stringify(
          last?.status ?? last ?? null,
        )}\nstand-in log:\n${standIns.logs.slice(-20).join('\n')}`,
      );
    },
    statesOf(name, since = 0) {
      return seen.filter(s => s.object.metadata.name === name && s.at >= since);
    },
    async aws(operation, body) {
      const res = await dynamodbRequest(
        info.dynamodb!.endpoint,
        operation,
        body,
        {
          region: info.dynamodb!.region,
        },
      );
      return res.errorType ? { error: res.errorType, ...res.body } : res.body;
    },
    schemaViolations() {
      const schema = ackTableStatusSchema();
      return seen.flatMap(s =>
        s.object.status
          ? schemaViolations(s.object.status, schema).map(
              v => `${s.object.metadata.name}: ${v}`,
            )
          : [],
      );
    },
    async cleanup() {
      // Tables first (the stand-in deletes what it manages), then whatever DynamoDB still holds
      const list = await kube.list(collection).catch(() => ({ items: [] }));
      for (const item of list.items) {
        await kube.delete(path(item.metadata.name)).catch(() => undefined);
      }
      const deadline = Date.now() + 15_000;
      for (const item of list.items) {
        while (
          Date.now() < deadline &&
          (await harness.get(item.metadata.name))
        ) {
          await sleep(200);
        }
        const stuck = await harness.get(item.metadata.name);
        if (stuck?.metadata.finalizers?.includes(ACK_FINALIZER)) {
          await kube
            .mergePatch(path(item.metadata.name), {
              metadata: { finalizers: null },
            })
            .catch((e: unknown) => {
              if (!(e instanceof KubeApiError && e.status === 404)) throw e;
            });
        }
      }
      for (const table of tables) {
        await dynamodb
          .send(
            new UpdateTableCommand({
              TableName: table,
              DeletionProtectionEnabled: false,
            }),
          )
          .catch(() => undefined);
        await dynamodb
          .send(new DeleteTableCommand({ TableName: table }))
          .catch(() => undefined);
      }
      abort.abort();
      await standIns.stop();
      kube.close();
      dynamodb.destroy();
      await ns.cleanup();
    },
  };
  return harness;
}
