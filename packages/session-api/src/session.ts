import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  fromAttributeMap,
  toAttributeMap,
  toAttributeValue,
} from './attributeValues.ts';
import type { JsonValue } from './attributeValues.ts';
import { EXPIRES_AT } from './expiry.ts';

/** One session as the API returns it and the table stores it. */
export interface Session {
  /** The table's partition key. */
  sessionId: string;
  /** Whose session it is (the user index's partition key). */
  userId: string;
  /** Whatever the client keeps in the session. */
  data: { [key: string]: JsonValue };
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
  /** Expiry in epoch seconds: the table's TTL attribute. */
  expiresAt: number;
}

/** The table's partition key attribute. */
export const SESSION_ID = 'sessionId';
/** The attribute the user index is keyed on. */
export const USER_ID = 'userId';

/** A session as a DynamoDB item. */
export function sessionToItem(
  session: Session,
): Record<string, AttributeValue> {
  return {
    [SESSION_ID]: { S: session.sessionId },
    [USER_ID]: { S: session.userId },
    data: { M: toAttributeMap(session.data) },
    createdAt: { S: session.createdAt },
    updatedAt: { S: session.updatedAt },
    [EXPIRES_AT]: toAttributeValue(session.expiresAt),
  };
}

/** A DynamoDB item as a session; throws when an item written by someone else lacks a field. */
export function sessionFromItem(item: Record<string, AttributeValue>): Session {
  const value = fromAttributeMap(item);
  const { sessionId, userId, data, createdAt, updatedAt, expiresAt } = value;
  if (
    typeof sessionId !== 'string' ||
    typeof userId !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof updatedAt !== 'string' ||
    typeof expiresAt !== 'number' ||
    typeof data !== 'object' ||
    data === null ||
    Array.isArray(data)
  ) {
    throw new Error(
      `item ${JSON.stringify(
        sessionId,
      )} of the sessions table is not a session`,
    );
  }
  return { sessionId, userId, data, createdAt, updatedAt, expiresAt };
}
