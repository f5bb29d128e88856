import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import {
  crdsDir,
  findRepoRoot,
  getTestPlatform,
} from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { KubeRest } from '../../runtime/kubeRest';
import { objectPath } from '../../runtime/resourceKind';
import type { ResourceKind } from '../../runtime/resourceKind';
import { crdStatusSchema, schemaViolations } from '../../testing/statusSchema';
import { MANAGED_FINALIZER } from '../constants';
import {
  CLUSTER_TABLE_CRD,
  installConversionWebhook,
  startConversionWebhook,
  uninstallConversionWebhook,
} from '../conversionWebhook';
import type { ConversionWebhook } from '../conversionWebhook';

/**
 * What the Crossplane stand-in's integration tests share: the test platform's API server (as
 * admin) and DynamoDB server, waiting for a condition, DynamoDB's own view of a table, the CRD
 * status check, and cleanup that leaves no object and no table behind. Test support only.
 */
export class CrossplaneTestKit {
  readonly kube: KubeRest;
  readonly dynamodb: DynamoDBClient;
  readonly endpoint: string;
  private readonly objects: Array<{
    kind: ResourceKind;
    name: string;
    namespace?: string;
  }> = [];
  private readonly tables = new Set<string>();
  private webhook?: ConversionWebhook;

  constructor() {
    const info = getTestPlatform();
    if (!info.dynamodb)
      throw new Error('the test platform has no DynamoDB server');
    this.kube = new KubeRest({
      server: info.kubernetes.server,
      caPem: readFileSync(info.kubernetes.caFile, 'utf8'),
      token: info.kubernetes.adminToken,
    });
    this.endpoint = info.dynamodb.endpoint;
    this.dynamodb = new DynamoDBClient({
      region: 'us-west-2',
      endpoint: info.dynamodb.endpoint,
      credentials: {
        accessKeyId: info.dynamodb.accessKeyId,
        secretAccessKey: info.dynamodb.secretAccessKey,
      },
    });
  }

  /**
   * Serves the provider's conversion webhook for the cluster-scoped Table CRD and points the CRD
   * at it (a CA and serving certificate made with the openssl CLI), as Crossplane does when it
   * installs the provider; {@link cleanup} puts the CRD back. Resolves once a v1beta1 Table's
   * one-item lists survive a write, i.e. the API server converts through it.
   */
  async serveConversionWebhook(): Promise<void> {
    // the platform's own stand-in already serves it: leave it in place for the other tests
    const crd = await this.kube.get(
      `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${CLUSTER_TABLE_CRD}`,
    );
    const conversion = (crd?.spec as { conversion?: { strategy?: string } })
      ?.conversion;
    if (conversion?.strategy === 'Webhook') return;
    const dir = mkdtempSync(join(tmpdir(), 'xp-conversion-'));
    try {
      const f = (name: string) => join(dir, name);
      const ec = [
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
      ];
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          ...ec,
          '-days',
          '1',
          '-keyout',
          f('ca.key'),
          '-out',
          f('ca.crt'),
          '-subj',
          '/CN=xp-conversion-ca',
          '-addext',
          'basicConstraints=critical,CA:TRUE',
          '-addext',
          'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
        ],
        { stdio: 'ignore' },
      );
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          ...ec,
          '-days',
          '1',
          '-CA',
          f('ca.crt'),
          '-CAkey',
          f('ca.key'),
          '-keyout',
          f('tls.key'),
          '-out',
          f('tls.crt'),
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'basicConstraints=critical,CA:FALSE',
          '-addext',
          'extendedKeyUsage=serverAuth',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      this.webhook = await startConversionWebhook({
        certPem: readFileSync(f('tls.crt'), 'utf8'),
        keyPem: readFileSync(f('tls.key'), 'utf8'),
      });
      await installConversionWebhook(
        this.kube,
        this.webhook.url,
        readFileSync(f('ca.crt')).toString('base64'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const probe: KubeObject = {
      apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
      kind: 'Table',
      metadata: {
        name: `conversion-probe-${randomBytes(3).toString('hex')}`,
        annotations: { 'crossplane.io/paused': 'true' },
      },
      spec: {
        forProvider: {
          region: 'us-west-2',
          ttl: [{ attributeName: 'x', enabled: true }],
        },
      },
    };
    const kind = {
      group: 'dynamodb.aws.upbound.io',
      version: 'v1beta1',
      plural: 'tables',
      kind: 'Table',
      namespaced: false,
    };
    const p = objectPath(kind, probe.metadata.name);
    const deadline = Date.now() + 30000;
    try {
      for (;;) {
        const stored = await this.kube
          .apply(p, probe, 'crossplane-standin-test')
          .catch(() => undefined);
        const ttl = (
          stored?.spec as { forProvider?: { ttl?: unknown[] } } | undefined
        )?.forProvider?.ttl?.[0] as Record<string, unknown> | undefined;
        if (ttl?.attributeName === 'x') return;
        if (Date.now() > deadline) {
          throw new Error(
            'the API server does not convert Tables through the webhook',
          );
        }
        await new Promise(r => setTimeout(r, 250));
      }
    } finally {
      await this.kube.delete(p).catch(() => undefined);
    }
  }

  /** A unique table name for this test (and remembered for cleanup). */
  tableName(prefix: string): string {
    const name = `${prefix}-${randomBytes(3).toString('hex')}`;
    this.tables.add(name);
    return name;
  }

  /** Creates (server-side apply) a Table at the kind's version. */
  async apply(kind: ResourceKind, object: KubeObject): Promise<KubeObject> {
    this.objects.push({
      kind,
      name: object.metadata.name,
      namespace: object.metadata.namespace,
    });
    const annotations = object.metadata.annotations ?? {};
    if (annotations['crossplane.io/external-name']) {
      this.tables.add(annotations['crossplane.io/external-name']);
    } else {
      this.tables.add(object.metadata.name);
    }
    return this.kube.apply(
      objectPath(kind, object.metadata.name, object.metadata.namespace),
      object,
      'crossplane-standin-test',
    );
  }

  /** Merge-patches a Table. */
  patch(
    kind: ResourceKind,
    object: KubeObject,
    patch: unknown,
  ): Promise<KubeObject> {
    return this.kube.mergePatch(path(kind, object), patch);
  }

  get(kind: ResourceKind, object: KubeObject): Promise<KubeObject | undefined> {
    return this.kube.get(path(kind, object));
  }

  delete(kind: ResourceKind, object: KubeObject): Promise<boolean> {
    return this.kube.delete(path(kind, object));
  }

  /** Polls the Table until `check` holds; fails with the last state seen. */
  async waitFor(
    kind: ResourceKind,
    object: KubeObject,
    what: string,
    check: (o: KubeObject | undefined) => boolean,
    timeoutMs = 60000,
  ): Promise<KubeObject | undefined> {
    const deadline = Date.now() + timeoutMs;
    let last: KubeObject | undefined;
    for (;;) {
      last = await this.get(kind, object);
      if (check(last)) return last;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}; last seen: ${JSON.stringify(
            { metadata: last?.metadata, status: last?.status },
            null,
            1,
          )}`,
        );
      }
      await new Promise(r => setTimeout(r, 250));
    }
  }

  /** DynamoDB's own view: DescribeTable plus TTL, continuous backups and tags; undefined when absent. */
  async describe(name: string) {
    let table: TableDescription | undefined;
    try {
      table = (
        await this.dynamodb.send(new DescribeTableCommand({ TableName: name }))
      ).Table;
    } catch (error) {
      if ((error as Error).name === 'ResourceNotFoundException')
        return undefined;
      throw error;
    }
    const ttl = (
      await this.dynamodb.send(
        new DescribeTimeToLiveCommand({ TableName: name }),
      )
    ).TimeToLiveDescription;
    const backups = (
      await this.dynamodb.send(
        new DescribeContinuousBackupsCommand({ TableName: name }),
      )
    ).ContinuousBackupsDescription;
    const tags = (
      await this.dynamodb.send(
        new ListTagsOfResourceCommand({ ResourceArn: table!.TableArn }),
      )
    ).Tags;
    return {
      table: table!,
      ttl,
      pitr: backups?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
      tags: Object.fromEntries((tags ?? []).map(t => [t.Key, t.Value])),
    };
  }

  /** Where the status breaks the CRD's status schema of the kind's version (empty when it follows it). */
  statusViolations(kind: ResourceKind, object: KubeObject): string[] {
    const file =
      kind.group === 'dynamodb.aws.m.upbound.io'
        ? 'dynamodb.aws.m.upbound.io_tables.yaml'
        : 'dynamodb.aws.upbound.io_tables.yaml';
    const crds = join(crdsDir(findRepoRoot()), 'crossplane-aws');
    return schemaViolations(
      object.status,
      crdStatusSchema(join(crds, file), kind.version),
    );
  }

  /**
   * Removes every Table object the test made (finalizers dropped, so nothing waits for a
   * controller) and every DynamoDB table it named (deletion protection turned off first).
   */
  async cleanup(): Promise<void> {
    for (const o of this.objects) {
      const p = objectPath(o.kind, o.name, o.namespace);
      const current = await this.kube.get(p).catch(() => undefined);
      if (current?.metadata.finalizers?.includes(MANAGED_FINALIZER)) {
        await this.kube
          .mergePatch(p, { metadata: { finalizers: null } })
          .catch(() => undefined);
      }
      await this.kube.delete(p).catch(() => undefined);
    }
    for (const name of this.tables) {
      await this.dynamodb
        .send(
          new UpdateTableCommand({
            TableName: name,
            DeletionProtectionEnabled: false,
          }),
        )
        .catch(() => undefined);
      await this.dynamodb
        .send(new DeleteTableCommand({ TableName: name }))
        .catch(() => undefined);
    }
    if (this.webhook) {
      await uninstallConversionWebhook(this.kube).catch(() => undefined);
      await this.webhook.close();
    }
    this.kube.close();
    this.dynamodb.destroy();
  }
}

function path(kind: ResourceKind, object: KubeObject): string {
  return objectPath(kind, object.metadata.name, object.metadata.namespace);
}

/** The condition of a type on an object, if any. */
export function conditionOf(object: KubeObject | undefined, type: string) {
  const conditions = ((object?.status as Record<string, unknown> | undefined)
    ?.conditions ?? []) as Array<{
    type: string;
    status: string;
    reason: string;
    message?: string;
  }>;
  return conditions.find(c => c.type === type);
}

/** Ready=True and Synced=True. */
export function isReadyAndSynced(object: KubeObject | undefined): boolean {
  return (
    conditionOf(object, 'Ready')?.status === 'True' &&
    conditionOf(object, 'Synced')?.status === 'True'
  );
}
