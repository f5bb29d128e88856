import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { minimalRequest } from './testing/requests.ts';

// The container runs `node src/main.ts`: Node strips the types itself, no build and no jest
// transform involved. These tests run exactly that, as a separate process.
const MAIN = resolve(__dirname, 'main.ts');

describe('main.ts, run by node as the container runs it', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kratix-main-'));
    for (const d of ['input', 'output', 'metadata']) mkdirSync(join(root, d));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const run = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', MAIN, ...args],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          KRATIX_WORKFLOW_ACTION: 'configure',
          KRATIX_WORKFLOW_TYPE: 'resource',
          KRATIX_PROMISE_NAME: 'aws-dynamodb',
          KRATIX_PIPELINE_NAME: 'render-table',
          KRATIX_INPUT_DIR: join(root, 'input'),
          KRATIX_OUTPUT_DIR: join(root, 'output'),
          KRATIX_METADATA_DIR: join(root, 'metadata'),
        },
      },
    );

  it('renders the table and exits 0', () => {
    writeFileSync(
      join(root, 'input', 'object.yaml'),
      stringify(minimalRequest()),
    );
    const result = run([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'aws-dynamodb/render-table (configure, render-table): DynamoDBRequest team-a/orders: rendered the ACK Table',
    );
    expect(
      parse(readFileSync(join(root, 'output', 'table.yaml'), 'utf8')).spec
        .tableName,
    ).toBe('orders-table');
  });

  it('exits 1 with the reason and writes nothing for a bad request', () => {
    const object = minimalRequest();
    delete object.spec.keySchema;
    writeFileSync(join(root, 'input', 'object.yaml'), stringify(object));
    const result = run(['render-table']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'dynamodb-request-pipeline: DynamoDBRequest team-a/orders is not a valid DynamoDBRequest: spec.keySchema is required',
    );
    expect(readdirSync(join(root, 'output'))).toEqual([]);
    expect(readdirSync(join(root, 'metadata'))).toEqual([]);
  });

  it('exits 1 when wait-for-table is not given a cluster', () => {
    writeFileSync(
      join(root, 'input', 'object.yaml'),
      stringify(minimalRequest()),
    );
    const result = run(['wait-for-table']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set',
    );
  });
});
