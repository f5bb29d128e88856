import {
  AppRootElementBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { EntityNamesOnOneLine } from './EntityNamesOnOneLine';

const entityNamesOnOneLine = AppRootElementBlueprint.make({
  name: 'entity-names-on-one-line',
  params: { element: <EntityNamesOnOneLine /> },
});

/** Table layout fixes for the whole app (see EntityNamesOnOneLine). */
export const tableLayoutModule = createFrontendModule({
  pluginId: 'app',
  extensions: [entityNamesOnOneLine],
});
