import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { runTableConversionWebhook } from './crossplane';
import type { Server } from 'node:http';
import { dynamoDbClients } from './runtime/dynamodbClients';
import type { AwsTarget } from './runtime/dynamodbClients';
import { runControllerLoop } from './runtime/controllerLoop';
import type { ControllerLoop } from './runtime/controllerLoop';
import { KubeRest } from './runtime/kubeRest';
import type { KubeRestConnection } from './runtime/kubeRest';
import { assertLoopback } from './runtime/loopbackOnly';
import { STAND_INS } from './registry';
import type { StandInId } from './registry';

/** Options of {@link runStandIns}. */
export interface RunStandInsOptions {
  kube: KubeRestConnection;
  aws: AwsTarget;
  /** The region of resources that name none (ACK's `--aws-region`). */
  defaultRegion: string;
  /** Which stand-ins to run. */
  engines: readonly StandInId[];
  /** Serve `/readyz` (200 once every watch has listed once) and `/parts` here (0 = none). */
  healthPort?: number;
  /**
   * With the crossplane stand-in: tls.crt, tls.key and ca.crt of the Crossplane provider's
   * conversion webhook for the cluster-scoped Table CRD (v1beta1 lists <-> v1beta2 objects), which
   * the stand-in then serves and registers on the CRD, as the provider does.
   */
  conversionCertDir?: string;
  log?: (line: string) => void;
}

/** One running stand-in, as `/parts` and the platform's status list it. */
export interface StandInPart {
  id: StandInId;
  name: string;
  standsInFor: string;
}

/** The running stand-ins. */
export interface RunningStandIns {
  parts: StandInPart[];
  /** Resolves once every watch has listed once. */
  synced: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the chosen stand-ins against the local platform. Refuses to start unless the API server
 * and the DynamoDB endpoint are on loopback.
 */
export async function runStandIns(
  options: RunStandInsOptions,
): Promise<RunningStandIns> {
  assertLoopback('the Kubernetes API server', options.kube.server);
  assertLoopback('the DynamoDB endpoint', options.aws.endpoint);
  const log = options.log ?? (line => process.stdout.write(`${line}\n`));
  const kube = new KubeRest(options.kube);
  const dynamodb = dynamoDbClients(options.aws);
  const loops: ControllerLoop[] = [];
  const parts: StandInPart[] = [];
  for (const id of options.engines) {
    const reconciler = STAND_INS[id]();
    const prefix = `[local stand-in for ${reconciler.standsInFor}]`;
    log(
      `${prefix} starting: this is NOT the real controller; it writes what the real one writes, for the local platform only`,
    );
    parts.push({
      id,
      name: reconciler.name,
      standsInFor: reconciler.standsInFor,
    });
    loops.push(
      runControllerLoop(reconciler, kube, {
        kube,
        dynamodb,
        defaultRegion: options.defaultRegion,
        log: message => log(`${prefix} ${message}`),
        now: () => new Date(),
      }),
    );
  }
  let conversion: { stop(): Promise<void> } | undefined;
  if (options.conversionCertDir && options.engines.includes('crossplane')) {
    const file = (name: string) =>
      readFileSync(join(options.conversionCertDir!, name), 'utf8');
    conversion = await runTableConversionWebhook({
      kube,
      certPem: file('tls.crt'),
      keyPem: file('tls.key'),
      caPem: file('ca.crt'),
    });
    log(
      `[local stand-in for Crossplane's AWS provider] serving the Table CRD's conversion webhook at ${
        (conversion as { url?: string }).url
      }`,
    );
  }
  const synced = Promise.all(loops.map(l => l.synced)).then(() => undefined);
  let isSynced = false;
  void synced.then(() => {
    isSynced = true;
  });
  let server: Server | undefined;
  if (options.healthPort) {
    server = createServer((req, res) => {
      if (req.url === '/readyz' || req.url === '/healthz') {
        res.writeHead(isSynced || req.url === '/healthz' ? 200 : 503);
        res.end(isSynced ? 'ok' : 'syncing');
      } else if (req.url === '/parts') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(parts));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>(resolve =>
      server!.listen(options.healthPort, '127.0.0.1', resolve),
    );
  }
  return {
    parts,
    synced,
    async stop() {
      await Promise.all(loops.map(l => l.stop()));
      await conversion?.stop().catch(() => undefined);
      kube.close();
      if (server) await new Promise(resolve => server!.close(resolve));
    },
  };
}
