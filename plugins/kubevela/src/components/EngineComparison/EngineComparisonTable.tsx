import {
  Table as MuiTable,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import type {
  ComparisonTable,
  EngineAvailability,
  EngineLiveFigures,
} from '../../api/types';
import {
  availabilityWords,
  isAvailable,
  uncheckedOf,
} from './availabilityWords';
import { figuresWords } from './figuresWords';

const useStyles = makeStyles(theme => ({
  current: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? theme.palette.primary.dark
        : theme.palette.action.selected,
    borderLeft: `3px solid ${theme.palette.primary.main}`,
  },
  // Backstage's theme lets cells break words anywhere; a squeezed first column then shows its
  // labels letter by letter. The labels keep whole words, and the table scrolls sideways.
  fact: {
    minWidth: 160,
    wordBreak: 'normal',
    overflowWrap: 'normal',
  },
  scroll: { overflowX: 'auto' },
}));

/** What is live for one entity: its engine, and per engine the cluster's availability and figures. */
export interface LiveComparison {
  engine: EngineId | 'unknown';
  cluster: string;
  availability: EngineAvailability[];
  figures: EngineLiveFigures[];
}

/**
 * Renders the engine comparison: one column per engine, one row per fact. With `live`, the
 * entity's engine is highlighted and two rows say what its cluster has and the live figures.
 */
export function EngineComparisonTable(props: {
  comparison: ComparisonTable;
  live?: LiveComparison;
}) {
  const classes = useStyles();
  const { engines, rows } = props.comparison;
  const live = props.live;
  const isCurrent = (id: EngineId) => live?.engine === id;
  const cellClass = (id: EngineId) =>
    isCurrent(id) ? classes.current : undefined;
  return (
    <div className={classes.scroll}>
      <MuiTable size="small" aria-label="Engine comparison">
        <TableHead>
          <TableRow>
            <TableCell className={classes.fact}>
              <Typography variant="subtitle2">Fact</Typography>
            </TableCell>
            {engines.map(engine => (
              <TableCell
                key={engine.id}
                className={cellClass(engine.id)}
                data-testid={`engine-column-${engine.id}`}
                data-current={isCurrent(engine.id) ? 'true' : undefined}
                aria-current={isCurrent(engine.id) ? 'true' : undefined}
              >
                <Typography variant="subtitle2">{engine.title}</Typography>
                <Typography variant="caption" color="textSecondary">
                  {engine.componentType}
                </Typography>
                {isCurrent(engine.id) && (
                  <Typography variant="caption" color="primary" display="block">
                    this table's engine
                  </Typography>
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {live && (
            <>
              <TableRow>
                <TableCell component="th" scope="row" className={classes.fact}>
                  On cluster {live.cluster}
                </TableCell>
                {engines.map(engine => {
                  const a = live.availability.find(x => x.engine === engine.id);
                  return (
                    <TableCell
                      key={engine.id}
                      className={cellClass(engine.id)}
                      data-testid={`engine-availability-${engine.id}`}
                      data-available={a ? String(isAvailable(a)) : undefined}
                    >
                      {a ? (
                        <>
                          <Typography variant="body2">
                            {availabilityWords(a)}
                          </Typography>
                          <Typography variant="caption" color="textSecondary">
                            {[a.summary, ...uncheckedOf(a)].join(' ')}
                          </Typography>
                        </>
                      ) : (
                        'Not known'
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
              <TableRow>
                <TableCell component="th" scope="row" className={classes.fact}>
                  Live figures
                </TableCell>
                {engines.map(engine => {
                  const f = live.figures.find(x => x.engine === engine.id);
                  return (
                    <TableCell
                      key={engine.id}
                      className={cellClass(engine.id)}
                      data-testid={`engine-figures-${engine.id}`}
                      title={f?.source}
                    >
                      {f
                        ? figuresWords(f).map(line => (
                            <Typography key={line} variant="body2">
                              {line}
                            </Typography>
                          ))
                        : 'Not known'}
                    </TableCell>
                  );
                })}
              </TableRow>
            </>
          )}
          {rows.map(row => (
            <TableRow key={row.key}>
              <TableCell component="th" scope="row" className={classes.fact}>
                {row.label}
              </TableCell>
              {engines.map(engine => {
                const cell = row.cells[engine.id];
                return (
                  <TableCell
                    key={engine.id}
                    title={cell.note}
                    className={cellClass(engine.id)}
                  >
                    {cell.value}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </MuiTable>
    </div>
  );
}
