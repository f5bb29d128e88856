/** Everything the session service reads from its environment. */
export interface SessionApiConfig {
  /** DynamoDB table holding the sessions (`TABLE_NAME`, required). */
  tableName: string;
  /** AWS region of the table (`AWS_REGION`, default us-west-2 as in the seeds). */
  region: string;
  /** DynamoDB endpoint, e.g. a local DynamoDB server (`AWS_ENDPOINT_URL`); unset = AWS. */
  endpoint?: string;
  /** HTTP port (`PORT`, default 8080). */
  port: number;
  /** Lifetime of a new session in seconds (`SESSION_TTL_SECONDS`, default 24 hours). */
  sessionTtlSeconds: number;
}

/** A setting of the environment that cannot be used; names the variable. */
export class ConfigError extends Error {
  readonly variable: string;

  // No parameter properties: Node runs these sources with type stripping only.
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

const DEFAULT_REGION = 'us-west-2';
const DEFAULT_PORT = 8080;
const DEFAULT_SESSION_TTL_SECONDS = 24 * 60 * 60;
// A year: longer lifetimes are almost certainly a unit mistake (milliseconds for seconds).
const MAX_SESSION_TTL_SECONDS = 365 * 24 * 60 * 60;

// DynamoDB's own rule for table names; checked here so a typo fails at start, not per request.
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function wholeNumber(
  env: Record<string, string | undefined>,
  variable: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(
      variable,
      `'${raw}' must be a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

function endpointOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(
      'AWS_ENDPOINT_URL',
      `'${raw}' must be an http(s) URL`,
    );
  }
  return raw;
}

/** Reads and checks the configuration; throws a {@link ConfigError} naming the first bad variable. */
export function readConfig(
  env: Record<string, string | undefined>,
): SessionApiConfig {
  const tableName = env.TABLE_NAME ?? '';
  if (!TABLE_NAME.test(tableName)) {
    throw new ConfigError(
      'TABLE_NAME',
      tableName === ''
        ? 'is required: the DynamoDB table holding the sessions'
        : `'${tableName}' is not a DynamoDB table name (3 to 255 letters, digits, '_', '.' or '-')`,
    );
  }
  const region = env.AWS_REGION || DEFAULT_REGION;
  if (!REGION.test(region)) {
    throw new ConfigError(
      'AWS_REGION',
      `'${region}' is not an AWS region name such as us-west-2`,
    );
  }
  return {
    tableName,
    region,
    endpoint: endpointOf(env.AWS_ENDPOINT_URL),
    port: wholeNumber(env, 'PORT', DEFAULT_PORT, 1, 65535),
    sessionTtlSeconds: wholeNumber(
      env,
      'SESSION_TTL_SECONDS',
      DEFAULT_SESSION_TTL_SECONDS,
      1,
      MAX_SESSION_TTL_SECONDS,
    ),
  };
}
