import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { TableStatusResponse } from '../../api/types';
import { EngineMessage } from './EngineMessage';
import { formatDuration, formatWhen, secondsBetween } from './formatTime';
import { PhaseChip } from './PhaseChip';
import { PHASE_ORDER } from './phaseTone';

/** One entry of the timeline: a phase, when it began, how long the previous one lasted, why. */
interface TimelineEntry {
  phase: TableStatusResponse['phase'];
  at: string;
  reason?: string;
  after?: number;
}

function fromHistory(status: TableStatusResponse): TimelineEntry[] {
  const history = status.history ?? [];
  return history.map((t, i) => ({
    phase: t.phase,
    at: t.at,
    reason: t.reason,
    after: i > 0 ? secondsBetween(history[i - 1].at, t.at) : undefined,
  }));
}

function fromTimestamps(status: TableStatusResponse): TimelineEntry[] {
  return PHASE_ORDER.filter(p => status.phaseTimestamps[p])
    .map(p => ({ phase: p, at: status.phaseTimestamps[p]! }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * The table's phases in the order they happened. The backend's recorded history (what its
 * watches saw) when there is one; otherwise the times the engine's conditions give, said so.
 */
export function TableTimeline(props: { status: TableStatusResponse }) {
  const recorded = fromHistory(props.status);
  const entries = recorded.length ? recorded : fromTimestamps(props.status);
  if (entries.length === 0) {
    return (
      <Typography variant="body2" data-testid="table-timeline-empty">
        No phase change known yet.
      </Typography>
    );
  }
  return (
    <>
      <Box
        component="ol"
        data-testid="table-timeline"
        aria-label="Timeline of the table's phases"
        m={0}
        pl={0}
        style={{ listStyle: 'none' }}
      >
        {entries.map((e, i) => (
          <Box
            component="li"
            key={`${e.phase}-${e.at}-${i}`}
            data-testid="table-timeline-entry"
            data-phase={e.phase}
            display="flex"
            alignItems="baseline"
            flexWrap="wrap"
            mb={1}
          >
            <Box mr={1} minWidth={110}>
              <PhaseChip phase={e.phase} size="small" />
            </Box>
            <Box flex={1} minWidth={200}>
              <Typography variant="body2" component="span">
                {formatWhen(e.at)}
                {e.after !== undefined &&
                  ` · after ${formatDuration(e.after)} in ${
                    entries[i - 1].phase
                  }`}
              </Typography>
              {e.reason && (
                <Box>
                  <EngineMessage text={e.reason} />
                </Box>
              )}
            </Box>
          </Box>
        ))}
      </Box>
      <Typography variant="caption" color="textSecondary">
        {recorded.length
          ? "As the portal's watches observed each change."
          : "From the engine's conditions: the portal has not recorded a change of this table yet."}
      </Typography>
    </>
  );
}
