import { StructuredMetadataTable } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ENGINES, isEngineId } from '@vela-tables/plugin-kubevela-common';
import type { TableStatusResponse } from '../../api/types';
import { ApplicationYamlDialog } from './ApplicationYamlDialog';
import { DynamoDbView } from './DynamoDbView';
import { EngineConditions } from './EngineConditions';
import { EngineMessage } from './EngineMessage';
import { formatWhen } from './formatTime';
import { PhaseChip } from './PhaseChip';
import { PHASE_WORDS } from './phaseWords';
import { CompanionNotice, FailureNotice, StaleNotice } from './StatusNotices';
import { keysText } from './tableFacts';
import { TableTimeline } from './TableTimeline';

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

function engineTitle(engine: TableStatusResponse['engine']): string {
  return isEngineId(engine) ? ENGINES[engine].title : 'unknown engine';
}

/**
 * Everything the backend knows about a table: its phase in words and colour, why, the
 * timeline, the table's facts, DynamoDB's own view and drift, and the engine's conditions.
 */
export function TableStatusView(props: {
  status: TableStatusResponse;
  /** The entity the status belongs to; with it, the Application's YAML can be shown. */
  entityRef?: string;
}) {
  const s = props.status;
  const standIn = s.engineResources.some(r => r.fromStandIn);
  return (
    <>
      <Box display="flex" alignItems="center" flexWrap="wrap">
        <PhaseChip phase={s.phase} />
        <Box ml={2} flex={1} minWidth={200}>
          <Typography variant="body1" data-testid="table-phase-words">
            {PHASE_WORDS[s.phase]}
          </Typography>
          {s.summary && (
            <Box data-testid="table-summary">
              <EngineMessage text={s.summary} />
            </Box>
          )}
        </Box>
      </Box>
      <Box mt={1} display="flex" alignItems="center" flexWrap="wrap">
        <Typography variant="caption" color="textSecondary">
          {engineTitle(s.engine)} · Application {s.application.namespace}/
          {s.application.name}
          {s.application.phase ? ` (${s.application.phase})` : ''} · cluster{' '}
          {s.cluster} · read {formatWhen(s.observedAt)}
        </Typography>
        {standIn && (
          <Chip
            size="small"
            label="local stand-in"
            data-testid="table-standin"
            title="A local stand-in for the engine's controller manages this table, not the real controller"
            style={{ marginLeft: 8 }}
          />
        )}
      </Box>

      <StaleNotice status={s} />
      <FailureNotice status={s} />
      <CompanionNotice status={s} />

      <Section title="Table">
        <StructuredMetadataTable
          dense
          metadata={{
            'Table name': (
              <span data-testid="table-name">{s.tableName ?? '—'}</span>
            ),
            ARN: <span data-testid="table-arn">{s.tableArn ?? '—'}</span>,
            Keys: keysText(s.keySchema, s.attributeDefinitions),
            'Billing mode': s.billingMode ?? '—',
            Features: s.enabledFeatures.length
              ? s.enabledFeatures.join(', ')
              : 'none',
          }}
        />
      </Section>

      <Section title="Timeline">
        <TableTimeline status={s} />
      </Section>

      <Section title="What DynamoDB says">
        <DynamoDbView status={s} />
      </Section>

      <Section title="What the engine says">
        <EngineConditions resources={s.engineResources} />
        {props.entityRef && (
          <Box mt={1}>
            <ApplicationYamlDialog
              entityRef={props.entityRef}
              applicationName={s.application.name}
            />
          </Box>
        )}
      </Section>
    </>
  );
}
