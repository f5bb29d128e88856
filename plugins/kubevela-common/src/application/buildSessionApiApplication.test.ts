import { inputWith } from '../spec/__fixtures__/inputs';
import { parseTableSpec, TableSpecError } from '../spec/parseTableSpec';
import type { TableSpec } from '../spec/types';
import { BuildOptionsError } from './BuildOptionsError';
import { buildSessionApiApplication } from './buildSessionApiApplication';

function specFor(input: unknown): TableSpec {
  const result = parseTableSpec(input, { tableNamePrefix: 'tenant-atlantis-' });
  if (!result.success) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.spec;
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

const SESSIONS = {
  applicationName: 'session-management',
  componentName: 'sessions-table',
  tableName: 'sessions',
  attributeDefinitions: [{ attributeName: 'sessionId', attributeType: 'S' }],
  keySchema: [{ attributeName: 'sessionId', keyType: 'HASH' }],
};

describe('buildSessionApiApplication', () => {
  it('adds a TTL on expiresAt to the table and a session-api component reading it', () => {
    const app = buildSessionApiApplication(specFor(inputWith({ ...SESSIONS })));
    expect(app.metadata.name).toBe('session-management');
    expect(app.spec.components).toEqual([
      {
        name: 'sessions-table',
        type: 'aws-dynamodb-xp',
        properties: {
          tableName: 'tenant-atlantis-sessions',
          region: 'us-west-2',
          attributeDefinitions: SESSIONS.attributeDefinitions,
          keySchema: SESSIONS.keySchema,
        },
        traits: [
          {
            type: 'dynamodb-ttl-xp',
            properties: { attributeName: 'expiresAt', enabled: true },
          },
        ],
      },
      {
        name: 'session-management-api',
        type: 'session-api',
        properties: {
          image: 'session-api:latest',
          port: 8080,
          replicas: 2,
          tableName: 'tenant-atlantis-sessions',
          region: 'us-west-2',
        },
      },
    ]);
  });

  it('uses the TTL request field for kratix and the inline property for kro inline', () => {
    const kratix = buildSessionApiApplication(
      specFor(inputWith({ ...SESSIONS, engine: 'kratix' })),
    );
    expect(kratix.spec.components[0].properties).toMatchObject({
      ttlAttributeName: 'expiresAt',
    });
    const kro = buildSessionApiApplication(
      specFor(inputWith({ ...SESSIONS, engine: 'kro', featureMode: 'inline' })),
    );
    expect(kro.spec.components[0].properties).toMatchObject({
      ttlEnabled: true,
      ttlAttributeName: 'expiresAt',
    });
  });

  it('passes the web options through', () => {
    const app = buildSessionApiApplication(
      specFor(inputWith({ ...SESSIONS })),
      {
        image: 'registry.local/session-api:1.2.3',
        port: 9090,
        replicas: 1,
        awsEndpoint: 'http://127.0.0.1:5000',
      },
    );
    expect(app.spec.components[1].properties).toEqual({
      image: 'registry.local/session-api:1.2.3',
      port: 9090,
      replicas: 1,
      tableName: 'tenant-atlantis-sessions',
      region: 'us-west-2',
      awsEndpoint: 'http://127.0.0.1:5000',
    });
  });

  it('keeps a TTL the spec already has on expiresAt', () => {
    const app = buildSessionApiApplication(
      specFor(inputWith({ ...SESSIONS, ttl: { attributeName: 'expiresAt' } })),
    );
    expect(app.spec.components[0].traits).toHaveLength(1);
  });

  it('rejects a TTL on another attribute', () => {
    expect(() =>
      buildSessionApiApplication(
        specFor(inputWith({ ...SESSIONS, ttl: { attributeName: 'ttl' } })),
      ),
    ).toThrow(
      /ttl.attributeName: the session API expires sessions through TTL on 'expiresAt'/,
    );
  });

  it('rejects kro-simple, which cannot expire items', () => {
    const spec = specFor({
      engine: 'kro-simple',
      applicationName: 'sessions',
      componentName: 'sessions',
    });
    expect(() => buildSessionApiApplication(spec)).toThrow(TableSpecError);
    expect(() => buildSessionApiApplication(spec)).toThrow(
      /engine 'kro-simple' does not support/,
    );
  });

  it('rejects a table component named like the session API component', () => {
    expect(() =>
      buildSessionApiApplication(
        specFor(
          inputWith({ ...SESSIONS, componentName: 'session-management-api' }),
        ),
      ),
    ).toThrow(/componentName 'session-management-api' is taken/);
  });

  it('names the session API component after the Application, so two can share a namespace', () => {
    const a = buildSessionApiApplication(specFor(inputWith(SESSIONS)));
    const b = buildSessionApiApplication(
      specFor(inputWith({ ...SESSIONS, applicationName: 'carts' })),
    );
    expect(a.spec.components[1].name).toBe('session-management-api');
    expect(b.spec.components[1].name).toBe('carts-api');
  });

  it('refuses an Application name too long for the session API component name', () => {
    expect(() =>
      buildSessionApiApplication(
        specFor(inputWith({ ...SESSIONS, applicationName: 'a'.repeat(60) })),
      ),
    ).toThrow(/applicationName may have at most 59/);
  });

  it.each([
    [{ port: 0 }, 'port'],
    [{ port: 8080.5 }, 'port'],
    [{ replicas: -1 }, 'replicas'],
    [{ image: 'session-api:latest\n  command: [sh]' }, 'image'],
    [{ image: 'a b' }, 'image'],
    [{ awsEndpoint: 'ftp://127.0.0.1' }, 'awsEndpoint'],
    [{ awsEndpoint: 'http://localhost:4566\nx: y' }, 'awsEndpoint'],
  ])('rejects the web option %j', (options, option) => {
    const error = thrownBy(() =>
      buildSessionApiApplication(specFor(inputWith({ ...SESSIONS })), options),
    );
    expect(error).toBeInstanceOf(BuildOptionsError);
    expect((error as BuildOptionsError).option).toBe(option);
  });
});
