import type { JsonValue } from './attributeValues.ts';

/** A request body the service refuses; names the field. Answered with 400. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** What `POST /sessions` takes. */
export interface NewSession {
  userId: string;
  data: { [key: string]: JsonValue };
  /** Lifetime in seconds; the service's default when absent. */
  ttlSeconds?: number;
}

/** What `PUT /sessions/<id>` takes: new data, a new lifetime from now, or both. */
export interface SessionChange {
  data?: { [key: string]: JsonValue };
  ttlSeconds?: number;
}

// A user id is a key of the user index: DynamoDB allows 2048 bytes; 256 characters is plenty.
const MAX_USER_ID = 256;
const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;

function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkedBody(
  body: unknown,
  allowed: string[],
): { [key: string]: unknown } {
  if (!isObject(body)) {
    throw new InputError('the request body must be a JSON object');
  }
  const unknown = Object.keys(body).filter(key => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new InputError(
      `unknown field ${unknown.join(', ')}; the fields are ${allowed.join(
        ', ',
      )}`,
    );
  }
  return body;
}

function checkedData(value: unknown): { [key: string]: JsonValue } {
  if (!isObject(value)) {
    throw new InputError('data must be a JSON object');
  }
  return value;
}

function checkedTtl(value: unknown): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_TTL_SECONDS
  ) {
    throw new InputError(
      `ttlSeconds must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`,
    );
  }
  return value;
}

/** Checks the user id of a path or body: a non-empty string without control characters. */
export function checkedUserId(value: unknown): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAX_USER_ID ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(value)
  ) {
    throw new InputError(
      `userId must be a string of 1 to ${MAX_USER_ID} characters without control characters`,
    );
  }
  return value;
}

/** The body of `POST /sessions`. */
export function parseNewSession(body: unknown): NewSession {
  const fields = checkedBody(body, ['userId', 'data', 'ttlSeconds']);
  return {
    userId: checkedUserId(fields.userId),
    data: fields.data === undefined ? {} : checkedData(fields.data),
    ttlSeconds:
      fields.ttlSeconds === undefined
        ? undefined
        : checkedTtl(fields.ttlSeconds),
  };
}

/** The body of `PUT /sessions/<id>`. */
export function parseSessionChange(body: unknown): SessionChange {
  const fields = checkedBody(body, ['data', 'ttlSeconds']);
  if (fields.data === undefined && fields.ttlSeconds === undefined) {
    throw new InputError('give data, ttlSeconds or both');
  }
  const change: SessionChange = {};
  if (fields.data !== undefined) change.data = checkedData(fields.data);
  if (fields.ttlSeconds !== undefined) {
    change.ttlSeconds = checkedTtl(fields.ttlSeconds);
  }
  return change;
}
