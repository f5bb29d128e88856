/**
 * The container's entry point: `node src/main.ts`. Node 24 runs the TypeScript directly (type
 * stripping), so there is no build step. Configuration comes from the environment (see
 * config.ts); a bad setting exits 1 naming the variable.
 */
import { ConfigError, readConfig } from './config.ts';
import { startSessionApi } from './server.ts';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const api = await startSessionApi(config);
  process.stdout.write(
    `session API listening on ${api.url}, table ${config.tableName} in ${
      config.region
    }${config.endpoint ? ` at ${config.endpoint}` : ''}\n`,
  );
  // Kubernetes sends SIGTERM before it kills the pod: finish the requests in flight.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch(error => {
  process.stderr.write(
    error instanceof ConfigError
      ? `configuration: ${error.message}\n`
      : `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
