import {
  ENGINES,
  ENGINE_IDS,
  LABEL_ENGINE,
  isEngineId,
} from '@vela-tables/plugin-kubevela-common';
import type {
  ApplicationStatusSummary,
  EngineId,
  TablePhase,
  TableStatus,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import { arr, field, str } from './conditions';
import { readCrossplaneTableStatus } from './readCrossplaneTableStatus';
import { readKratixTableStatus } from './readKratixTableStatus';
import { readKroSimpleTableStatus } from './readKroSimpleTableStatus';
import { readKroTableStatus } from './readKroTableStatus';
import type { EngineStatusReader } from './types';

/** The status reader of each engine. */
export const ENGINE_STATUS_READERS: Readonly<
  Record<EngineId, EngineStatusReader>
> = {
  crossplane: readCrossplaneTableStatus,
  kro: readKroTableStatus,
  'kro-simplified': readKroTableStatus,
  'kro-simple': readKroSimpleTableStatus,
  kratix: readKratixTableStatus,
};

/** Input of {@link readTableStatus}. */
export interface ReadTableStatusInput {
  /** The KubeVela Application as read from the cluster. */
  application: KubeObject;
  /** The engine resources it owns (see `findEngineResources`). */
  resources: readonly KubeObject[];
  /** The engine, when known; otherwise from the `vela-tables.io/engine` label or the component type. */
  engine?: EngineId;
  /** Clock for `observedAt` (tests). */
  now?: () => Date;
}

/** The engine of an Application: its `vela-tables.io/engine` label, else its table component's type. */
export function engineOfApplication(
  application: KubeObject,
): EngineId | undefined {
  const label = application.metadata.labels?.[LABEL_ENGINE];
  if (label && isEngineId(label)) return label;
  const types = arr(application, 'spec', 'components').map(c => str(c, 'type'));
  return ENGINE_IDS.find(id => types.includes(ENGINES[id].componentType));
}

/** The Application's workflow and component health (`status.status`, `status.workflow`, `status.services`). */
export function summariseApplication(
  application: KubeObject,
): ApplicationStatusSummary {
  const workflow = field(application, 'status', 'workflow');
  const summary: ApplicationStatusSummary = {
    name: application.metadata.name,
    namespace: application.metadata.namespace ?? 'default',
    components: arr(application, 'status', 'services').map(s => {
      const message = str(s, 'message');
      return {
        name: str(s, 'name') ?? '',
        healthy: field(s, 'healthy') === true,
        ...(message ? { message } : {}),
      };
    }),
  };
  const phase = str(application, 'status', 'status');
  if (phase) summary.phase = phase;
  if (workflow && typeof workflow === 'object') {
    summary.workflow = {
      status: str(workflow, 'status') ?? str(workflow, 'mode'),
      finished: field(workflow, 'finished') === true,
      suspended: field(workflow, 'suspend') === true,
      terminated: field(workflow, 'terminated') === true,
      ...(str(workflow, 'message')
        ? { message: str(workflow, 'message') }
        : {}),
    };
  }
  return summary;
}

const PROVISIONING_APP_PHASES = new Set([
  '',
  'starting',
  'rendering',
  'policyGenerating',
  'runningWorkflow',
  'workflowSuspending',
]);

/**
 * The engine-neutral status of a table: the Application's phase and health combined with what
 * the engine's own resources report, the table's facts and when each phase was reached.
 */
export function readTableStatus(input: ReadTableStatusInput): TableStatus {
  const { application, resources } = input;
  const engine = input.engine ?? engineOfApplication(application);
  const app = summariseApplication(application);
  const observedAt = (input.now ?? (() => new Date()))().toISOString();
  if (!engine) {
    return {
      phase: 'Unknown',
      summary: `Application ${app.namespace}/${
        app.name
      } has no vela-tables.io/engine label and no component of a known table type (${ENGINE_IDS.map(
        id => ENGINES[id].componentType,
      ).join(', ')}), so its engine is unknown`,
      engine: 'unknown',
      application: app,
      engineResources: [],
      enabledFeatures: [],
      phaseTimestamps: {},
      observedAt,
    };
  }
  const reading = ENGINE_STATUS_READERS[engine](resources);
  const appPhase = app.phase ?? '';
  const tableComponent = arr(application, 'spec', 'components')
    .map(c => str(c, 'name'))
    .find(
      (_, i) =>
        str(arr(application, 'spec', 'components')[i], 'type') ===
        ENGINES[engine].componentType,
    );
  const tableHealth = app.components.find(c => c.name === tableComponent);
  const unhealthy = app.components.filter(c => !c.healthy);
  let phase: TablePhase = reading.phase;
  let summary = reading.summary;
  const phaseTimestamps = { ...reading.phaseTimestamps };
  if (application.metadata.deletionTimestamp || appPhase === 'deleting') {
    phase = 'Deleting';
    summary = 'the Application is being deleted';
    phaseTimestamps.Deleting =
      application.metadata.deletionTimestamp ?? phaseTimestamps.Deleting;
  } else if (reading.phase === 'Deleting' || reading.phase === 'Failed') {
    // the engine's own verdict wins
  } else if (
    appPhase === 'workflowFailed' ||
    appPhase === 'workflowTerminated'
  ) {
    phase = 'Failed';
    summary = `KubeVela workflow ${
      appPhase === 'workflowFailed' ? 'failed' : 'was terminated'
    }${app.workflow?.message ? `: ${app.workflow.message}` : ''}`;
  } else if (resources.length === 0) {
    if (
      appPhase === 'running' &&
      unhealthy.length === 0 &&
      app.components.length > 0
    ) {
      phase = 'Unknown';
      summary =
        'KubeVela reports the Application running, but its engine resources could not be read';
    } else if (PROVISIONING_APP_PHASES.has(appPhase)) {
      phase = 'Provisioning';
      summary = `KubeVela reports ${appPhase || 'no status yet'}`;
    } else {
      phase = 'Unknown';
      summary = `KubeVela reports ${appPhase}, and no engine resources were found`;
    }
  } else if (
    reading.phase === 'Ready' &&
    (appPhase === 'unhealthy' || (tableHealth && !tableHealth.healthy))
  ) {
    phase = 'Degraded';
    summary = `the engine reports the table ready, but KubeVela reports it unhealthy${
      tableHealth?.message ? `: ${tableHealth.message}` : ''
    }`;
  } else if (reading.phase === 'Ready' && unhealthy.length > 0) {
    phase = 'Degraded';
    summary = `the table is ready, but component${
      unhealthy.length > 1 ? 's' : ''
    } ${unhealthy.map(c => c.name).join(', ')} ${
      unhealthy.length > 1 ? 'are' : 'is'
    } unhealthy`;
  }
  if (phase === 'Ready' && !phaseTimestamps.Ready) {
    const appReady = arr(application, 'status', 'conditions').find(
      c => str(c, 'type') === 'Ready' && str(c, 'status') === 'True',
    );
    const t = str(appReady, 'lastTransitionTime');
    if (t) phaseTimestamps.Ready = t;
  }
  if (!phaseTimestamps.Provisioning && application.metadata.creationTimestamp) {
    phaseTimestamps.Provisioning = application.metadata.creationTimestamp;
  }
  const status: TableStatus = {
    phase,
    engine,
    application: app,
    engineResources: reading.engineResources,
    enabledFeatures: reading.enabledFeatures,
    phaseTimestamps,
    observedAt,
  };
  if (summary) status.summary = summary;
  if (reading.tableName) status.tableName = reading.tableName;
  if (reading.tableArn) status.tableArn = reading.tableArn;
  if (reading.keySchema?.length) status.keySchema = reading.keySchema;
  if (reading.attributeDefinitions?.length)
    status.attributeDefinitions = reading.attributeDefinitions;
  if (reading.billingMode) status.billingMode = reading.billingMode;
  return status;
}
