import { request } from 'node:https';

/** Where and as whom to call the Kubernetes API. */
export interface KubeConnection {
  /** https://127.0.0.1:<port> */
  server: string;
  /** CA certificate PEM */
  caPem: string;
  /** bearer token */
  token: string;
}

/** A raw Kubernetes API response. */
export interface KubeResponse {
  status: number;
  body: string;
  /** the body parsed as JSON (throws when it is not JSON) */
  json<T = unknown>(): T;
}

/** Sends one HTTPS request to the Kubernetes API with a bearer token and the platform's CA. */
export function kubeRequest(
  connection: KubeConnection,
  method: string,
  path: string,
  body?: unknown,
  options: { contentType?: string; timeoutMs?: number } = {},
): Promise<KubeResponse> {
  const url = new URL(path, connection.server);
  let payload: string | undefined;
  if (typeof body === 'string') payload = body;
  else if (body !== undefined) payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: connection.caPem,
        headers: {
          Authorization: `Bearer ${connection.token}`,
          Accept: 'application/json',
          ...(payload !== undefined
            ? {
                'Content-Type': options.contentType ?? 'application/json',
                'Content-Length': Buffer.byteLength(payload),
              }
            : {}),
        },
        timeout: options.timeoutMs ?? 30000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${url} timed out`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}
