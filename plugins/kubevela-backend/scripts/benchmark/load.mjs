// A closed-loop load generator: `concurrency` clients, each sending its next request when the
// previous one answered, until `total` requests were sent; every answer is checked.
import { send } from './http.mjs';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs one measurement: `request(i)` gives { url, method, body } for the i-th request, `check`
 * says whether an answer is right. Returns latency percentiles (ms), requests per second and the
 * failures (wrong answers count as failures).
 */
export async function runLoad({ concurrency, total, warmup = 20, request, check, headers, agent }) {
  const one = async i => {
    const r = request(i);
    const res = await send(r.url, { method: r.method, body: r.body, headers, agent });
    return { ms: res.ms, ok: res.status === 200 && check(JSON.parse(res.body), i), status: res.status, body: res.body };
  };
  for (let i = 0; i < warmup; i++) await one(i);
  const times = [];
  let failures = 0;
  let firstFailure;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const r = await one(i);
        times.push(r.ms);
        if (!r.ok) {
          failures++;
          firstFailure ??= `HTTP ${r.status} ${r.body.slice(0, 300)}`;
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return {
    n: total,
    concurrency,
    p50: +percentile(times, 50).toFixed(1),
    p95: +percentile(times, 95).toFixed(1),
    p99: +percentile(times, 99).toFixed(1),
    rps: +(total / seconds).toFixed(1),
    failures,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
