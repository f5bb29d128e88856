// Keep-alive HTTP(S) requests with a JSON body, for the load generator and the apiserver.
import http from 'node:http';
import https from 'node:https';

/** One request; resolves with { status, body (text), ms }. */
export function send(url, { method = 'GET', headers = {}, body, agent, ca, timeoutMs = 60_000 } = {}) {
  const u = new URL(url);
  const lib = u.protocol === 'https:' ? https : http;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = lib.request(
      u,
      {
        method,
        agent,
        ca,
        timeout: timeoutMs,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
      },
      res => {
        const chunks = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${url}`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** A keep-alive agent with room for `sockets` parallel connections. */
export function keepAliveAgent(sockets = 64) {
  return new http.Agent({ keepAlive: true, maxSockets: sockets });
}
