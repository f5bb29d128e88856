import type request from 'supertest';

/** GET on the kubevela API with a user's credentials. */
export type AuthedGet = (path: string) => request.Test;

/** Polls GET /watches until every kind of the cluster is synced (or not served); throws with the last answer after `timeoutMs`. */
export async function waitForWatches(
  authed: AuthedGet,
  cluster: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const res = await authed('/watches');
    last = res.body;
    const kinds: Array<{ state: string }> | undefined =
      res.body.clusters?.[cluster];
    if (
      kinds &&
      kinds.every(k => k.state === 'synced' || k.state === 'unserved')
    )
      return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(
    `watches of cluster '${cluster}' not synced after ${timeoutMs} ms: ${JSON.stringify(
      last,
    )}`,
  );
}

/** Polls GET `path` until `done` holds for the answer; throws with the last answer after `timeoutMs`. */
export async function pollUntil(
  get: () => request.Test,
  done: (res: request.Response) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<request.Response> {
  const deadline = Date.now() + timeoutMs;
  let last: request.Response | undefined;
  while (Date.now() < deadline) {
    last = await get();
    if (done(last)) return last;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(
    `${what} not seen in ${timeoutMs} ms; last answer HTTP ${
      last?.status
    } ${JSON.stringify(last?.body)}`,
  );
}
