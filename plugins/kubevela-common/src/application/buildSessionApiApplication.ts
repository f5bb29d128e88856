import { ENGINES } from '../engines/catalogue';
import { effectiveTableName } from '../spec/effectiveTableName';
import { TableSpecError } from '../spec/parseTableSpec';
import { isPlainText } from '../spec/primitives';
import type { TableSpec } from '../spec/types';
import { BuildOptionsError } from './BuildOptionsError';
import type { BuildApplicationOptions } from './buildMetadata';
import { buildMetadata } from './buildMetadata';
import { buildTableComponent } from './buildTableComponent';
import { revalidateSpec } from './revalidateSpec';
import type {
  Application,
  ApplicationComponent,
  SessionApiProperties,
} from './types';

/** Name and type of the session API component (our own ComponentDefinition). */
export const SESSION_API_COMPONENT = 'session-api';

/**
 * The name of an Application's session API component: `<application>-api`. KubeVela names the
 * Deployment and Service after the component, so a fixed name would make two session
 * Applications in one namespace (the seeds run three in `default`) fight over one Deployment.
 */
export function sessionApiComponentName(applicationName: string): string {
  return `${applicationName}-api`;
}
/** The attribute the session API writes each session's expiry time (epoch seconds) to. */
export const SESSION_TTL_ATTRIBUTE = 'expiresAt';

/** Settings of the session API's Deployment and Service. */
export interface SessionApiOptions {
  /** Container image (default `session-api:latest`). */
  image?: string;
  /** HTTP port (default 8080). */
  port?: number;
  /** Number of replicas (default 2). */
  replicas?: number;
  /** DynamoDB endpoint override, e.g. a local DynamoDB server (`AWS_ENDPOINT_URL`). */
  awsEndpoint?: string;
}

function sessionApiProperties(
  spec: TableSpec,
  options: SessionApiOptions,
): SessionApiProperties {
  const image = options.image ?? 'session-api:latest';
  if (
    image === '' ||
    image.length > 1024 ||
    !isPlainText(image) ||
    /\s/.test(image)
  ) {
    throw new BuildOptionsError(
      'image',
      `image '${image}' must be an image reference without spaces or line breaks`,
    );
  }
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new BuildOptionsError(
      'port',
      `port ${port} must be a whole number from 1 to 65535`,
    );
  }
  const replicas = options.replicas ?? 2;
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > 1000) {
    throw new BuildOptionsError(
      'replicas',
      `replicas ${replicas} must be a whole number from 0 to 1000`,
    );
  }
  const properties: SessionApiProperties = {
    image,
    port,
    replicas,
    tableName: effectiveTableName(spec),
    region: spec.region,
  };
  if (options.awsEndpoint !== undefined) {
    properties.awsEndpoint = checkedEndpoint(options.awsEndpoint);
  }
  return properties;
}

function checkedEndpoint(endpoint: string): string {
  let url: URL | undefined;
  try {
    url = isPlainText(endpoint) ? new URL(endpoint) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new BuildOptionsError(
      'awsEndpoint',
      `awsEndpoint '${endpoint}' must be an http(s) URL`,
    );
  }
  return endpoint;
}

// The session API expires sessions through DynamoDB TTL on `expiresAt`, so the table must have
// exactly that TTL; an engine without TTL cannot host it.
function withSessionTtl(spec: TableSpec): TableSpec {
  const engine = ENGINES[spec.engine];
  if (engine.features.ttl === 'unsupported') {
    throw new TableSpecError([
      {
        field: 'engine',
        message: `the session API needs TTL on '${SESSION_TTL_ATTRIBUTE}', which engine '${engine.id}' does not support`,
      },
    ]);
  }
  if (
    spec.ttl &&
    (!spec.ttl.enabled || spec.ttl.attributeName !== SESSION_TTL_ATTRIBUTE)
  ) {
    throw new TableSpecError([
      {
        field: 'ttl.attributeName',
        message: `the session API expires sessions through TTL on '${SESSION_TTL_ATTRIBUTE}'; ttl must be enabled on that attribute`,
      },
    ]);
  }
  const apiName = sessionApiComponentName(spec.applicationName);
  if (apiName.length > 63) {
    throw new TableSpecError([
      {
        field: 'applicationName',
        message: `the session API component is named '<applicationName>-api', a Kubernetes name of at most 63 characters, so applicationName may have at most 59`,
      },
    ]);
  }
  if (spec.componentName === apiName) {
    throw new TableSpecError([
      {
        field: 'componentName',
        message: `componentName '${apiName}' is taken by the session API component`,
      },
    ]);
  }
  return {
    ...spec,
    ttl: { enabled: true, attributeName: SESSION_TTL_ATTRIBUTE },
  };
}

/**
 * The session management Application of the seeds: the table (engine component, TTL on
 * `expiresAt`) and the `session-api` component that serves sessions from it.
 */
export function buildSessionApiApplication(
  spec: TableSpec,
  webOptions: SessionApiOptions = {},
  options: BuildApplicationOptions = {},
): Application {
  const checked = revalidateSpec(withSessionTtl(spec));
  const sessionApi: ApplicationComponent = {
    name: sessionApiComponentName(checked.applicationName),
    type: SESSION_API_COMPONENT,
    properties: sessionApiProperties(checked, webOptions),
  };
  return {
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    metadata: buildMetadata(checked, options),
    spec: { components: [buildTableComponent(checked), sessionApi] },
  };
}
