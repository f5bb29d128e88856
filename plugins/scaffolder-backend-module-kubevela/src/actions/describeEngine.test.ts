import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createDescribeEngineAction } from './describeEngine';

describe('kubevela:engine:describe', () => {
  it('reports the crossplane component type and its seven -xp traits', async () => {
    const action = createDescribeEngineAction();
    const ctx = createMockActionContext({ input: { engine: 'crossplane' } });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('componentType', 'aws-dynamodb-xp');
    const traits = (ctx.output as jest.Mock).mock.calls.find(
      c => c[0] === 'traitTypes',
    )[1];
    expect(traits).toHaveLength(7);
    expect(
      traits.every(
        (t: string) => t.startsWith('dynamodb-') && t.endsWith('-xp'),
      ),
    ).toBe(true);
  });

  it('rejects an unknown engine and names the field', async () => {
    const action = createDescribeEngineAction();
    const ctx = createMockActionContext({ input: { engine: 'pulumi' } });
    await expect(action.handler(ctx)).rejects.toThrow(
      /^engine: unknown engine 'pulumi'/,
    );
  });
});
