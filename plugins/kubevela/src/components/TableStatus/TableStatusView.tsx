import {
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  AttributeDefinition,
  EngineResourceStatus,
  KeySchemaElement,
  TableDrift,
} from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../api/types';
import { PhaseChip } from './PhaseChip';
import { PHASE_ORDER } from './phaseTone';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function keysText(
  keys?: KeySchemaElement[],
  attributes?: AttributeDefinition[],
): string {
  if (!keys?.length) return '—';
  const types = new Map(
    (attributes ?? []).map(a => [a.attributeName, a.attributeType]),
  );
  return keys
    .map(
      k =>
        `${k.attributeName} (${k.keyType === 'HASH' ? 'partition' : 'sort'}${
          types.has(k.attributeName) ? `, ${types.get(k.attributeName)}` : ''
        })`,
    )
    .join(', ');
}

function when(iso?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Box mt={3}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

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
                <TableCell>{c.message ?? ''}</TableCell>
                <TableCell style={NO_WRAP}>
                  {when(c.lastTransitionTime)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

function DriftTable(props: { drift: TableDrift[] }) {
  if (props.drift.length === 0) {
    return (
      <Typography variant="body2">
        No drift: DynamoDB matches what the cluster asks for.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Drift between the cluster and DynamoDB">
      <TableHead>
        <TableRow>
          <TableCell>Setting</TableCell>
          <TableCell>Cluster asks for</TableCell>
          <TableCell>DynamoDB has</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.drift.map(d => (
          <TableRow key={d.field} data-testid="drift-row">
            <TableCell>{d.field}</TableCell>
            <TableCell>{d.desired}</TableCell>
            <TableCell>{d.actual}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Everything the backend knows about a table: phase, facts, engine conditions, DynamoDB and drift. */
export function TableStatusView(props: { status: TableStatusResponse }) {
  const s = props.status;
  const reached = PHASE_ORDER.filter(p => s.phaseTimestamps[p]);
  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <PhaseChip phase={s.phase} />
        <Box ml={2} flex={1} minWidth={200}>
          {s.summary && (
            <Typography variant="body1" data-testid="table-summary">
              {s.summary}
            </Typography>
          )}
          <Typography variant="caption" color="textSecondary">
            Engine {s.engine} · Application {s.application.namespace}/
            {s.application.name}
            {s.application.phase ? ` (${s.application.phase})` : ''} · cluster{' '}
            {s.cluster} · read {when(s.observedAt)}
          </Typography>
        </Box>
      </Box>

      <Section title="Table">
        <StructuredMetadataTable
          dense
          metadata={{
            'Table name': s.tableName ?? '—',
            ARN: s.tableArn ?? '—',
            Keys: keysText(s.keySchema, s.attributeDefinitions),
            'Billing mode': s.billingMode ?? '—',
            Features: s.enabledFeatures.length
              ? s.enabledFeatures.join(', ')
              : 'none',
          }}
        />
      </Section>

      <Section title="Engine resources">
        {s.engineResources.length === 0 ? (
          <Typography variant="body2">
            No engine resources found yet.
          </Typography>
        ) : (
          s.engineResources.map(r => (
            <EngineResource
              key={`${r.apiVersion}/${r.kind}/${r.name}`}
              resource={r}
            />
          ))
        )}
      </Section>

      <Section title="Phases reached">
        {reached.length === 0 ? (
          <Typography variant="body2">Not known yet.</Typography>
        ) : (
          <StructuredMetadataTable
            dense
            metadata={Object.fromEntries(
              reached.map(p => [p, when(s.phaseTimestamps[p])]),
            )}
          />
        )}
      </Section>

      {(s.dynamoDb || s.dynamoDbError) && (
        <Section title="What DynamoDB says">
          {s.dynamoDbError && (
            <WarningPanel
              severity="warning"
              title="DynamoDB could not be read"
              message={s.dynamoDbError}
            />
          )}
          {s.dynamoDb && (
            <StructuredMetadataTable
              dense
              metadata={{
                'Table status': s.dynamoDb.tableStatus,
                ARN: s.dynamoDb.tableArn ?? '—',
                Keys: keysText(
                  s.dynamoDb.keySchema,
                  s.dynamoDb.attributeDefinitions,
                ),
                'Billing mode': s.dynamoDb.billingMode ?? '—',
                ...(s.dynamoDb.provisionedThroughput
                  ? {
                      Capacity: `${s.dynamoDb.provisionedThroughput.readCapacityUnits} read / ${s.dynamoDb.provisionedThroughput.writeCapacityUnits} write`,
                    }
                  : {}),
                ...(s.dynamoDb.itemCount !== undefined
                  ? { Items: String(s.dynamoDb.itemCount) }
                  : {}),
                'Read at': when(s.dynamoDb.observedAt),
              }}
            />
          )}
        </Section>
      )}

      {s.drift && (
        <Section title="Drift">
          <DriftTable drift={s.drift} />
        </Section>
      )}
    </>
  );
}
