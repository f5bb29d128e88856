import {
  Table as MuiTable,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import type { ComparisonTable } from '../../api/types';

/** Renders the engine comparison: one column per engine, one row per fact. */
export function EngineComparisonTable(props: { comparison: ComparisonTable }) {
  const { engines, rows } = props.comparison;
  return (
    <MuiTable size="small" aria-label="Engine comparison">
      <TableHead>
        <TableRow>
          <TableCell>
            <Typography variant="subtitle2">Fact</Typography>
          </TableCell>
          {engines.map(engine => (
            <TableCell key={engine.id}>
              <Typography variant="subtitle2">{engine.title}</Typography>
              <Typography variant="caption" color="textSecondary">
                {engine.componentType}
              </Typography>
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row">
              {row.label}
            </TableCell>
            {engines.map(engine => {
              const cell = row.cells[engine.id];
              return (
                <TableCell key={engine.id} title={cell.note}>
                  {cell.value}
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </MuiTable>
  );
}
