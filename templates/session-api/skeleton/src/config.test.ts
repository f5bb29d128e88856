import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('reads the variables the session-api component sets, with the defaults', () => {
    expect(readConfig({ TABLE_NAME: 'tenant-atlantis-sessions' })).toEqual({
      tableName: 'tenant-atlantis-sessions',
      region: 'us-west-2',
      endpoint: undefined,
      port: 8080,
      sessionTtlSeconds: 86400,
    });
    expect(
      readConfig({
        TABLE_NAME: 'sessions',
        AWS_REGION: 'eu-central-1',
        AWS_ENDPOINT_URL: 'http://localstack:4566',
        PORT: '9090',
        SESSION_TTL_SECONDS: '60',
      }),
    ).toEqual({
      tableName: 'sessions',
      region: 'eu-central-1',
      endpoint: 'http://localstack:4566',
      port: 9090,
      sessionTtlSeconds: 60,
    });
  });

  it.each([
    [{}, 'TABLE_NAME: is required'],
    [{ TABLE_NAME: 'a b' }, "TABLE_NAME: 'a b' is not a DynamoDB table name"],
    [{ TABLE_NAME: 'ok_table', AWS_REGION: 'mars' }, "AWS_REGION: 'mars'"],
    [
      { TABLE_NAME: 'ok_table', AWS_ENDPOINT_URL: 'ftp://x' },
      "AWS_ENDPOINT_URL: 'ftp://x' must be an http(s) URL",
    ],
    [{ TABLE_NAME: 'ok_table', PORT: '80a' }, "PORT: '80a' must be a whole"],
    [{ TABLE_NAME: 'ok_table', PORT: '70000' }, 'PORT: '],
    [
      { TABLE_NAME: 'ok_table', SESSION_TTL_SECONDS: '0' },
      "SESSION_TTL_SECONDS: '0' must be a whole number from 1 to 31536000",
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
