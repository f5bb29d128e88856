import {
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { nowInSeconds } from './expiry.ts';
import { startSessionApi } from './server.ts';
import type { RunningSessionApi } from './server.ts';
import { sessionToItem } from './session.ts';
import type { Session } from './session.ts';
import {
  createTestTable,
  TEST_CREDENTIALS,
  TEST_REGION,
  testEndpoint,
} from './testing/testTable.ts';
import type { TestTable } from './testing/testTable.ts';

// The service against a real DynamoDB-compatible server (moto here, through the local
// platform); DynamoDB-compatible servers never expire items on time, so expired sessions are
// written straight into the table to stand for the ones TTL has not deleted yet.

async function startApiOn(tableName: string): Promise<RunningSessionApi> {
  return startSessionApi(
    {
      tableName,
      region: TEST_REGION,
      endpoint: testEndpoint(),
      port: 0,
      sessionTtlSeconds: 3600,
    },
    { host: '127.0.0.1', credentials: TEST_CREDENTIALS },
  );
}

type Reply = { status: number; body: any; headers: Headers };

function client(api: () => RunningSessionApi) {
  return async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Reply> => {
    // A string body is sent as it is (to send text that is not JSON).
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${api().url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : text,
    });
    const answer = await res.text();
    return {
      status: res.status,
      body: answer ? JSON.parse(answer) : undefined,
      headers: res.headers,
    };
  };
}

async function itemCount(table: TestTable): Promise<number> {
  const result = await table.client.send(
    new ScanCommand({ TableName: table.tableName, Select: 'COUNT' }),
  );
  return result.Count ?? 0;
}

/** Writes a session whose expiry has passed, as DynamoDB still holds it until TTL runs. */
async function putExpiredSession(
  table: TestTable,
  userId: string,
): Promise<Session> {
  const session: Session = {
    sessionId: randomUUID(),
    userId,
    data: { stale: true },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: nowInSeconds() - 10,
  };
  await table.client.send(
    new PutItemCommand({
      TableName: table.tableName,
      Item: sessionToItem(session),
    }),
  );
  return session;
}

describe('the session API on a table with the user index', () => {
  let table: TestTable;
  let api: RunningSessionApi;
  const call = client(() => api);

  beforeAll(async () => {
    table = await createTestTable();
    api = await startApiOn(table.tableName);
  });

  afterAll(async () => {
    await api?.close();
    await table?.drop();
  });

  it('is alive, and ready once DescribeTable answers for its table', async () => {
    expect(await call('GET', '/health')).toMatchObject({
      status: 200,
      body: { status: 'ok' },
    });
    expect(await call('GET', '/ready')).toMatchObject({
      status: 200,
      body: {
        ready: true,
        table: table.tableName,
        status: 'ACTIVE',
        userIndex: 'userId-index',
      },
    });
  });

  it('creates, reads, updates and deletes a session', async () => {
    const before = nowInSeconds();
    const created = await call('POST', '/sessions', {
      userId: 'user-123',
      data: { theme: 'dark', cart: [1, 2], seen: null },
    });
    expect(created.status).toBe(201);
    const session = created.body;
    expect(session).toMatchObject({
      userId: 'user-123',
      data: { theme: 'dark', cart: [1, 2], seen: null },
    });
    expect(session.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('location')).toBe(
      `/sessions/${session.sessionId}`,
    );
    // The service's default lifetime (3600 s here), as epoch seconds: DynamoDB's TTL unit.
    expect(session.expiresAt).toBeGreaterThanOrEqual(before + 3600);
    expect(session.expiresAt).toBeLessThanOrEqual(nowInSeconds() + 3600);

    // Stored as DynamoDB types: the TTL attribute a Number, the data a Map.
    const stored = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { sessionId: { S: session.sessionId } },
      }),
    );
    expect(stored.Item?.expiresAt).toEqual({ N: String(session.expiresAt) });
    expect(stored.Item?.data?.M?.theme).toEqual({ S: 'dark' });

    expect(await call('GET', `/sessions/${session.sessionId}`)).toMatchObject({
      status: 200,
      body: session,
    });

    const updated = await call('PUT', `/sessions/${session.sessionId}`, {
      data: { theme: 'light' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      sessionId: session.sessionId,
      userId: 'user-123',
      data: { theme: 'light' },
      expiresAt: session.expiresAt,
      createdAt: session.createdAt,
    });

    const extended = await call('PUT', `/sessions/${session.sessionId}`, {
      ttlSeconds: 60,
    });
    expect(extended.body.data).toEqual({ theme: 'light' });
    expect(extended.body.expiresAt).toBeLessThanOrEqual(nowInSeconds() + 60);
    expect(extended.body.expiresAt).toBeGreaterThan(nowInSeconds());

    expect(
      (await call('DELETE', `/sessions/${session.sessionId}`)).status,
    ).toBe(204);
    expect(await call('GET', `/sessions/${session.sessionId}`)).toMatchObject({
      status: 404,
      body: { error: `session '${session.sessionId}' not found` },
    });
    expect(
      (await call('DELETE', `/sessions/${session.sessionId}`)).status,
    ).toBe(404);
    expect(
      (await call('PUT', `/sessions/${session.sessionId}`, { data: {} }))
        .status,
    ).toBe(404);
  });

  it("lists a user's live sessions through the user index", async () => {
    const alice = await Promise.all(
      [1, 2].map(
        async n =>
          (
            await call('POST', '/sessions', {
              userId: 'alice',
              data: { n },
            })
          ).body,
      ),
    );
    await call('POST', '/sessions', { userId: 'bob' });
    const stale = await putExpiredSession(table, 'alice');

    const res = await call('GET', '/sessions/user/alice');
    expect(res.status).toBe(200);
    expect(res.body.sessions.map((s: Session) => s.sessionId).sort()).toEqual(
      alice.map(s => s.sessionId).sort(),
    );
    expect(res.body.sessions).not.toContainEqual(
      expect.objectContaining({ sessionId: stale.sessionId }),
    );
    expect(await call('GET', '/sessions/user/nobody')).toMatchObject({
      status: 200,
      body: { sessions: [] },
    });
  });

  it('treats a session past its expiresAt as gone, though DynamoDB still holds it', async () => {
    const stale = await putExpiredSession(table, 'carol');
    const path = `/sessions/${stale.sessionId}`;

    expect((await call('GET', path)).status).toBe(404);
    const listed = await call('GET', '/sessions?limit=1000');
    expect(listed.body.sessions).not.toContainEqual(
      expect.objectContaining({ sessionId: stale.sessionId }),
    );
    expect(listed.body.sessions.length).toBeGreaterThan(0);

    // An update must not bring it back to life.
    expect((await call('PUT', path, { ttlSeconds: 3600 })).status).toBe(404);
    const kept = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { sessionId: { S: stale.sessionId } },
      }),
    );
    expect(kept.Item?.expiresAt).toEqual({ N: String(stale.expiresAt) });

    // Deleting removes the leftover item, and still answers that there was no session.
    expect((await call('DELETE', path)).status).toBe(404);
    const gone = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { sessionId: { S: stale.sessionId } },
      }),
    );
    expect(gone.Item).toBeUndefined();
  });

  it('refuses bad requests with the field named, writing nothing', async () => {
    const count = await itemCount(table);
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/sessions', { data: {} }, 'userId must be a string'],
      ['POST', '/sessions', { userId: 'a\nb' }, 'userId must be a string'],
      [
        'POST',
        '/sessions',
        { userId: 'a', data: [1] },
        'data must be a JSON object',
      ],
      [
        'POST',
        '/sessions',
        { userId: 'a', ttlSeconds: 0 },
        'ttlSeconds must be',
      ],
      [
        'POST',
        '/sessions',
        { userId: 'a', role: 'admin' },
        'unknown field role',
      ],
      ['POST', '/sessions', '{not json', 'not valid JSON'],
      ['PUT', `/sessions/${randomUUID()}`, {}, 'give data, ttlSeconds or both'],
      ['GET', '/sessions?limit=0', undefined, 'limit must be'],
      ['GET', '/sessions?nextToken=%%%', undefined, 'nextToken is not'],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await call(method, path, body);
      expect({ method, path, status: res.status }).toEqual({
        method,
        path,
        status: 400,
      });
      expect(res.body.error).toContain(message);
    }
    expect(await itemCount(table)).toBe(count);
    expect((await call('PATCH', '/sessions')).status).toBe(405);
    expect((await call('GET', '/nothing')).status).toBe(404);
  });
});

describe('the session API on a table without the user index', () => {
  let table: TestTable;
  let api: RunningSessionApi;
  const call = client(() => api);

  beforeAll(async () => {
    table = await createTestTable({ userIndex: false });
    api = await startApiOn(table.tableName);
  });

  afterAll(async () => {
    await api?.close();
    await table?.drop();
  });

  it("says so when ready, and still finds a user's sessions (by a filtered Scan)", async () => {
    const ready = await call('GET', '/ready');
    expect(ready).toMatchObject({ status: 200, body: { ready: true } });
    expect(ready.body.userIndex).toBeUndefined();

    const mine = (await call('POST', '/sessions', { userId: 'dave' })).body;
    await call('POST', '/sessions', { userId: 'erin' });
    await putExpiredSession(table, 'dave');
    expect((await call('GET', '/sessions/user/dave')).body).toEqual({
      sessions: [mine],
    });
  });

  it('pages through every live session with nextToken', async () => {
    const all = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await call(
        'GET',
        `/sessions?limit=1${token ? `&nextToken=${token}` : ''}`,
      );
      expect(res.status).toBe(200);
      res.body.sessions.forEach((s: Session) => all.add(s.userId));
      token = res.body.nextToken;
      pages += 1;
    } while (token && pages < 20);
    expect([...all].sort()).toEqual(['dave', 'erin']);
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});

describe('the session API without its table', () => {
  it('is alive but not ready, and answers 503 to session requests', async () => {
    const api = await startApiOn(`missing-${randomUUID().slice(0, 8)}`);
    const call = client(() => api);
    try {
      expect((await call('GET', '/health')).status).toBe(200);
      expect(await call('GET', '/ready')).toMatchObject({
        status: 503,
        body: { ready: false, status: 'ResourceNotFoundException' },
      });
      expect((await call('POST', '/sessions', { userId: 'x' })).status).toBe(
        503,
      );
    } finally {
      await api.close();
    }
  });
});
