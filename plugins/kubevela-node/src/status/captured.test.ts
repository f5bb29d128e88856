import { captured } from './__fixtures__';
import { readCrossplaneTableStatus } from './readCrossplaneTableStatus';
import { readKroSimpleTableStatus } from './readKroSimpleTableStatus';
import { readKroTableStatus } from './readKroTableStatus';
import { readTableStatus, summariseApplication } from './readTableStatus';

// The same readers, against objects exactly as the real vela-core v1.10.9 and KRO v0.9.4 wrote
// them (src/status/__fixtures__/captured; ACK/Crossplane Table statuses there are written by the
// capture, as those controllers would, because they do not run locally).
describe('readers against captured fixtures', () => {
  describe('KRO instances', () => {
    it.each([
      ['kro', readKroTableStatus, 'orders-kro'],
      ['kro-simple', readKroSimpleTableStatus, 'orders-simple-kro'],
    ] as const)(
      '%s: Provisioning while IN_PROGRESS, Ready with the ARN once ACTIVE',
      (prefix, reader, table) => {
        const provisioning = reader(captured(`${prefix}-provisioning`));
        expect(provisioning.phase).toBe('Provisioning');
        expect(provisioning.tableArn).toBeUndefined();

        const ready = reader(captured(`${prefix}-ready`));
        expect(ready.phase).toBe('Ready');
        expect(ready.tableName).toBe(table);
        expect(ready.tableArn).toBe(
          `arn:aws:dynamodb:us-west-2:123456789012:table/${table}`,
        );
      },
    );

    it('reads KRO state IN_PROGRESS / ACTIVE from the instance', () => {
      const [provisioning] = captured('kro-provisioning');
      const [ready] = captured('kro-ready');
      expect((provisioning.status as { state: string }).state).toBe(
        'IN_PROGRESS',
      );
      expect((ready.status as { state: string }).state).toBe('ACTIVE');
    });
  });

  describe('Application phases', () => {
    it.each(['kro', 'kro-simple', 'crossplane'])(
      '%s: runningWorkflow, then running with healthy components',
      prefix => {
        const [working] = captured(`application-${prefix}-running-workflow`);
        const [running] = captured(`application-${prefix}-running`);
        expect(summariseApplication(working).phase).toBe('runningWorkflow');
        expect(
          summariseApplication(working).components.every(c => !c.healthy),
        ).toBe(true);
        expect(summariseApplication(running).phase).toBe('running');
        expect(summariseApplication(running).components.length).toBeGreaterThan(
          0,
        );
        expect(
          summariseApplication(running).components.every(c => c.healthy),
        ).toBe(true);
      },
    );

    it.each([
      ['kro', 'kro', 'orders-kro'],
      ['kro-simple', 'kro-simple', 'orders-simple-kro'],
    ] as const)(
      '%s: readTableStatus goes Provisioning -> Ready',
      (prefix, engine, table) => {
        const provisioning = readTableStatus({
          application: captured(`application-${prefix}-running-workflow`)[0],
          resources: captured(`${prefix}-provisioning`),
        });
        expect(provisioning.engine).toBe(engine);
        expect(provisioning.phase).toBe('Provisioning');

        const ready = readTableStatus({
          application: captured(`application-${prefix}-running`)[0],
          resources: captured(`${prefix}-ready`),
        });
        expect(ready.phase).toBe('Ready');
        expect(ready.tableName).toBe(table);
        expect(ready.tableArn).toBe(
          `arn:aws:dynamodb:us-west-2:123456789012:table/${table}`,
        );
      },
    );

    it('crossplane: readTableStatus is Provisioning before the Table reports, Ready after', () => {
      const working = readTableStatus({
        application: captured('application-crossplane-running-workflow')[0],
        resources: [],
      });
      expect(working.phase).toBe('Provisioning');
      expect(
        readCrossplaneTableStatus(captured('crossplane-ready')).phase,
      ).toBe('Ready');
      const ready = readTableStatus({
        application: captured('application-crossplane-running')[0],
        resources: captured('crossplane-ready'),
      });
      expect(ready.phase).toBe('Ready');
      expect(ready.tableName).toBe('orders-xp');
      expect(ready.keySchema).toEqual([
        { attributeName: 'pk', keyType: 'HASH' },
        { attributeName: 'sk', keyType: 'RANGE' },
      ]);
    });
  });
});
