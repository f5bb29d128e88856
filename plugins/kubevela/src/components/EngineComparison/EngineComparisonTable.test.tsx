import { render, screen, within } from '@testing-library/react';
import { ENGINE_IDS, ENGINES, comparisonRows } from '@vela-tables/plugin-kubevela-common';
import { EngineComparisonTable } from './EngineComparisonTable';

describe('EngineComparisonTable', () => {
  const comparison = {
    engines: ENGINE_IDS.map(id => ({
      id,
      title: ENGINES[id].title,
      componentType: ENGINES[id].componentType,
    })),
    rows: comparisonRows(),
  };

  it('shows one column per engine with its component type', () => {
    render(<EngineComparisonTable comparison={comparison} />);
    const header = screen.getAllByRole('rowgroup')[0];
    for (const id of ENGINE_IDS) {
      expect(within(header).getByText(ENGINES[id].componentType)).toBeInTheDocument();
    }
  });

  it('shows the maturity of Crossplane and KRO side by side', () => {
    render(<EngineComparisonTable comparison={comparison} />);
    const maturity = screen.getByText('Maturity').closest('tr')!;
    // The first cell is the fact's label, then one per engine.
    const cells = Array.from(maturity.querySelectorAll('td, th')).slice(1);
    expect(cells).toHaveLength(ENGINE_IDS.length);
    expect(cells[0]).toHaveTextContent(ENGINES.crossplane.comparison.maturity.value);
    expect(cells[1]).toHaveTextContent(ENGINES.kro.comparison.maturity.value);
  });
});
