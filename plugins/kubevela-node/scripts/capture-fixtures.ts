/**
 * Re-captures src/status/__fixtures__/captured/, the fixtures of the status reader tests
 * (src/status/captured.test.ts): Applications and KRO instances exactly as the real vela-core
 * and KRO write them.
 *
 *   yarn workspace @vela-tables/plugin-kubevela-node capture-fixtures
 *
 * Starts its own local platform with vela-core, KRO and manifests/ applied (no stand-ins, so
 * no status is written by anything but the real controllers and this script), captures, and
 * stops the platform. Takes about a minute.
 */
import { join } from 'node:path';
import { startLocalPlatform } from '@internal/local-platform';
import { captureFixtures } from './capture/scenarios';

const OUT = join(__dirname, '..', 'src', 'status', '__fixtures__', 'captured');

async function main() {
  const platform = await startLocalPlatform({
    runIdPrefix: 'capture',
    controllerManager: true,
    velaCore: true,
    kro: true,
    manifests: true,
    log: message => process.stderr.write(`[local-platform] ${message}\n`),
  });
  try {
    const written = await captureFixtures(platform.info, OUT);
    process.stdout.write(
      `captured ${written.length} fixtures into ${OUT}:\n${written
        .map(name => `  ${name}.json\n`)
        .join('')}`,
    );
  } finally {
    await platform.stop();
  }
}

main().catch(error => {
  process.stderr.write(`capture-fixtures failed: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
