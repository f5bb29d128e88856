import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createBuildApplicationAction } from './buildApplication';

describe('kubevela:application:build', () => {
  const workspace = createMockDirectory();
  const action = createBuildApplicationAction({
    settings: {
      allowedNamespaces: ['team-a'],
      tableNamePrefix: 'tenant-atlantis-',
      defaultRegion: 'eu-west-1',
      regions: ['eu-west-1', 'us-west-2'],
    },
  });
  const table = {
    engine: 'crossplane',
    applicationName: 'orders',
    componentName: 'orders-table',
    namespace: 'team-a',
    tableName: 'orders',
    attributeDefinitions: [{ attributeName: 'orderId', attributeType: 'S' }],
    keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
    ttl: { enabled: true, attributeName: 'expiresAt' },
  };

  beforeEach(() => workspace.clear());

  it('writes the Application for the engine, with the platform prefix on the table name', async () => {
    const ctx = createMockActionContext({
      input: { table },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const written = parse(
      readFileSync(join(workspace.path, 'application.yaml'), 'utf8'),
    );
    expect(written.kind).toBe('Application');
    expect(written.metadata).toMatchObject({
      name: 'orders',
      namespace: 'team-a',
    });
    expect(written.spec.components[0]).toMatchObject({
      name: 'orders-table',
      type: 'aws-dynamodb-xp',
      properties: { tableName: 'tenant-atlantis-orders' },
    });
    expect(written.spec.components[0].traits).toEqual([
      {
        type: 'dynamodb-ttl-xp',
        properties: { attributeName: 'expiresAt', enabled: true },
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'tableName',
      'tenant-atlantis-orders',
    );
    expect(ctx.output).toHaveBeenCalledWith('componentType', 'aws-dynamodb-xp');
  });

  it("gives a request without region the platform's default region", async () => {
    const ctx = createMockActionContext({
      input: { table },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const written = parse(
      readFileSync(join(workspace.path, 'application.yaml'), 'utf8'),
    );
    expect(written.spec.components[0].properties.region).toBe('eu-west-1');
  });

  it('keeps a region the platform offers', async () => {
    const ctx = createMockActionContext({
      input: { table: { ...table, region: 'us-west-2' } },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const written = parse(
      readFileSync(join(workspace.path, 'application.yaml'), 'utf8'),
    );
    expect(written.spec.components[0].properties.region).toBe('us-west-2');
  });

  it('refuses a region the platform does not offer, naming the field, and writes nothing', async () => {
    const ctx = createMockActionContext({
      input: { table: { ...table, region: 'ap-south-1' } },
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "- region: region 'ap-south-1' is not offered by the platform; choose one of eu-west-1, us-west-2",
    );
    expect(workspace.content()).toEqual({});
  });

  it('writes to the target path inside the workspace', async () => {
    const ctx = createMockActionContext({
      input: { table, targetPath: 'deploy/app.yaml' },
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    expect(workspace.content()).toEqual({
      deploy: { 'app.yaml': expect.stringContaining('aws-dynamodb-xp') },
    });
  });

  it('refuses a target path outside the workspace', async () => {
    const ctx = createMockActionContext({
      input: { table, targetPath: '../escape.yaml' },
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "targetPath: '../escape.yaml' must be a relative path inside the workspace, without '..'",
    );
    expect(workspace.content()).toEqual({});
  });

  it('names every invalid field at once and writes nothing', async () => {
    const ctx = createMockActionContext({
      input: {
        table: {
          ...table,
          namespace: 'kube-system',
          localSecondaryIndexes: [
            {
              indexName: 'by-date',
              keySchema: [
                { attributeName: 'orderId', keyType: 'HASH' },
                { attributeName: 'createdAt', keyType: 'RANGE' },
              ],
              projectionType: 'ALL',
            },
          ],
        },
      },
      workspacePath: workspace.path,
    });
    const error = await action.handler(ctx).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(/^The table request is invalid:/);
    expect(error?.message).toMatch(/- namespace: .*team-a/);
    expect(error?.message).toMatch(/- localSecondaryIndexes/);
    expect(workspace.content()).toEqual({});
  });

  it('rejects a value that would inject YAML', async () => {
    const ctx = createMockActionContext({
      input: { table: { ...table, tags: { team: 'a\nkind: Secret' } } },
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(/tags/);
    expect(workspace.content()).toEqual({});
  });
});
