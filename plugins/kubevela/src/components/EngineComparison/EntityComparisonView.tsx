import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ENGINES, isEngineId } from '@vela-tables/plugin-kubevela-common';
import type { EntityComparison } from '../../api/types';
import { EngineComparisonTable } from './EngineComparisonTable';
import { MigrationOptions } from './MigrationOptions';

/** Where the live figures came from, once per distinct source. */
function sourcesOf(comparison: EntityComparison): string[] {
  return [...new Set(comparison.figures.map(f => f.source))];
}

/** The comparison seen from one entity's table: engines side by side, live, and where it could move. */
export function EntityComparisonView(props: { comparison: EntityComparison }) {
  const c = props.comparison;
  const engine = isEngineId(c.engine) ? ENGINES[c.engine].title : undefined;
  const sources = sourcesOf(c);
  return (
    <Box data-testid="engine-comparison">
      <InfoCard
        title="DynamoDB engines compared"
        subheader={
          engine
            ? `This table uses ${engine} on cluster ${c.cluster}`
            : `The portal cannot tell this table's engine (cluster ${c.cluster})`
        }
      >
        <EngineComparisonTable
          comparison={c}
          live={{
            engine: c.engine,
            cluster: c.cluster,
            availability: c.availability,
            figures: c.figures,
          }}
        />
        {sources.length > 0 && (
          <Box mt={1}>
            <Typography
              variant="caption"
              color="textSecondary"
              data-testid="engine-figures-source"
            >
              Live figures from {sources.join('; ')}.
            </Typography>
          </Box>
        )}
      </InfoCard>
      <Box mt={3}>
        <InfoCard
          title="Move this table to another engine"
          subheader="The exact change for each engine, and a link to the migrate template with this table filled in for the moves it makes"
        >
          <MigrationOptions
            entityRef={c.entityRef}
            migrations={c.migrations}
            // `migrationsUnavailable` is newer than some backends; read it without requiring it.
            unavailable={
              (c as EntityComparison & { migrationsUnavailable?: string })
                .migrationsUnavailable
            }
          />
        </InfoCard>
      </Box>
    </Box>
  );
}
