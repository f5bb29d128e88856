import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SessionApiConfig } from './config.ts';
import { createSessionApi } from './sessionApi.ts';
import { SessionStore } from './sessionStore.ts';
import { describeReadiness } from './tableReadiness.ts';

/** A listening session API. */
export interface RunningSessionApi {
  server: Server;
  /** http://<host>:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the session API on `config.port` (0 picks a free port). AWS credentials come from the
 * SDK's usual chain (environment, web identity, instance role), or from `credentials`.
 */
export async function startSessionApi(
  config: SessionApiConfig,
  options: {
    host?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  } = {},
): Promise<RunningSessionApi> {
  const client = new DynamoDBClient({
    region: config.region,
    endpoint: config.endpoint,
    credentials: options.credentials,
  });
  const store = new SessionStore({
    client,
    tableName: config.tableName,
    defaultTtlSeconds: config.sessionTtlSeconds,
  });
  const server = createServer(
    createSessionApi({
      store,
      describeTable: () => describeReadiness(client, config.tableName),
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, options.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => {
          client.destroy();
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
