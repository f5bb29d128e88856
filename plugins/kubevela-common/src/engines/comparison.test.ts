import { buildApplication } from '../application/buildApplication';
import { inputWith } from '../spec/__fixtures__/inputs';
import { parseTableSpec } from '../spec/parseTableSpec';
import { observedDelivery } from './__testUtils__/observedDelivery';
import type { ObservedDelivery } from './__testUtils__/observedDelivery';
import { ENGINE_IDS, ENGINES, TABLE_FEATURES } from './catalogue';
import { comparisonRows } from './comparison';
import type { EngineId, TableFeature } from './types';

// What a reader of the comparison must be able to trust: every cell about the Application is
// what the builder and the parser do with a request for that engine.

const rows = comparisonRows();
const rowFor = (key: string) => {
  const found = rows.find(r => r.key === key);
  if (!found) throw new Error(`no row '${key}'`);
  return found;
};

/** How the feature reaches the Application in each of the engine's feature modes. */
function deliveries(
  engine: EngineId,
  feature: TableFeature,
): ObservedDelivery[] {
  const { featureModes, customKeys } = ENGINES[engine];
  const modes = featureModes.length > 0 ? featureModes : [undefined];
  return modes.map(mode =>
    observedDelivery(engine, feature, { mode, customKeys }),
  );
}

describe('the engine comparison', () => {
  it('has a filled cell for every engine in every row', () => {
    for (const row of rows) {
      expect(Object.keys(row.cells).sort()).toEqual([...ENGINE_IDS].sort());
      for (const id of ENGINE_IDS) {
        expect({
          row: row.key,
          id,
          value: row.cells[id].value.trim(),
        }).not.toEqual({ row: row.key, id, value: '' });
      }
    }
  });

  it('shows each engine with the component type its Applications get', () => {
    for (const engine of ENGINE_IDS) {
      const input = ENGINES[engine].customKeys
        ? inputWith({ engine })
        : { engine, applicationName: 'cache', componentName: 'cache-table' };
      const parsed = parseTableSpec(input);
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      const built = buildApplication(parsed.spec).spec.components[0].type;
      expect(rowFor('componentType').cells[engine].value).toBe(built);
    }
  });

  describe.each(TABLE_FEATURES)('the %s row', feature => {
    const row = rowFor(`feature:${feature}`);

    it.each(ENGINE_IDS)(
      "says 'Not supported' for %s exactly when a request for it is refused",
      engine => {
        const refused = deliveries(engine, feature).every(
          d => d.kind === 'refused',
        );
        expect(row.cells[engine].value === 'Not supported').toBe(refused);
      },
    );

    it.each(ENGINE_IDS)(
      'says how %s delivers it, naming the trait the Application gets',
      engine => {
        const cell = row.cells[engine];
        const observed = deliveries(engine, feature);
        const kinds = observed.map(d => d.kind);
        const traitTypes = observed.flatMap(d =>
          d.kind === 'trait' ? d.traitTypes : [],
        );
        expect(kinds).not.toContain('dropped');
        expect({
          saysTrait: /trait/i.test(cell.value),
          saysProperty: /property|request field/i.test(cell.value),
          namesTraits: traitTypes.filter(t => !cell.note?.includes(t)),
        }).toEqual({
          saysTrait: kinds.includes('trait'),
          saysProperty: kinds.includes('property'),
          namesTraits: [],
        });
      },
    );
  });
});
