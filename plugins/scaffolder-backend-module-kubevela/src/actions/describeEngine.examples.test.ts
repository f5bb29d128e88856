import { createMockDirectory } from '@backstage/backend-test-utils';
import { runExample } from './__testUtils__/runExample';
import { createDescribeEngineAction } from './describeEngine';
import { describeEngineExamples } from './describeEngine.examples';

describe('kubevela:engine:describe examples', () => {
  const workspace = createMockDirectory();
  const actions = [createDescribeEngineAction()];

  it('describes the KRO simplified engine', async () => {
    const outputs = await runExample(describeEngineExamples[0], actions, {
      workspacePath: workspace.path,
    });
    expect(outputs.engine.componentType).toBe('aws-dynamodb-kro-simplified');
    expect(outputs.engine.traitTypes).toContain('dynamodb-ttl-kro');
  });

  it("describes the form's engine: Kratix, without traits", async () => {
    const outputs = await runExample(describeEngineExamples[1], actions, {
      workspacePath: workspace.path,
      parameters: { engine: 'kratix' },
    });
    expect(outputs.engine.componentType).toBe('aws-dynamodb-kratix');
    expect(outputs.engine.traitTypes).toEqual([]);
  });

  it('has no example this test does not run', () => {
    expect(describeEngineExamples).toHaveLength(2);
  });
});
