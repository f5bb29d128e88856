import { isTransientError, toBackstageError } from './kubernetesErrors';

const ctx = {
  verb: 'patch',
  apiVersion: 'core.oam.dev/v1beta1',
  kind: 'Application',
  name: 'orders',
  namespace: 'team-a',
  cluster: 'prod',
  server: 'https://k8s:6443',
};
const apiError = (code: number, body: object) =>
  Object.assign(new Error('Unsuccessful HTTP Request'), {
    code,
    body: JSON.stringify(body),
    headers: {},
  });

describe('toBackstageError', () => {
  it('never retries a 4xx and always retries connection refused', () => {
    expect(isTransientError(apiError(409, {}))).toBe(false);
    expect(isTransientError(apiError(503, {}))).toBe(true);
    expect(
      isTransientError(
        Object.assign(new Error('refused'), {
          name: 'FetchError',
          code: 'ECONNREFUSED',
        }),
      ),
    ).toBe(true);
  });

  it('lists the conflicting field managers of an SSA conflict', () => {
    const e = toBackstageError(
      apiError(409, {
        reason: 'Conflict',
        details: {
          causes: [
            {
              reason: 'FieldManagerConflict',
              message: 'conflict with "kubectl" using core.oam.dev/v1beta1',
              field: '.spec.components',
            },
          ],
        },
      }),
      ctx,
    );
    expect(e.name).toBe('ConflictError');
    expect(e.message).toContain('"kubectl" owns .spec.components');
  });

  it('names the verb, resource, namespace and cluster of a 403', () => {
    const e = toBackstageError(
      apiError(403, {
        message: 'forbidden',
        details: { kind: 'applications' },
      }),
      ctx,
    );
    expect(e.name).toBe('NotAllowedError');
    expect(e.message).toMatch(
      /^not allowed to patch applications.core.oam.dev 'orders' in namespace 'team-a' on cluster 'prod'/,
    );
  });

  it('maps 401 to AuthenticationError and 404 to NotFoundError', () => {
    expect(toBackstageError(apiError(401, {}), ctx).name).toBe(
      'AuthenticationError',
    );
    expect(toBackstageError(apiError(404, {}), ctx).name).toBe('NotFoundError');
  });
});
