import { createWebhookCertificates } from './certs';
import type { WebhookCertificates } from './certs';
import { startVelaCore } from './controllers';
import type { RunningController, StartControllerOptions } from './controllers';
import { kubeRequest } from './kubeApi';
import type { KubeConnection } from './kubeApi';
import { getFreePort } from './ports';
import { waitUntil } from './processes';
import type { ManagedProcess } from './processes';
import type { RecordedAdmissionWebhook } from './state';

/**
 * vela-core's admission webhooks on the local platform. vela-core serves them itself
 * (`--use-webhook`); on a cluster, vela's Helm chart (charts/vela-core/templates/
 * admission-webhooks/) registers them with a `service` clientConfig and a generated CA. Here the
 * apiserver reaches vela-core on loopback, so the same configurations carry a `url` instead.
 */

/** The name vela's chart gives both configurations (release `kubevela`, chart `vela-core`). */
export const VELA_ADMISSION_NAME = 'kubevela-vela-core-admission';

/** One webhook of the chart: its name, the path vela-core serves it on, what it admits. */
interface VelaHook {
  name: string;
  path: string;
  resource: string;
}

/**
 * The validating webhooks of vela's v1.10.9 chart for Applications and for the two kinds of
 * definition this project ships (names as the chart spells them, `oam-dev` included), so that
 * every ComponentDefinition and TraitDefinition applied here passes vela-core's own checks, as
 * on a cluster installed from the chart. Left out: the chart's hooks for policy and workflow-step
 * definitions (the project ships none) and its mutating hook for ComponentDefinitions, which
 * maps each workload kind through the REST mapper, which knows the KRO instance kinds only after
 * the definitions are applied here.
 */
const VALIDATING_HOOKS: VelaHook[] = [
  {
    name: 'validating.core.oam.dev.v1beta1.applications',
    path: '/validating-core-oam-dev-v1beta1-applications',
    resource: 'applications',
  },
  {
    name: 'validating.core.oam-dev.v1beta1.componentdefinitions',
    path: '/validating-core-oam-dev-v1beta1-componentdefinitions',
    resource: 'componentdefinitions',
  },
  {
    name: 'validating.core.oam.dev.v1beta1.traitdefinitions',
    path: '/validating-core-oam-dev-v1beta1-traitdefinitions',
    resource: 'traitdefinitions',
  },
];

/** The chart's mutating webhook for Applications (it names unnamed workflow steps). */
const MUTATING_HOOKS: VelaHook[] = [
  {
    name: 'mutating.core.oam.dev.v1beta1.applications',
    path: '/mutating-core-oam-dev-v1beta1-applications',
    resource: 'applications',
  },
];

/** The chart's webhook configurations, with a loopback `url` instead of the chart's `service`. */
export function velaWebhookConfigurations(
  endpoint: string,
  caBundle: string,
): Array<Record<string, unknown>> {
  const webhooks = (hooks: VelaHook[]) =>
    hooks.map(hook => ({
      name: hook.name,
      clientConfig: { url: `${endpoint}${hook.path}`, caBundle },
      // the chart's patch job sets Fail once the CA is in place
      failurePolicy: 'Fail',
      sideEffects: 'None',
      admissionReviewVersions: ['v1beta1', 'v1'],
      rules: [
        {
          apiGroups: ['core.oam.dev'],
          apiVersions: ['v1beta1'],
          operations: ['CREATE', 'UPDATE'],
          resources: [hook.resource],
        },
      ],
    }));
  const metadata = { name: VELA_ADMISSION_NAME };
  return [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata,
      webhooks: webhooks(VALIDATING_HOOKS),
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata,
      webhooks: webhooks(MUTATING_HOOKS),
    },
  ];
}

function configurationPath(kind: string): string {
  return `/apis/admissionregistration.k8s.io/v1/${kind.toLowerCase()}s/${VELA_ADMISSION_NAME}`;
}

/** Server-side applies both configurations; returns `Kind/name` of each. */
export async function registerVelaWebhooks(
  connection: KubeConnection,
  endpoint: string,
  caBundle: string,
): Promise<string[]> {
  const registered: string[] = [];
  for (const configuration of velaWebhookConfigurations(endpoint, caBundle)) {
    const kind = String(configuration.kind);
    const res = await kubeRequest(
      connection,
      'PATCH',
      `${configurationPath(
        kind,
      )}?fieldManager=vela-tables-local-platform&force=true`,
      configuration,
      { contentType: 'application/apply-patch+yaml' },
    );
    if (res.status !== 200 && res.status !== 201) {
      throw new Error(
        `could not register vela-core's ${kind}: HTTP ${res.status} ${res.body}`,
      );
    }
    registered.push(`${kind}/${VELA_ADMISSION_NAME}`);
  }
  return registered;
}

/** Deletes both configurations (a missing one is fine). */
export async function unregisterVelaWebhooks(
  connection: KubeConnection,
): Promise<void> {
  for (const kind of [
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
  ]) {
    const res = await kubeRequest(
      connection,
      'DELETE',
      configurationPath(kind),
    );
    if (res.status !== 200 && res.status !== 404) {
      throw new Error(
        `could not delete vela-core's ${kind}: HTTP ${res.status} ${res.body}`,
      );
    }
  }
}

/** An Application whose component type no definition provides. */
const PROBE_APPLICATION = {
  apiVersion: 'core.oam.dev/v1beta1',
  kind: 'Application',
  metadata: { name: 'vela-tables-webhook-probe', namespace: 'default' },
  spec: {
    components: [{ name: 'probe', type: 'vela-tables-no-such-definition' }],
  },
};

/** The `message` of a Kubernetes Status body ('' when it is not one). */
function statusMessage(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' ? message : '';
  } catch {
    return '';
  }
}

/**
 * Waits until the apiserver calls vela-core's Application webhooks: a server-side dry run of an
 * Application with an unknown component type is then refused by vela-core (before, the CRD's
 * schema alone accepts it). Nothing is persisted.
 */
export async function waitForApplicationWebhook(
  connection: KubeConnection,
  velaCore: ManagedProcess,
  timeoutMs = 30000,
): Promise<number> {
  const validating = `admission webhook "${VALIDATING_HOOKS[0].name}" denied the request`;
  let last = '';
  try {
    return await waitUntil(
      "vela-core's Application admission webhook",
      async () => {
        const res = await kubeRequest(
          connection,
          'POST',
          '/apis/core.oam.dev/v1beta1/namespaces/default/applications?dryRun=All',
          PROBE_APPLICATION,
          { timeoutMs: 15000 },
        );
        last = `HTTP ${res.status} ${res.body}`;
        return (
          res.status === 400 && statusMessage(res.body).includes(validating)
        );
      },
      { timeoutMs, intervalMs: 100, process: velaCore },
    );
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\nlast dry-run answer: ${last}`,
    );
  }
}

/** Options of {@link startVelaCoreWithWebhook}. */
export interface StartVelaCoreWithWebhookOptions
  extends StartControllerOptions {
  /** the admin connection, to register the webhook configurations */
  connection: KubeConnection;
}

/**
 * vela-core with its admission webhook, in small steps: certificates (own CA, serving
 * certificate for 127.0.0.1) -> vela-core `--use-webhook` on a free port (vela-core sets no
 * host, so it listens on every interface; the apiserver calls 127.0.0.1) -> the chart's webhook
 * configurations with a `url` -> wait until the apiserver calls them. Stopping the
 * returned process deletes the configurations first, so that they exist only while vela-core
 * serves them.
 */
export async function startVelaCoreWithWebhook(
  options: StartVelaCoreWithWebhookOptions,
): Promise<RunningController> {
  const [certs, port] = await Promise.all([
    createWebhookCertificates(options.dir, 'vela-core-webhook'),
    getFreePort(),
  ]);
  const controller = await startVelaCore({
    ...options,
    webhook: { port, certDir: certs.certDir },
  });
  const endpoint = `https://127.0.0.1:${port}`;
  try {
    const configurations = await registerVelaWebhooks(
      options.connection,
      endpoint,
      certs.caBundle,
    );
    await waitForApplicationWebhook(options.connection, controller.process);
    return {
      ...controller,
      process: unregisteringOnStop(controller.process, options.connection),
      admissionWebhook: recordWebhook(endpoint, certs, configurations),
    };
  } catch (error) {
    await unregisterVelaWebhooks(options.connection).catch(() => {});
    await controller.process.stop();
    throw error;
  }
}

function recordWebhook(
  endpoint: string,
  certs: WebhookCertificates,
  configurations: string[],
): RecordedAdmissionWebhook {
  return { endpoint, caFile: certs.caCert, configurations };
}

/** The same process, whose stop() first removes the webhook configurations. */
function unregisteringOnStop(
  proc: ManagedProcess,
  connection: KubeConnection,
): ManagedProcess {
  return {
    ...proc,
    async stop(timeoutMs?: number) {
      const start = Date.now();
      // the apiserver may already be gone (a failed start): the process must stop regardless
      await unregisterVelaWebhooks(connection).catch(() => {});
      await proc.stop(timeoutMs);
      return Date.now() - start;
    },
  };
}
