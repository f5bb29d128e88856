import { Content, Header, Page } from '@backstage/core-components';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import { useSearchParams } from 'react-router-dom';
import { EngineComparisonCard } from './EngineComparisonCard';
import { EngineComparisonForEntity } from './EntityEngineComparison';

function entityRefFrom(raw: string | null): string | undefined {
  if (!raw) return undefined;
  try {
    return stringifyEntityRef(parseEntityRef(raw));
  } catch {
    return undefined;
  }
}

/**
 * The engine comparison as a page of its own. `?entity=kind:namespace/name` shows it from that
 * entity's table (its engine highlighted, its cluster, where it could move); without it, the
 * comparison everyone sees.
 */
export function EnginesPageContent() {
  const [params] = useSearchParams();
  const raw = params.get('entity');
  const entityRef = entityRefFrom(raw);
  return (
    <>
      {raw && !entityRef && (
        <Typography
          variant="body2"
          color="error"
          data-testid="engines-page-bad-entity"
        >
          '{raw}' is not an entity reference of the form kind:namespace/name;
          showing the comparison for every table.
        </Typography>
      )}
      {entityRef ? (
        <EngineComparisonForEntity entityRef={entityRef} />
      ) : (
        <EngineComparisonCard />
      )}
    </>
  );
}

/** The standalone engine comparison page with its own header (legacy frontend system). */
export function EnginesPage() {
  return (
    <Page themeId="tool">
      <Header
        title="DynamoDB engines"
        subtitle="Which engine to provision a table with, compared"
      />
      <Content>
        <EnginesPageContent />
      </Content>
    </Page>
  );
}
