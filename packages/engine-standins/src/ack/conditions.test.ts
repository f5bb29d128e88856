import type { AckCondition } from '@vela-tables/plugin-kubevela-node';
import { loadReference, stateOf } from './__testUtils__/ackReference';
import {
  afterFailure,
  afterSuccess,
  ensureConditions,
  outOfSyncAfterCreate,
  terminalWithReason,
} from './conditions';
import { NOT_MANAGED_MESSAGE, NOT_MANAGED_REASON } from './constants';
import type { AckFailure } from './failures';

const now = new Date('2026-11-29T05:30:20.500Z');

/** Conditions with every lastTransitionTime replaced by a marker (times differ per run). */
function shape(conditions: readonly AckCondition[] | undefined) {
  return (conditions ?? []).map(c =>
    c.lastTransitionTime ? { ...c, lastTransitionTime: 'set' } : c,
  );
}

const updating: AckFailure = {
  kind: 'requeue',
  text: "table in 'UPDATING' state, cannot be modified or deleted",
  afterMs: 10_000,
};

describe('conditions: exactly as the real controller wrote them', () => {
  it('synced: ACK.ResourceSynced and Ready True, reason "" (01 [3])', () => {
    const ref = loadReference('01-create-basic.yaml');
    const out = ensureConditions([], { tableStatus: 'ACTIVE', now });
    expect(shape(out)).toEqual(shape(stateOf(ref, 3).status!.conditions));
    expect(out[0].lastTransitionTime).toBe('2026-11-29T05:30:20Z');
  });

  it('after creating a table with TTL: both False, no message, no reason (02 [3])', () => {
    const ref = loadReference('02-create-full.yaml');
    const out = ensureConditions(outOfSyncAfterCreate([], now), {
      tableStatus: 'ACTIVE',
      now,
    });
    expect(shape(out)).toEqual(shape(stateOf(ref, 3).status!.conditions));
  });

  it('after an update call: the Recoverable / Unknown / Ready False triple (02 [4])', () => {
    const ref = loadReference('02-create-full.yaml');
    const out = ensureConditions(afterFailure([], updating), {
      tableStatus: 'ACTIVE',
      failure: updating,
      now,
    });
    expect(shape(out)).toEqual(shape(stateOf(ref, 4).status!.conditions));
  });

  it('a refused CreateTable: Terminal with "api error <Code>: <message>" (05 [13])', () => {
    const ref = loadReference('05-refusal.yaml');
    const refused: AckFailure = {
      kind: 'aws',
      operation: 'CreateTable',
      code: 'ValidationException',
      message:
        'ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST',
      httpStatus: 400,
    };
    const out = ensureConditions(afterFailure([], refused), {
      failure: refused,
      now,
    });
    expect(shape(out)).toEqual(shape(stateOf(ref, 13).status!.conditions));
  });

  it('a refused DeleteTable: Terminal added next to the synced conditions (06 [6])', () => {
    const ref = loadReference('06-delete.yaml');
    const protectedTable: AckFailure = {
      kind: 'aws',
      operation: 'DeleteTable',
      code: 'ValidationException',
      message:
        "1 validation error detected: Table 'ack-ref-create-full' can't be deleted while DeletionProtectionEnabled is set to True",
    };
    const before = stateOf(ref, 5).status!.conditions!;
    const out = afterFailure(afterSuccess(before), protectedTable);
    expect(out).toEqual(stateOf(ref, 6).status!.conditions);
    // the next refused DeleteTable leaves them as they are
    expect(afterFailure(afterSuccess(out), protectedTable)).toEqual(out);
  });

  it('adopt-or-create of an existing table: Unknown "adopted resource, requeuing..." (08 [14])', () => {
    const ref = loadReference('08-adoption.yaml');
    const failure: AckFailure = {
      kind: 'requeueNow',
      text: 'adopted resource, requeuing to check for updates',
    };
    const out = ensureConditions([], { tableStatus: 'ACTIVE', failure, now });
    expect(shape(out)).toEqual(shape(stateOf(ref, 14).status!.conditions));
  });

  it('the API server refusing the adopted spec: Unknown with its message as reason (08 [7])', () => {
    const ref = loadReference('08-adoption.yaml');
    const failure: AckFailure = {
      kind: 'kube',
      text: 'Table.dynamodb.services.k8s.aws "adopt-me" is invalid: spec.keySchema: Invalid value: Value is immutable once set',
    };
    const out = ensureConditions([], { tableStatus: 'ACTIVE', failure, now });
    expect(shape(out)).toEqual(shape(stateOf(ref, 7).status!.conditions));
  });

  it('a table that exists but is not managed: Terminal "Resource already exists"', () => {
    const out = ensureConditions(
      terminalWithReason([], NOT_MANAGED_MESSAGE, NOT_MANAGED_REASON, now),
      {
        tableStatus: 'ACTIVE',
        failure: {
          kind: 'terminal',
          text: 'resource is in terminal condition',
        },
        now,
      },
    );
    expect(shape(out)).toEqual([
      {
        type: 'ACK.Terminal',
        status: 'True',
        message: 'Resource already exists',
        reason: NOT_MANAGED_REASON,
        lastTransitionTime: 'set',
      },
      {
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: 'Resource not synced',
        reason: 'resource is in terminal condition',
        lastTransitionTime: 'set',
      },
      {
        type: 'Ready',
        status: 'False',
        message: 'Resource already exists',
        reason: 'ACK.Terminal',
        lastTransitionTime: 'set',
      },
    ]);
  });
});
