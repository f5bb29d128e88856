import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { createBuildApplicationAction } from './buildApplication';

// templates/dynamodb-table/template.yaml, as a user who keeps every default would submit it.
const template = parse(
  readFileSync(resolve(__dirname, '../../../../templates/dynamodb-table/template.yaml'), 'utf8'),
);

function defaultsOf(schema: { properties?: Record<string, any> }): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.default !== undefined) values[key] = property.default;
    else if (property.type === 'object') values[key] = defaultsOf(property);
  }
  return values;
}

/** Renders `${{ parameters.x }}` the way the scaffolder does for a value that is one expression. */
function render(value: unknown, parameters: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{\{\s*parameters\.(\w+)\s*\}\}$/.exec(value);
    if (whole) return parameters[whole[1]];
    return value.replace(/\$\{\{\s*parameters\.(\w+)\s*\}\}/g, (_, key) => String(parameters[key]));
  }
  if (Array.isArray(value)) return value.map(v => render(v, parameters));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, parameters)]));
  }
  return value;
}

describe('the dynamodb-table template', () => {
  const defaults = Object.assign({}, ...template.spec.parameters.map(defaultsOf));
  const buildStep = template.spec.steps.find((s: { action: string }) => s.action === 'kubevela:application:build');
  const engines: string[] = template.spec.parameters[0].properties.engine.enum;
  const action = createBuildApplicationAction({
    settings: { allowedNamespaces: ['team-a', 'team-b'], tableNamePrefix: '' },
  });
  const workspace = createMockDirectory();

  it('offers every engine', () => {
    expect(engines).toEqual(['crossplane', 'kro', 'kro-simplified', 'kro-simple', 'kratix']);
  });

  it.each(engines)('builds a valid Application for %s from the form defaults', async engine => {
    workspace.clear();
    const parameters = { ...defaults, name: 'orders', engine };
    const ctx = createMockActionContext({
      input: render(buildStep.input, parameters) as never,
      workspacePath: workspace.path,
    });
    await action.handler(ctx);
    const written = parse(readFileSync(resolve(workspace.path, 'application.yaml'), 'utf8'));
    expect(written.metadata).toMatchObject({ name: 'orders', namespace: 'team-a' });
    expect(written.spec.components[0].name).toBe('orders-table');
  });

  it('turns the TTL switch into the engine\'s TTL', async () => {
    workspace.clear();
    const parameters = { ...defaults, name: 'sessions', engine: 'crossplane', ttl: { enabled: true, attributeName: 'expiresAt' } };
    const ctx = createMockActionContext({ input: render(buildStep.input, parameters) as never, workspacePath: workspace.path });
    await action.handler(ctx);
    const written = parse(readFileSync(resolve(workspace.path, 'application.yaml'), 'utf8'));
    expect(written.spec.components[0].traits).toContainEqual({
      type: 'dynamodb-ttl-xp',
      properties: { attributeName: 'expiresAt', enabled: true },
    });
  });
});
