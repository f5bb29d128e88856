import { createBackend } from '@backstage/backend-defaults';
import { hideStackTracesInErrorResponses } from './errorResponses/hideStackTraces';

// Error responses say what went wrong, never where in the server's files (see the function).
hideStackTracesInErrorResponses();

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// publish:github:pull-request, which templates/dynamodb-table uses for GitOps delivery
// (kubevela.gitops); it authenticates through `integrations.github`.
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// See https://backstage.io/docs/backend-system/building-backends/migrating#the-auth-plugin
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// See https://backstage.io/docs/auth/guest/provider

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// The portal's example policy: everyone may read table status, members of platform-team may
// create and delete tables, every other permission is allowed (see modules/).
backend.add(import('./modules/velaTablesPermissionPolicyModule'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Vela Tables: table status and engine comparison, the kubevela scaffolder actions, and the
// catalog entity provider of the tables' Applications (all share one set of cluster watches)
backend.add(import('@vela-tables/plugin-kubevela-backend'));
backend.add(import('@vela-tables/plugin-catalog-backend-module-kubevela'));
backend.add(import('@vela-tables/plugin-scaffolder-backend-module-kubevela'));

backend.start();
