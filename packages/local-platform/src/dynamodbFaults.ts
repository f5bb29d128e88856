import { request } from 'node:http';

/**
 * A refusal the local DynamoDB server gives instead of running a call: moto accepts many inputs
 * that real DynamoDB refuses, so tests that check how an engine reports a refusal ask for one
 * (served by scripts/platform/moto_server.py at `/_vela_tables/faults`, loopback only).
 */
export interface DynamoDbFault {
  /** The DynamoDB operation, e.g. `CreateTable`. */
  operation: string;
  /** Only calls for this table (any table when absent). */
  tableName?: string;
  /** DynamoDB's error code, e.g. `LimitExceededException`. */
  code: string;
  /** The error message, in DynamoDB's words. */
  message: string;
  /** How many calls fail (until cleared when absent or 0). */
  times?: number;
}

function faultsRequest(
  endpoint: string,
  method: 'POST' | 'DELETE',
  body?: unknown,
): Promise<void> {
  const url = new URL('/_vela_tables/faults', endpoint);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: payload
          ? {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(payload),
            }
          : {},
        timeout: 10000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 200) resolve();
          else
            reject(
              new Error(
                `${method} ${url}: HTTP ${res.statusCode} ${Buffer.concat(
                  chunks,
                ).toString('utf8')}`,
              ),
            );
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${url} timed out`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// Test files run in parallel jest workers against one DynamoDB server: each process clears only
// the faults it injected.
const OWNER = `pid-${process.pid}`;

/** Makes the local DynamoDB server refuse matching calls with the given error. */
export function injectDynamoDbFault(
  endpoint: string,
  fault: DynamoDbFault,
): Promise<void> {
  return faultsRequest(endpoint, 'POST', { ...fault, owner: OWNER });
}

/** Clears every fault this process injected. */
export function clearDynamoDbFaults(endpoint: string): Promise<void> {
  return faultsRequest(endpoint, 'DELETE', { owner: OWNER });
}
