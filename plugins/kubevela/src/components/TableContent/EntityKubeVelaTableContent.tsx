import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { isKubeVelaTableAvailable } from '../../conditions';
import { EngineComparisonCard } from '../EngineComparison';
import { EntityTableStatusCard } from '../TableStatus';

/**
 * The entity's DynamoDB tab: the live table status (when the entity is linked to an Application)
 * above the engine comparison, so the engine in use can be read against the alternatives.
 */
export function EntityKubeVelaTableContent() {
  const { entity } = useEntity();
  return (
    <Grid container spacing={3}>
      {isKubeVelaTableAvailable(entity) && (
        <Grid item xs={12}>
          <EntityTableStatusCard />
        </Grid>
      )}
      <Grid item xs={12}>
        <EngineComparisonCard />
      </Grid>
    </Grid>
  );
}
