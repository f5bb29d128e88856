import { ENGINE_IDS } from './catalogue';
import { comparisonRows } from './comparison';

describe('comparisonRows', () => {
  const rows = comparisonRows();

  it('has a cell for every engine in every row', () => {
    for (const row of rows) {
      expect(Object.keys(row.cells).sort()).toEqual([...ENGINE_IDS].sort());
      for (const id of ENGINE_IDS) {
        expect(row.cells[id].value).not.toBe('');
      }
    }
  });

  it("carries the seed's Key Differences rows in order", () => {
    expect(rows.filter(r => r.group === 'facts').map(r => r.label)).toEqual([
      'Maturity',
      'Cloud support',
      'Resource adoption',
      'API style',
      'Configuration',
      'Resource management',
      'Traits support',
      'Type safety',
      'Learning curve',
      'Vendor backing',
      'Best for',
    ]);
  });

  it("keeps the seed's facts for crossplane, kro and kro-simplified", () => {
    const configuration = rows.find(r => r.key === 'configuration');
    expect(configuration?.cells.crossplane.value).toBe('Traits only');
    expect(configuration?.cells.kro.value).toBe('Inline or traits');
    expect(configuration?.cells['kro-simplified'].value).toBe('Traits only');
    expect(
      rows.find(r => r.key === 'bestFor')?.cells['kro-simplified'].value,
    ).toBe('XP-to-KRO migration path');
  });

  it('describes Kratix by its Promise abstraction', () => {
    expect(rows.find(r => r.key === 'apiStyle')?.cells.kratix.value).toContain(
      'Promise',
    );
  });

  it('shows feature support with the trait name', () => {
    const ttl = rows.find(r => r.key === 'feature:ttl');
    expect(ttl?.cells.crossplane).toEqual({
      value: 'Trait',
      note: 'Trait dynamodb-ttl-xp',
    });
    expect(ttl?.cells.kro.value).toBe('Component property or trait');
    expect(ttl?.cells.kratix.value).toBe('Request field');
    expect(ttl?.cells['kro-simple'].value).toBe('Not supported');
  });
});
