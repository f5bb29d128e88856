/**
 * The engine stand-ins' process, started by the local platform (packages/local-platform) like
 * vela-core and KRO:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs packages/engine-standins/src/main.ts \
 *     --platform-json .local-platform/<run>/platform.json [--engines ack,crossplane,kratix] \
 *     [--health-port N]
 *
 * It reads the API server, CA, admin token and DynamoDB endpoint from platform.json, and stops on
 * SIGTERM/SIGINT.
 */
import { readFileSync } from 'node:fs';
import { runStandIns } from './runStandIns';
import { STAND_IN_IDS } from './registry';
import type { StandInId } from './registry';

interface PlatformJson {
  kubernetes: { server: string; caFile: string; adminToken: string };
  dynamodb?: {
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
  };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const platformJson = flag(args, 'platform-json');
  if (!platformJson) throw new Error('--platform-json <file> is required');
  const info = JSON.parse(readFileSync(platformJson, 'utf8')) as PlatformJson;
  if (!info.dynamodb) {
    throw new Error(
      `${platformJson} has no DynamoDB endpoint: the stand-ins need one`,
    );
  }
  const engines = (flag(args, 'engines') ?? STAND_IN_IDS.join(','))
    .split(',')
    .map(e => e.trim())
    .filter(Boolean);
  for (const e of engines) {
    if (!(STAND_IN_IDS as readonly string[]).includes(e)) {
      throw new Error(
        `unknown stand-in '${e}': use ${STAND_IN_IDS.join(', ')}`,
      );
    }
  }
  const running = await runStandIns({
    kube: {
      server: info.kubernetes.server,
      caPem: readFileSync(info.kubernetes.caFile, 'utf8'),
      token: info.kubernetes.adminToken,
    },
    aws: {
      endpoint: info.dynamodb.endpoint,
      accessKeyId: info.dynamodb.accessKeyId,
      secretAccessKey: info.dynamodb.secretAccessKey,
    },
    defaultRegion: info.dynamodb.region,
    engines: engines as StandInId[],
    healthPort: Number(flag(args, 'health-port') ?? 0),
    conversionCertDir: flag(args, 'conversion-cert-dir'),
  });
  await running.synced;
  process.stdout.write(`stand-ins synced: ${engines.join(', ')}\n`);
  const shutdown = () => {
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`engine stand-ins: ${(error as Error).message}\n`);
  process.exit(1);
});
