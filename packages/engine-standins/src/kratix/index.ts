import type { KubeRest } from '../runtime/kubeRest';
import type { Reconciler } from '../runtime/types';
import { KRATIX_STANDS_IN_FOR } from './constants';
import { runPipeline } from './pipelineRunner';
import { readPromiseWorkflows } from './promiseWorkflows';
import { KratixMemory, reconcileRequest } from './reconcileRequest';
import { Workloads } from './workloads';

/** Options of {@link createKratixStandIn} (tests only; the platform uses the defaults). */
export interface KratixStandInOptions {
  /** The Promise whose workflows run (default: manifests/kratix/promise.yaml). */
  promiseFile?: string;
}

/**
 * The local stand-in for Kratix, for the requests of the Promise aws-dynamodb: it stands in for
 * Kratix's resource request controller and pipeline runner (each Pipeline of the Promise runs as
 * processes of the pipeline's real entry point, packages/kratix-dynamodb-pipeline/src/main.ts,
 * with temporary /kratix directories), its state store and the GitOps agent of a Destination
 * that is this cluster (the Work's objects are server-side applied, and pruned on deletion).
 * The request's status, conditions, labels and finalizers are Kratix's own.
 */
export function createKratixStandIn(
  options: KratixStandInOptions = {},
): Reconciler {
  const promise = readPromiseWorkflows(options.promiseFile);
  const memory = new KratixMemory();
  const workloads = new WeakMap<KubeRest, Workloads>();
  return {
    name: 'kratix-stand-in',
    standsInFor: KRATIX_STANDS_IN_FOR,
    kinds: [promise.requestKind],
    reconcile: (_kind, object, ctx) => {
      let forKube = workloads.get(ctx.kube);
      if (!forKube) {
        forKube = new Workloads(ctx.kube);
        workloads.set(ctx.kube, forKube);
      }
      return reconcileRequest(object, {
        kube: ctx.kube,
        promise,
        runPipeline: run =>
          runPipeline({ ...run, promise, cluster: ctx.kube.connection }),
        workloads: forKube,
        memory,
        now: ctx.now,
        log: ctx.log,
      });
    },
  };
}
