import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, readJsonBody, sendJson } from './httpJson.ts';
import {
  checkedUserId,
  InputError,
  parseNewSession,
  parseSessionChange,
} from './sessionInput.ts';
import type { SessionStore } from './sessionStore.ts';
import type { TableReadiness } from './tableReadiness.ts';

/** What the HTTP layer needs: the sessions, and a way to ask DynamoDB about the table. */
export interface SessionApiDependencies {
  store: SessionStore;
  describeTable: () => Promise<TableReadiness>;
  log?: (message: string) => void;
}

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

function pageLimit(raw: string | null): number {
  if (raw === null) return DEFAULT_PAGE;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > MAX_PAGE) {
    throw new InputError(`limit must be a whole number from 1 to ${MAX_PAGE}`);
  }
  return limit;
}

function notFound(response: ServerResponse, sessionId: string): void {
  sendJson(response, 404, { error: `session '${sessionId}' not found` });
}

function methodNotAllowed(response: ServerResponse, allow: string[]): void {
  sendJson(
    response,
    405,
    { error: `use ${allow.join(', ')}` },
    { Allow: allow.join(', ') },
  );
}

/**
 * The session API of the seeds as a Node request listener: `/health`, `/ready`, CRUD on
 * `/sessions` and `/sessions/user/<userId>`.
 */
export function createSessionApi(
  deps: SessionApiDependencies,
): (request: IncomingMessage, response: ServerResponse) => void {
  const log = deps.log ?? (message => process.stderr.write(`${message}\n`));
  // The user index found by the last DescribeTable (readiness probes refresh it).
  let lastDescription: TableReadiness | undefined;
  async function describe(): Promise<TableReadiness> {
    lastDescription = await deps.describeTable();
    return lastDescription;
  }

  async function route(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://session-api');
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const method = request.method ?? 'GET';

    if (url.pathname === '/health') {
      // Liveness: the process answers; DynamoDB is the readiness probe's business.
      sendJson(response, 200, { status: 'ok' });
      return;
    }
    if (url.pathname === '/ready') {
      const readiness = await describe();
      sendJson(response, readiness.ready ? 200 : 503, readiness);
      return;
    }
    if (parts[0] !== 'sessions' || parts.length > 3) {
      sendJson(response, 404, { error: `no route ${url.pathname}` });
      return;
    }

    if (parts.length === 1) {
      if (method === 'POST') {
        const session = await deps.store.create(
          parseNewSession(await readJsonBody(request)),
        );
        sendJson(response, 201, session, {
          Location: `/sessions/${encodeURIComponent(session.sessionId)}`,
        });
      } else if (method === 'GET') {
        const page = await deps.store.list(
          pageLimit(url.searchParams.get('limit')),
          url.searchParams.get('nextToken') ?? undefined,
        );
        sendJson(response, 200, page);
      } else {
        methodNotAllowed(response, ['GET', 'POST']);
      }
      return;
    }

    if (parts[1] === 'user') {
      if (parts.length !== 3) {
        sendJson(response, 404, { error: 'use /sessions/user/<userId>' });
      } else if (method !== 'GET') {
        methodNotAllowed(response, ['GET']);
      } else {
        const userId = checkedUserId(parts[2]);
        const { userIndex } = lastDescription ?? (await describe());
        const sessions = await deps.store.listByUser(userId, userIndex);
        sendJson(response, 200, { sessions });
      }
      return;
    }
    if (parts.length !== 2) {
      sendJson(response, 404, { error: `no route ${url.pathname}` });
      return;
    }

    const sessionId = parts[1];
    if (method === 'GET') {
      const session = await deps.store.get(sessionId);
      if (session) sendJson(response, 200, session);
      else notFound(response, sessionId);
    } else if (method === 'PUT') {
      const change = parseSessionChange(await readJsonBody(request));
      const session = await deps.store.update(sessionId, change);
      if (session) sendJson(response, 200, session);
      else notFound(response, sessionId);
    } else if (method === 'DELETE') {
      if (await deps.store.delete(sessionId)) {
        response.writeHead(204).end();
      } else {
        notFound(response, sessionId);
      }
    } else {
      methodNotAllowed(response, ['GET', 'PUT', 'DELETE']);
    }
  }

  return (request, response) => {
    route(request, response).catch(error => {
      if (error instanceof InputError) {
        sendJson(response, 400, { error: error.message });
      } else if (error instanceof HttpError) {
        sendJson(response, error.status, { error: error.message });
      } else if (error instanceof URIError) {
        sendJson(response, 400, {
          error: 'the path is not valid URL encoding',
        });
      } else if (
        error instanceof Error &&
        error.name === 'ResourceNotFoundException'
      ) {
        // The table is gone (or not created yet): the service cannot serve, not the client's fault.
        sendJson(response, 503, { error: error.message });
      } else {
        log(
          `${request.method} ${request.url}: ${
            error instanceof Error ? error.stack : String(error)
          }`,
        );
        if (!response.headersSent) {
          sendJson(response, 500, { error: 'internal error' });
        }
      }
    });
  };
}
