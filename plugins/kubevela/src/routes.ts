import { createRouteRef } from '@backstage/core-plugin-api';

/** The standalone engine comparison page (legacy frontend system). */
export const enginesPageRouteRef = createRouteRef({ id: 'kubevela-engines' });
