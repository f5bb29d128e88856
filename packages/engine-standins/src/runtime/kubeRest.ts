import { Agent, request } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** Where and as whom the stand-ins call the Kubernetes API. */
export interface KubeRestConnection {
  /** `https://127.0.0.1:<port>` */
  server: string;
  /** CA certificate (PEM). */
  caPem: string;
  /** Bearer token. */
  token: string;
}

/** A Kubernetes API error with the server's own status and message. */
export class KubeApiError extends Error {
  readonly status: number;
  readonly reason?: string;
  /** The API server's own message (Status.message), e.g. a CRD validation error. */
  readonly serverMessage: string;

  constructor(method: string, path: string, status: number, body: string) {
    let message = body;
    let reason: string | undefined;
    try {
      const parsed = JSON.parse(body) as { message?: string; reason?: string };
      message = parsed.message ?? body;
      reason = parsed.reason;
    } catch {
      // not a Status object: keep the raw body
    }
    super(`${method} ${path}: ${status} ${message}`);
    this.name = 'KubeApiError';
    this.status = status;
    this.reason = reason;
    this.serverMessage = message;
  }
}

/** One event of a watch, as the API server streams it. */
export interface RawWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number; message?: string };
}

/** A list response: the items and the collection's resourceVersion to watch from. */
export interface KubeList {
  items: KubeObject[];
  resourceVersion: string;
}

/**
 * A minimal Kubernetes REST client (node:https only): what a controller needs to list, watch,
 * read, patch metadata and status, apply and delete. The stand-ins talk to the API server the
 * way controller-runtime does, with one keep-alive agent and JSON bodies.
 */
export class KubeRest {
  private readonly agent: Agent;

  /**
   * @param connection - also read by the Kratix stand-in, which hands the API server to the
   *   pipelines it runs as a pod's in-cluster configuration would
   */
  constructor(readonly connection: KubeRestConnection) {
    this.agent = new Agent({ keepAlive: true, ca: connection.caPem });
  }

  /** GET one object; undefined on 404. */
  async get(path: string): Promise<KubeObject | undefined> {
    const res = await this.send('GET', path);
    if (res.status === 404) return undefined;
    return this.parse<KubeObject>('GET', path, res);
  }

  /** GET a collection. */
  async list(path: string): Promise<KubeList> {
    const res = await this.send('GET', path);
    const body = this.parse<{
      items?: KubeObject[];
      metadata?: { resourceVersion?: string };
    }>('GET', path, res);
    return {
      items: body.items ?? [],
      resourceVersion: body.metadata?.resourceVersion ?? '',
    };
  }

  /** JSON merge patch of an object (metadata, spec); returns the object as stored. */
  mergePatch(path: string, patch: unknown): Promise<KubeObject> {
    return this.write('PATCH', path, patch, 'application/merge-patch+json');
  }

  /** JSON merge patch of the status subresource; returns the object as stored. */
  mergePatchStatus(path: string, patch: unknown): Promise<KubeObject> {
    return this.write(
      'PATCH',
      `${path}/status`,
      patch,
      'application/merge-patch+json',
    );
  }

  /** Replaces the status subresource (PUT), with the object's resourceVersion as a precondition. */
  replaceStatus(path: string, object: KubeObject): Promise<KubeObject> {
    return this.write('PUT', `${path}/status`, object, 'application/json');
  }

  /** Server-side apply with a field manager; returns the object as stored. */
  apply(
    path: string,
    object: KubeObject,
    fieldManager: string,
  ): Promise<KubeObject> {
    const query = `?fieldManager=${encodeURIComponent(
      fieldManager,
    )}&force=true`;
    return this.write(
      'PATCH',
      `${path}${query}`,
      object,
      'application/apply-patch+yaml',
    );
  }

  /** DELETE; resolves false when the object was already gone. */
  async delete(path: string): Promise<boolean> {
    const res = await this.send('DELETE', path);
    if (res.status === 404) return false;
    this.parse('DELETE', path, res);
    return true;
  }

  /**
   * Streams a watch from `resourceVersion` until the server closes it (resolves) or it fails
   * (rejects; a `410 Gone` arrives as a KubeApiError with status 410, so the caller relists).
   */
  watch(
    collectionPath: string,
    resourceVersion: string,
    onEvent: (event: RawWatchEvent) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const sep = collectionPath.includes('?') ? '&' : '?';
    const path = `${collectionPath}${sep}watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(
      resourceVersion,
    )}&timeoutSeconds=300`;
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.connection.server),
        {
          method: 'GET',
          agent: this.agent,
          headers: this.headers(),
          signal,
        },
        (res: IncomingMessage) => {
          if (res.statusCode !== 200) {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              reject(
                new KubeApiError(
                  'WATCH',
                  collectionPath,
                  res.statusCode ?? 0,
                  Buffer.concat(chunks).toString('utf8'),
                ),
              ),
            );
            return;
          }
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let newline = buffer.indexOf('\n');
            while (newline >= 0) {
              const line = buffer.slice(0, newline).trim();
              buffer = buffer.slice(newline + 1);
              newline = buffer.indexOf('\n');
              if (!line) continue;
              const event = JSON.parse(line) as RawWatchEvent;
              if (event.type === 'ERROR') {
                req.destroy();
                reject(
                  new KubeApiError(
                    'WATCH',
                    collectionPath,
                    event.object.code ?? 500,
                    JSON.stringify(event.object),
                  ),
                );
                return;
              }
              onEvent(event);
            }
          });
          res.on('end', () => resolve());
          res.on('error', reject);
        },
      );
      req.on('error', error => {
        if (signal.aborted) resolve();
        else reject(error);
      });
      req.end();
    });
  }

  /** Closes idle keep-alive sockets. */
  close(): void {
    this.agent.destroy();
  }

  private headers(): Record<string, string> {
    return {
      Authorization: `Bearer ${this.connection.token}`,
      Accept: 'application/json',
    };
  }

  private async write(
    method: string,
    path: string,
    body: unknown,
    contentType: string,
  ): Promise<KubeObject> {
    const res = await this.send(
      method,
      path,
      JSON.stringify(body),
      contentType,
    );
    return this.parse<KubeObject>(method, path, res);
  }

  private parse<T>(
    method: string,
    path: string,
    res: { status: number; body: string },
  ): T {
    if (res.status < 200 || res.status >= 300) {
      throw new KubeApiError(method, path, res.status, res.body);
    }
    return JSON.parse(res.body) as T;
  }

  private send(
    method: string,
    path: string,
    payload?: string,
    contentType?: string,
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.connection.server),
        {
          method,
          agent: this.agent,
          headers: {
            ...this.headers(),
            ...(payload !== undefined
              ? {
                  'Content-Type': contentType ?? 'application/json',
                  'Content-Length': Buffer.byteLength(payload),
                }
              : {}),
          },
          timeout: 30000,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path} timed out after 30 s`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }
}
