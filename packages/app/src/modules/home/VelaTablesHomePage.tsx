import {
  Content,
  Header,
  InfoCard,
  LinkButton,
  Page,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { Grid, Typography } from '@material-ui/core';
import { PORTAL_OFFERS } from './offers';
import type { PortalOffer } from './offers';

/** The Software Template that creates a table (templates/dynamodb-table). */
const TABLE_TEMPLATE = { namespace: 'default', templateName: 'dynamodb-table' };

/** The catalog's table entities: the Resources the catalog module ingests from the cluster. */
const TABLES_QUERY = new URLSearchParams({
  'filters[kind]': 'resource',
  'filters[type]': 'dynamodb-table',
  'filters[user]': 'all',
}).toString();

/** The kubevela plugin's standalone comparison page (page:kubevela). */
const ENGINE_COMPARISON_PATH = '/dynamodb-engines';

/** Where each offer's button goes, from the plugins' own routes where they have them. */
function useOfferLinks(): Record<PortalOffer['target'], string | undefined> {
  const scaffolderRoot = useRouteRef(scaffolderPlugin.routes.root);
  const selectedTemplate = useRouteRef(
    scaffolderPlugin.routes.selectedTemplate,
  );
  const actions = useRouteRef(scaffolderPlugin.routes.actions);
  const catalogIndex = useRouteRef(catalogPlugin.routes.catalogIndex);
  return {
    'create-table': selectedTemplate?.(TABLE_TEMPLATE),
    templates: scaffolderRoot?.(),
    tables: catalogIndex ? `${catalogIndex()}?${TABLES_QUERY}` : undefined,
    'engine-comparison': ENGINE_COMPARISON_PATH,
    actions: actions?.(),
  };
}

/**
 * The portal's home page: what it offers and a way into each, instead of the home plugin's
 * empty widget grid (a new user sees what to do without configuring anything). Installed as
 * the home page's layout, so it receives the home page widgets and leaves them out.
 */
export function VelaTablesHomePage() {
  const links = useOfferLinks();
  return (
    <Page themeId="home">
      <Header
        title="Vela Tables"
        subtitle="Self-service DynamoDB tables through KubeVela, on Crossplane, KRO + ACK or Kratix"
      />
      <Content>
        <Typography variant="body1" paragraph>
          Ask for a table with a form; the platform creates it with the
          infrastructure engine your cluster runs, and this portal shows how it
          is doing.
        </Typography>
        <Grid container spacing={3} alignItems="stretch">
          {PORTAL_OFFERS.map(offer => {
            const to = links[offer.target];
            return (
              <Grid item xs={12} md={6} lg={4} key={offer.target}>
                <InfoCard title={offer.title}>
                  <Typography variant="body2" paragraph>
                    {offer.text}
                  </Typography>
                  {to ? (
                    <LinkButton
                      to={to}
                      color="primary"
                      variant={
                        offer.target === 'create-table'
                          ? 'contained'
                          : 'outlined'
                      }
                    >
                      {offer.action}
                    </LinkButton>
                  ) : null}
                </InfoCard>
              </Grid>
            );
          })}
        </Grid>
      </Content>
    </Page>
  );
}
