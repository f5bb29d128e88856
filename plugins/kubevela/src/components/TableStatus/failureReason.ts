import type {
  EngineCondition,
  EngineResourceStatus,
} from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../api/types';

/** The condition that says why a table failed, and the resource that reported it. */
export interface FailureReason {
  resource: Pick<EngineResourceStatus, 'kind' | 'name'>;
  condition: EngineCondition;
}

// Messages ACK and Crossplane use for "see the other condition"; they say nothing themselves.
const UNINFORMATIVE = new Set(['Resource not synced']);

function isRefusal(c: EngineCondition): boolean {
  // ACK.Terminal=True carries the AWS error; Crossplane writes it on Synced=False, Kratix on
  // its pipeline's condition. Any False condition with a message is the next best.
  if (c.type === 'ACK.Terminal') return c.status === 'True';
  return c.status === 'False';
}

/**
 * The engine condition that explains a Failed or Degraded table, with DynamoDB's own message
 * when the engine passed it on: ACK.Terminal first, then any False condition with a message.
 */
export function failureReason(
  status: TableStatusResponse,
): FailureReason | undefined {
  const candidates = status.engineResources.flatMap(resource =>
    resource.conditions
      .filter(
        c => isRefusal(c) && c.message && !UNINFORMATIVE.has(c.message.trim()),
      )
      .map(condition => ({ resource, condition })),
  );
  return (
    candidates.find(c => c.condition.type === 'ACK.Terminal') ??
    candidates.find(c => /api error|Exception/.test(c.condition.message!)) ??
    candidates[0]
  );
}
