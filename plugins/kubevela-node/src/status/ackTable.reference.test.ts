import { ackReferenceState as referenceState } from '../__testUtils__/ackReference';
import { readAckTable } from './ackTable';

// The phase of an ACK Table in each state the real ACK controller v1.9.2 wrote
// (../shared/reference/ack, see its README).

describe('readAckTable on the real controller’s states', () => {
  it('a full create is Provisioning through ACK’s follow-up reconciles, then Ready (02 [3], [4], [5])', () => {
    const createHook = readAckTable(referenceState('02-create-full.yaml', 3));
    expect(createHook.phase).toBe('Provisioning');
    expect(createHook.summary).toBe(
      'table is ACTIVE; ACK applies the settings CreateTable cannot take (TTL, point-in-time recovery) on its next reconcile',
    );
    const followUp = readAckTable(referenceState('02-create-full.yaml', 4));
    expect(followUp.phase).toBe('Provisioning');
    expect(followUp.summary).toContain(
      "table in 'UPDATING' state, cannot be modified or deleted",
    );
    expect(readAckTable(referenceState('02-create-full.yaml', 5)).phase).toBe(
      'Ready',
    );
  });

  it('an update of a table created minutes before, and a change DynamoDB never makes, are Degraded with ACK’s words (03 [3], 04 [3])', () => {
    for (const [file, n] of [
      ['03-update.yaml', 3],
      ['04-immutable-change.yaml', 3],
    ] as const) {
      const r = readAckTable(referenceState(file, n));
      expect(r.phase).toBe('Degraded');
      expect(r.summary).toBe(
        "table is ACTIVE but ACK cannot reconcile it (ACK.Recoverable): table in 'UPDATING' state, cannot be modified or deleted",
      );
    }
  });

  it('a refused create is Failed with AWS’s words (05 [13])', () => {
    const r = readAckTable(referenceState('05-refusal.yaml', 13));
    expect(r.phase).toBe('Failed');
    expect(r.summary).toContain('ValidationException');
  });
});
