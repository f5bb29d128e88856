import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { EngineResourceStatus } from '@vela-tables/plugin-kubevela-common';
import { EngineMessage } from './EngineMessage';
import { formatWhen } from './formatTime';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function EngineResource(props: { resource: EngineResourceStatus }) {
  const r = props.resource;
  return (
    <Box mb={2} data-testid="engine-resource">
      <Typography variant="subtitle2">
        {r.kind} {r.namespace ? `${r.namespace}/` : ''}
        {r.name}{' '}
        <Typography component="span" variant="caption">
          ({r.apiVersion})
        </Typography>
        {r.state && <> — state {r.state}</>}
        {r.fromStandIn && (
          <Chip size="small" label="local stand-in" style={{ marginLeft: 8 }} />
        )}
      </Typography>
      {r.conditions.length === 0 ? (
        <Typography variant="body2">No conditions reported yet.</Typography>
      ) : (
        <Table size="small" aria-label={`Conditions of ${r.kind} ${r.name}`}>
          <TableHead>
            <TableRow>
              <TableCell>Type</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Message</TableCell>
              <TableCell>Since</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {r.conditions.map(c => (
              <TableRow key={c.type}>
                {/* Short identifiers stay on one line; the message takes the remaining width. */}
                <TableCell style={NO_WRAP}>{c.type}</TableCell>
                <TableCell style={NO_WRAP}>{c.status}</TableCell>
                <TableCell style={NO_WRAP}>{c.reason ?? ''}</TableCell>
                <TableCell>
                  {c.message ? <EngineMessage text={c.message} /> : ''}
                </TableCell>
                <TableCell style={NO_WRAP}>
                  {formatWhen(c.lastTransitionTime)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

function overview(resources: EngineResourceStatus[]): string {
  const names = resources.map(
    r => `${r.kind} ${r.name}${r.state ? ` (${r.state})` : ''}`,
  );
  const notTrue = resources.flatMap(r =>
    r.conditions
      .filter(c => c.status !== 'True' && c.type !== 'ACK.Terminal')
      .map(c => `${c.type}=${c.status}`),
  );
  return `${names.join(', ')}; ${
    notTrue.length ? `not true: ${notTrue.join(', ')}` : 'every condition true'
  }`;
}

/** The engine's own resources and their conditions exactly as reported, folded by default. */
export function EngineConditions(props: { resources: EngineResourceStatus[] }) {
  if (props.resources.length === 0) {
    return (
      <Typography variant="body2">
        No engine resources found yet: KubeVela has not rendered them, or the
        portal cannot read them.
      </Typography>
    );
  }
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary aria-controls="engine-conditions-details">
        <Box>
          <Typography variant="subtitle1" component="span">
            Engine conditions
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {overview(props.resources)} · show
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id="engine-conditions-details">
        <Box width="100%">
          {props.resources.map(r => (
            <EngineResource
              key={`${r.apiVersion}/${r.kind}/${r.name}`}
              resource={r}
            />
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
