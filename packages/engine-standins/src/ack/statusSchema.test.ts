import { readdirSync } from 'node:fs';
import { schemaViolations } from '../testing/statusSchema';
import { loadReference, referenceDir } from './__testUtils__/ackReference';
import { ackTableStatusSchema } from './__testUtils__/ackStatusSchema';

describe('the ACK Table status schema walker', () => {
  const schema = ackTableStatusSchema();

  it('accepts every status the real controller wrote in the reference captures', () => {
    const files = readdirSync(referenceDir()).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    let statuses = 0;
    for (const file of files) {
      for (const state of loadReference(file).states) {
        if (!state.object.status) continue;
        statuses++;
        expect({
          state: state.title,
          violations: schemaViolations(state.object.status, schema),
        }).toEqual({ state: state.title, violations: [] });
      }
    }
    expect(statuses).toBeGreaterThan(20);
  });

  it('names a field the CRD does not declare, a wrong type and a missing required field', () => {
    expect(
      schemaViolations(
        {
          observedGeneration: 2,
          itemCount: '0',
          ackResourceMetadata: { region: 'us-west-2' },
          conditions: [
            { type: 'Ready', status: 'True', lastTransitionTime: 'yesterday' },
          ],
        },
        schema,
      ).sort(),
    ).toEqual([
      'status.ackResourceMetadata.ownerAccountID: required by the CRD, missing',
      "status.conditions[0].lastTransitionTime: 'yesterday' is not a date-time",
      'status.itemCount: is string, the CRD says integer',
      "status.observedGeneration: not in the CRD's schema",
    ]);
  });
});
