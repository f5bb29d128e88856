import { render, screen, within } from '@testing-library/react';
import {
  ENGINE_IDS,
  ENGINES,
  comparisonRows,
} from '@vela-tables/plugin-kubevela-common';
import type {
  ComparisonRow,
  EngineId,
} from '@vela-tables/plugin-kubevela-common';
import type { ComparisonTable } from '../../api/types';
import { EngineComparisonTable } from './EngineComparisonTable';

/** A body row's engine cells, left to right (after the cell with its label). */
function engineCellsOf(label: string): HTMLElement[] {
  const row = screen
    .getAllByRole('row')
    .find(r => within(r).queryAllByRole('cell')[0]?.textContent === label);
  if (!row) throw new Error(`no row labelled '${label}'`);
  return within(row).getAllByRole('cell').slice(1);
}

function headerTexts(): string[] {
  const [header] = screen.getAllByRole('row');
  return within(header)
    .getAllByRole('columnheader')
    .map(cell => cell.textContent ?? '');
}

/** A row whose every cell names its engine, so a misplaced cell shows. */
function rowNamingEngines(key: string, label: string): ComparisonRow {
  const cells = Object.fromEntries(
    ENGINE_IDS.map(id => [
      id,
      id === 'kratix'
        ? { value: `value of ${id}` }
        : { value: `value of ${id}`, note: `note on ${id}` },
    ]),
  ) as ComparisonRow['cells'];
  return { key, label, group: 'facts', cells };
}

const engine = (id: EngineId) => ({
  id,
  title: `Title of ${id}`,
  componentType: `type-of-${id}`,
});

describe('EngineComparisonTable', () => {
  it("puts each engine's cell under that engine's column, in the order the engines come", () => {
    const comparison: ComparisonTable = {
      engines: [engine('kratix'), engine('crossplane'), engine('kro')],
      rows: [rowNamingEngines('maturity', 'Maturity')],
    };
    render(<EngineComparisonTable comparison={comparison} />);

    expect(headerTexts()).toEqual([
      'Fact',
      'Title of kratixtype-of-kratix',
      'Title of crossplanetype-of-crossplane',
      'Title of krotype-of-kro',
    ]);
    expect(engineCellsOf('Maturity').map(c => c.textContent)).toEqual([
      'value of kratix',
      'value of crossplane',
      'value of kro',
    ]);
    // An engine the response does not list gets no column.
    expect(screen.queryByText('value of kro-simple')).not.toBeInTheDocument();
  });

  it("shows a cell's note when the reader points at it, and no empty tooltip", () => {
    const comparison: ComparisonTable = {
      engines: [engine('crossplane'), engine('kratix')],
      rows: [rowNamingEngines('configuration', 'Configuration')],
    };
    render(<EngineComparisonTable comparison={comparison} />);

    const [crossplane, kratix] = engineCellsOf('Configuration');
    expect(crossplane).toHaveAttribute('title', 'note on crossplane');
    expect(kratix).not.toHaveAttribute('title');
  });

  it("shows every row of the backend's comparison with each engine's own value", () => {
    const rows = comparisonRows();
    const engines = [...ENGINE_IDS].reverse().map(id => ({
      id,
      title: ENGINES[id].title,
      componentType: ENGINES[id].componentType,
    }));
    render(<EngineComparisonTable comparison={{ engines, rows }} />);

    expect(screen.getAllByRole('row')).toHaveLength(rows.length + 1);
    for (const row of rows) {
      expect({
        row: row.key,
        cells: engineCellsOf(row.label).map(c => c.textContent),
      }).toEqual({
        row: row.key,
        cells: engines.map(e => row.cells[e.id].value),
      });
    }
  });
});

describe('EngineComparisonTable with live data', () => {
  const comparison: ComparisonTable = {
    engines: [engine('crossplane'), engine('kro')],
    rows: [rowNamingEngines('maturity', 'Maturity')],
  };
  const live = {
    engine: 'kro' as const,
    cluster: 'edge',
    availability: [
      {
        engine: 'kro' as const,
        cluster: 'edge',
        crdsPresent: true,
        definitionInstalled: true,
        controllerObserved: false,
        summary: 'no KRO instance changed after it was created',
      },
    ],
    figures: [],
  };

  it("marks only the entity's engine as current and adds the cluster's rows", () => {
    render(<EngineComparisonTable comparison={comparison} live={live} />);
    expect(screen.getByTestId('engine-column-kro')).toHaveAttribute(
      'data-current',
      'true',
    );
    expect(screen.getByTestId('engine-column-crossplane')).not.toHaveAttribute(
      'data-current',
    );
    expect(screen.getAllByRole('row')).toHaveLength(1 + 2 + 1);
    expect(screen.getByText('On cluster edge')).toBeInTheDocument();
  });

  it('does not count an engine whose controller was never seen working as available', () => {
    render(<EngineComparisonTable comparison={comparison} live={live} />);
    const kro = screen.getByTestId('engine-availability-kro');
    expect(kro).toHaveAttribute('data-available', 'false');
    expect(kro).toHaveTextContent(
      'Installed, but no controller was seen working',
    );
    expect(
      screen.getByTestId('engine-availability-crossplane'),
    ).toHaveTextContent('Not known');
  });
});
