import { join } from 'node:path';
import { startProcess, waitUntil } from './processes';
import type { ManagedProcess } from './processes';

/** Region used by the local platform's DynamoDB clients (tables are kept per region). */
export const DEFAULT_REGION = 'us-west-2';

/** Options for {@link startMoto}. */
export interface StartMotoOptions {
  python: string;
  script: string;
  dir: string;
  port: number;
  timeoutMs?: number;
}

/** A running moto server. */
export interface RunningMoto {
  process: ManagedProcess;
  /** http://127.0.0.1:<port> */
  endpoint: string;
  readyMs: number;
}

/** A DynamoDB JSON-protocol response. */
export interface DynamoDbResponse {
  status: number;
  /** the parsed JSON body */
  body: Record<string, unknown>;
  /** the error name (`ResourceNotFoundException`, ...) when status is not 2xx */
  errorType?: string;
}

/**
 * Sends one DynamoDB JSON request (`X-Amz-Target: DynamoDB_20120810.<operation>`) with a
 * signed-looking Authorization header: enough for moto, which does not check signatures and reads
 * the region from the credential scope.
 */
export async function dynamodbRequest(
  endpoint: string,
  operation: string,
  body: Record<string, unknown> = {},
  options: { region?: string; timeoutMs?: number } = {},
): Promise<DynamoDbResponse> {
  const region = options.region ?? DEFAULT_REGION;
  const res = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': `DynamoDB_20120810.${operation}`,
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20240101/${region}/dynamodb/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30000),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { message: text };
  }
  const type = typeof parsed.__type === 'string' ? parsed.__type : undefined;
  return {
    status: res.status,
    body: parsed,
    errorType: res.ok
      ? undefined
      : type?.slice(type.indexOf('#') + 1) ?? `HTTP ${res.status}`,
  };
}

/**
 * Starts scripts/platform/moto_server.py (moto + ContributorInsights shim) on 127.0.0.1:<port> and
 * waits until ListTables answers 200 (polled every 20 ms).
 */
export async function startMoto(
  options: StartMotoOptions,
): Promise<RunningMoto> {
  const endpoint = `http://127.0.0.1:${options.port}`;
  const proc = startProcess(
    'moto',
    options.python,
    [options.script, '--host', '127.0.0.1', '--port', String(options.port)],
    {
      logFile: join(options.dir, 'moto.log'),
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    },
  );
  const readyMs = await waitUntil(
    `moto ${endpoint} ListTables`,
    async () =>
      (
        await dynamodbRequest(endpoint, 'ListTables', {}, { timeoutMs: 2000 })
      ).status === 200,
    { timeoutMs: options.timeoutMs ?? 60000, intervalMs: 20, process: proc },
  );
  return { process: proc, endpoint, readyMs };
}

/** Stops a moto server and starts a new one on the same port: it has no tables (moto is in memory). */
export async function restartMoto(
  moto: RunningMoto,
  options: Omit<StartMotoOptions, 'port'>,
): Promise<RunningMoto> {
  await moto.process.stop();
  return startMoto({ ...options, port: Number(new URL(moto.endpoint).port) });
}
