import { ADMIN_USER, PORTAL_USER, RESTRICTED_USER } from './apiserver';
import { kubectl } from './crds';
import { kubeRequest } from './kubeApi';
import {
  createTestNamespace,
  getTestPlatform,
  kubeConnection,
  kubectlFor,
} from './testing';
import type { TestNamespace } from './testing';

jest.setTimeout(60_000);

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { hello: 'world' },
});

describe('least-privilege users of the local apiserver', () => {
  let ns: TestNamespace;

  beforeAll(async () => {
    ns = await createTestNamespace('rbac');
  });

  afterAll(async () => {
    await ns?.cleanup();
  });

  it('lets the admin (system:masters) write', async () => {
    const res = await kubeRequest(
      kubeConnection(getTestPlatform(), ADMIN_USER),
      'POST',
      `/api/v1/namespaces/${ns.name}/configmaps`,
      configMap('by-admin'),
    );

    expect(res.status).toBe(201);
  });

  it('forbids a write by the restricted user with 403', async () => {
    const res = await kubeRequest(
      kubeConnection(getTestPlatform(), RESTRICTED_USER),
      'POST',
      `/api/v1/namespaces/${ns.name}/configmaps`,
      configMap('by-restricted'),
    );

    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      code: 403,
    });
    expect(res.body).toContain(
      `User \\"${RESTRICTED_USER}\\" cannot create resource \\"configmaps\\" in API group \\"\\" in the namespace \\"${ns.name}\\"`,
    );
  });

  it('forbids a server-side apply of an Application by the restricted user through kubectl', async () => {
    const result = await kubectl(
      kubectlFor(getTestPlatform(), RESTRICTED_USER),
      ['apply', '--server-side', '-n', ns.name, '-f', '-'],
      {
        input: JSON.stringify({
          apiVersion: 'core.oam.dev/v1beta1',
          kind: 'Application',
          metadata: { name: 'orders' },
          spec: { components: [{ name: 'orders', type: 'aws-dynamodb-xp' }] },
        }),
      },
    );

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Forbidden');
  });

  it('gives the portal user nothing until RBAC grants it', async () => {
    const res = await kubeRequest(
      kubeConnection(getTestPlatform(), PORTAL_USER),
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${ns.name}/applications`,
    );

    expect(res.status).toBe(403);
  });

  it('authenticates no one with a wrong token', async () => {
    const res = await kubeRequest(
      { ...kubeConnection(getTestPlatform()), token: 'not-a-token' },
      'GET',
      '/api/v1/namespaces',
    );

    expect(res.status).toBe(401);
  });
});
