import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageLayoutBlueprint } from '@backstage/plugin-home-react/alpha';

/**
 * The home page's layout: what the portal offers (VelaTablesHomePage) in place of the home
 * plugin's editable widget grid, which starts empty.
 */
const velaTablesHomeLayout = HomePageLayoutBlueprint.make({
  name: 'vela-tables',
  params: {
    loader: () =>
      import('./VelaTablesHomePage').then(m => () => <m.VelaTablesHomePage />),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [velaTablesHomeLayout],
});
