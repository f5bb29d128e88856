import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  CreateTableInput,
  DynamoDBClient,
  TableDescription,
  Tag,
  TimeToLiveDescription,
  UpdateContinuousBackupsInput,
  UpdateTableInput,
  UpdateTimeToLiveInput,
} from '@aws-sdk/client-dynamodb';
import { AckFailureError, failureFromSdk } from './failures';

/**
 * The DynamoDB calls the ACK Table controller makes, each turning an SDK error into the failure
 * the real controller would have seen (see failures.ts).
 */
export class TableApi {
  constructor(private readonly client: DynamoDBClient) {}

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new AckFailureError(failureFromSdk(operation, error));
    }
  }

  async describeTable(tableName: string): Promise<TableDescription> {
    const out = await this.call('DescribeTable', () =>
      this.client.send(new DescribeTableCommand({ TableName: tableName })),
    );
    return out.Table ?? {};
  }

  async createTable(input: CreateTableInput): Promise<TableDescription> {
    const out = await this.call('CreateTable', () =>
      this.client.send(new CreateTableCommand(input)),
    );
    return out.TableDescription ?? {};
  }

  async updateTable(input: UpdateTableInput): Promise<void> {
    await this.call('UpdateTable', () =>
      this.client.send(new UpdateTableCommand(input)),
    );
  }

  async deleteTable(tableName: string): Promise<void> {
    await this.call('DeleteTable', () =>
      this.client.send(new DeleteTableCommand({ TableName: tableName })),
    );
  }

  async describeTimeToLive(
    tableName: string,
  ): Promise<TimeToLiveDescription | undefined> {
    const out = await this.call('DescribeTimeToLive', () =>
      this.client.send(new DescribeTimeToLiveCommand({ TableName: tableName })),
    );
    return out.TimeToLiveDescription;
  }

  async updateTimeToLive(input: UpdateTimeToLiveInput): Promise<void> {
    await this.call('UpdateTimeToLive', () =>
      this.client.send(new UpdateTimeToLiveCommand(input)),
    );
  }

  /** Whether point-in-time recovery is ENABLED. */
  async pointInTimeRecoveryEnabled(tableName: string): Promise<boolean> {
    const out = await this.call('DescribeContinuousBackups', () =>
      this.client.send(
        new DescribeContinuousBackupsCommand({ TableName: tableName }),
      ),
    );
    return (
      out.ContinuousBackupsDescription?.PointInTimeRecoveryDescription
        ?.PointInTimeRecoveryStatus === 'ENABLED'
    );
  }

  async updateContinuousBackups(
    input: UpdateContinuousBackupsInput,
  ): Promise<void> {
    await this.call('UpdateContinuousBackups', () =>
      this.client.send(new UpdateContinuousBackupsCommand(input)),
    );
  }

  /** Every tag of a resource (all pages). */
  async listTags(resourceArn: string): Promise<Tag[]> {
    const tags: Tag[] = [];
    const page = (nextToken?: string) =>
      this.call('ListTagsOfResource', () =>
        this.client.send(
          new ListTagsOfResourceCommand({
            ResourceArn: resourceArn,
            NextToken: nextToken,
          }),
        ),
      );
    let out = await page();
    tags.push(...(out.Tags ?? []));
    while (out.NextToken) {
      out = await page(out.NextToken);
      tags.push(...(out.Tags ?? []));
    }
    return tags;
  }

  async tagResource(resourceArn: string, tags: Tag[]): Promise<void> {
    await this.call('TagResource', () =>
      this.client.send(
        new TagResourceCommand({ ResourceArn: resourceArn, Tags: tags }),
      ),
    );
  }

  async untagResource(resourceArn: string, keys: string[]): Promise<void> {
    await this.call('UntagResource', () =>
      this.client.send(
        new UntagResourceCommand({ ResourceArn: resourceArn, TagKeys: keys }),
      ),
    );
  }
}
