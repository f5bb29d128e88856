import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { withoutServerStack } from './withoutServerStack';

describe('withoutServerStack', () => {
  it('rethrows the same error with only its name and message as stack', async () => {
    const logger = mockServices.logger.mock();
    const failing = withoutServerStack(
      {
        id: 'kubevela:test',
        handler: async (_ctx: unknown) => {
          throw new InputError(
            'table.tableName: must not contain a line break',
          );
        },
      },
      logger,
    );
    const thrown = await failing.handler({}).catch((e: Error) => e);
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).stack).toBe(
      'InputError: table.tableName: must not contain a line break',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'kubevela:test failed',
      expect.any(InputError),
    );
  });

  it('passes a successful run through', async () => {
    const handler = jest.fn().mockResolvedValue(undefined);
    const wrapped = withoutServerStack(
      { id: 'kubevela:test', handler },
      mockServices.logger.mock(),
    );
    await wrapped.handler({ input: 1 });
    expect(handler).toHaveBeenCalledWith({ input: 1 });
  });
});
