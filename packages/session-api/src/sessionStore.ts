import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toAttributeValue } from './attributeValues.ts';
import { EXPIRES_AT, isLive, nowInSeconds } from './expiry.ts';
import { decodePageToken, encodePageToken } from './pageToken.ts';
import type { Session } from './session.ts';
import {
  SESSION_ID,
  sessionFromItem,
  sessionToItem,
  USER_ID,
} from './session.ts';
import type { NewSession, SessionChange } from './sessionInput.ts';

/** One page of sessions; `nextToken` is there while the table has more. */
export interface SessionPage {
  sessions: Session[];
  nextToken?: string;
}

// `data` is a DynamoDB reserved word, so every expression names attributes through these.
const NAMES = {
  '#id': SESSION_ID,
  '#user': USER_ID,
  '#data': 'data',
  '#expires': EXPIRES_AT,
  '#updated': 'updatedAt',
};

/**
 * The sessions in one DynamoDB table. Every read leaves out sessions whose `expiresAt` has
 * passed, and every write refuses them, because DynamoDB's TTL deletes expired items late.
 */
export class SessionStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly defaultTtlSeconds: number;
  private readonly clock: () => Date;

  constructor(options: {
    client: DynamoDBClient;
    tableName: string;
    defaultTtlSeconds: number;
    clock?: () => Date;
  }) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.defaultTtlSeconds = options.defaultTtlSeconds;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Stores a new session with a fresh id. */
  async create(input: NewSession): Promise<Session> {
    const now = this.clock();
    const session: Session = {
      sessionId: randomUUID(),
      userId: input.userId,
      data: input.data,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      expiresAt:
        nowInSeconds(now) + (input.ttlSeconds ?? this.defaultTtlSeconds),
    };
    await this.client.send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: sessionToItem(session),
        ConditionExpression: 'attribute_not_exists(#id)',
        ExpressionAttributeNames: { '#id': SESSION_ID },
      }),
    );
    return session;
  }

  /** The live session with this id, if there is one. */
  async get(sessionId: string): Promise<Session | undefined> {
    const result = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: { [SESSION_ID]: { S: sessionId } },
        ConsistentRead: true,
      }),
    );
    if (!result.Item) return undefined;
    const session = sessionFromItem(result.Item);
    return isLive(session.expiresAt, nowInSeconds(this.clock()))
      ? session
      : undefined;
  }

  /** Changes a live session; undefined when there is none (missing or expired). */
  async update(
    sessionId: string,
    change: SessionChange,
  ): Promise<Session | undefined> {
    const now = this.clock();
    const assignments = ['#updated = :updated'];
    const values: Record<string, AttributeValue> = {
      ':updated': { S: now.toISOString() },
      ':now': toAttributeValue(nowInSeconds(now)),
    };
    if (change.data !== undefined) {
      assignments.push('#data = :data');
      values[':data'] = toAttributeValue(change.data);
    }
    if (change.ttlSeconds !== undefined) {
      assignments.push('#expires = :expires');
      values[':expires'] = toAttributeValue(
        nowInSeconds(now) + change.ttlSeconds,
      );
    }
    try {
      const result = await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { [SESSION_ID]: { S: sessionId } },
          UpdateExpression: `SET ${assignments.join(', ')}`,
          // Without the condition an update would create a session, or revive an expired one.
          ConditionExpression: 'attribute_exists(#id) AND #expires > :now',
          ExpressionAttributeNames: usedNames(assignments, ['#id', '#expires']),
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? sessionFromItem(result.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /**
   * Deletes the session; true when a live one was deleted. An expired item still in the table
   * is deleted too, but answers false: for the API it was already gone.
   */
  async delete(sessionId: string): Promise<boolean> {
    const result = await this.client.send(
      new DeleteItemCommand({
        TableName: this.tableName,
        Key: { [SESSION_ID]: { S: sessionId } },
        ReturnValues: 'ALL_OLD',
      }),
    );
    if (!result.Attributes) return false;
    const old = sessionFromItem(result.Attributes);
    return isLive(old.expiresAt, nowInSeconds(this.clock()));
  }

  /**
   * One page of live sessions (a Scan). DynamoDB applies `limit` before the expiry filter, so a
   * page can hold fewer sessions than `limit`, even none, while `nextToken` says there are more.
   */
  async list(limit: number, pageToken?: string): Promise<SessionPage> {
    const result = await this.client.send(
      new ScanCommand({
        TableName: this.tableName,
        Limit: limit,
        ExclusiveStartKey:
          pageToken === undefined ? undefined : decodePageToken(pageToken),
        FilterExpression: '#expires > :now',
        ExpressionAttributeNames: { '#expires': EXPIRES_AT },
        ExpressionAttributeValues: {
          ':now': toAttributeValue(nowInSeconds(this.clock())),
        },
      }),
    );
    return {
      sessions: (result.Items ?? []).map(sessionFromItem),
      nextToken: result.LastEvaluatedKey
        ? encodePageToken(result.LastEvaluatedKey)
        : undefined,
    };
  }

  /**
   * Every live session of one user: a Query on the user index when the table has one, else a
   * Scan of the whole table filtered by user (correct, but its cost grows with the table).
   */
  async listByUser(userId: string, userIndex?: string): Promise<Session[]> {
    const values = {
      ':user': { S: userId },
      ':now': toAttributeValue(nowInSeconds(this.clock())),
    };
    const names = { '#user': USER_ID, '#expires': EXPIRES_AT };
    const sessions: Session[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const result = userIndex
        ? await this.client.send(
            new QueryCommand({
              TableName: this.tableName,
              IndexName: userIndex,
              KeyConditionExpression: '#user = :user',
              FilterExpression: '#expires > :now',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
              ExclusiveStartKey: startKey,
            }),
          )
        : await this.client.send(
            new ScanCommand({
              TableName: this.tableName,
              FilterExpression: '#user = :user AND #expires > :now',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
              ExclusiveStartKey: startKey,
            }),
          );
      sessions.push(...(result.Items ?? []).map(sessionFromItem));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return sessions;
  }
}

// DynamoDB refuses expression attribute names that no expression uses.
function usedNames(
  assignments: string[],
  always: string[],
): Record<string, string> {
  const used = new Set([...always, ...assignments.map(a => a.split(' ')[0])]);
  return Object.fromEntries(
    Object.entries(NAMES).filter(([name]) => used.has(name)),
  );
}
