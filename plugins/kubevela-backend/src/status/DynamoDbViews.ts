import {
  createDynamoDbClient,
  describeDynamoDbTable,
} from '@vela-tables/plugin-kubevela-node';
import type {
  DynamoDbTableDescription,
  KubeVelaAwsConfig,
} from '@vela-tables/plugin-kubevela-node';
import { StatusCache } from './StatusCache';

type DynamoDBClient = ReturnType<typeof createDynamoDbClient>;

/** Options of {@link DynamoDbViews}. */
export interface DynamoDbViewsOptions {
  /** `kubevela.aws` as read (its region already defaults to `kubevela.defaultRegion`). */
  aws: KubeVelaAwsConfig;
  /** How long one table's description is reused, in milliseconds (0: not at all). */
  ttlMs: number;
  /** DescribeTable (tests); defaults to the SDK call. */
  describe?: (
    client: DynamoDBClient,
    tableName: string,
  ) => Promise<DynamoDbTableDescription>;
}

/**
 * DynamoDB's own view of tables, per region: one client per region (made on first use, with
 * the configured endpoint and credentials), and each table's description reused for `ttlMs`
 * so that pages polling one table share one DescribeTable.
 */
export class DynamoDbViews {
  private readonly clients = new Map<string, DynamoDBClient>();
  private readonly cache: StatusCache<DynamoDbTableDescription>;
  private readonly aws: KubeVelaAwsConfig;
  private readonly describeFn: NonNullable<DynamoDbViewsOptions['describe']>;

  constructor(options: DynamoDbViewsOptions) {
    this.aws = options.aws;
    this.cache = new StatusCache({ ttlMs: options.ttlMs });
    this.describeFn =
      options.describe ??
      ((client, name) => describeDynamoDbTable(client, name));
  }

  /** The region used when the engine resource names none. */
  get defaultRegion(): string {
    return this.aws.region;
  }

  /** Regions a client was made for so far. */
  regions(): string[] {
    return [...this.clients.keys()];
  }

  /** DescribeTable of `tableName` in `region` (default: the configured region). */
  describe(
    tableName: string,
    region?: string,
  ): Promise<DynamoDbTableDescription> {
    const r = region ?? this.aws.region;
    return this.cache.get(`${r}/${tableName}`, () =>
      this.describeFn(this.client(r), tableName),
    );
  }

  private client(region: string): DynamoDBClient {
    let client = this.clients.get(region);
    if (!client) {
      client = createDynamoDbClient({ ...this.aws, region });
      this.clients.set(region, client);
    }
    return client;
  }
}
