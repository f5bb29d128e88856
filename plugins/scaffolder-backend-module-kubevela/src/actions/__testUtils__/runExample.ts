import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { parse } from 'yaml';

type Outputs = Record<string, Record<string, unknown>>;

const EXPRESSION =
  /^\$\{\{\s*(steps\.([\w-]+)\.output\.([\w-]+)|parameters\.([\w-]+))\s*\}\}$/;

/** Replaces whole-string `${{ steps.<id>.output.<name> }}` and `${{ parameters.<name> }}`. */
function resolve(
  value: unknown,
  outputs: Outputs,
  parameters: Record<string, unknown>,
): unknown {
  if (typeof value === 'string') {
    const m = EXPRESSION.exec(value);
    if (!m) return value;
    if (m[4]) return parameters[m[4]];
    const step = outputs[m[2]];
    if (!step || !(m[3] in step)) {
      throw new Error(
        `the example reads ${value}, which no earlier step output`,
      );
    }
    return step[m[3]];
  }
  if (Array.isArray(value))
    return value.map(v => resolve(v, outputs, parameters));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        resolve(v, outputs, parameters),
      ]),
    );
  }
  return value;
}

/**
 * Runs every step of an action example in order, as the scaffolder would: each step's input
 * with the outputs of the earlier steps filled in, all in one workspace. Returns each step's
 * outputs by step id. Only whole-string expressions are supported; anything else fails.
 */
export async function runExample(
  example: TemplateExample,
  actions: ReadonlyArray<TemplateAction<any, any, any>>,
  options: {
    workspacePath: string;
    parameters?: Record<string, unknown>;
  },
): Promise<Outputs> {
  const outputs: Outputs = {};
  const steps: Array<{ id: string; action: string; input?: unknown }> = parse(
    example.example,
  ).steps;
  for (const step of steps) {
    const action = actions.find(a => a.id === step.action);
    if (!action) throw new Error(`no action ${step.action} in the test`);
    const ctx = createMockActionContext({
      input: resolve(
        step.input ?? {},
        outputs,
        options.parameters ?? {},
      ) as any,
      workspacePath: options.workspacePath,
    });
    const stepOutputs: Record<string, unknown> = {};
    ctx.output = jest.fn((name: string, value: unknown) => {
      stepOutputs[name] = value;
    }) as any;
    await action.handler(ctx);
    outputs[step.id] = stepOutputs;
  }
  return outputs;
}
