import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { InputError } from './sessionInput.ts';
import { SESSION_ID } from './session.ts';

/** The Scan position after a page, as an opaque URL-safe token. */
export function encodePageToken(key: Record<string, AttributeValue>): string {
  const sessionId = key[SESSION_ID]?.S;
  if (sessionId === undefined) {
    throw new Error('the sessions table is not keyed on sessionId');
  }
  return Buffer.from(sessionId, 'utf8').toString('base64url');
}

/** The Scan position a token names; a token this service did not write is refused. */
export function decodePageToken(token: string): Record<string, AttributeValue> {
  const sessionId = /^[A-Za-z0-9_-]+$/.test(token)
    ? Buffer.from(token, 'base64url').toString('utf8')
    : '';
  if (
    sessionId === '' ||
    Buffer.from(sessionId).toString('base64url') !== token
  ) {
    throw new InputError('nextToken is not a token this service returned');
  }
  return { [SESSION_ID]: { S: sessionId } };
}
