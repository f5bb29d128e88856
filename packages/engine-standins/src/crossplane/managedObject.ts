import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRest } from '../runtime/kubeRest';
import { pathOf } from '../runtime/resourceKind';
import type { ResourceKind } from '../runtime/resourceKind';
import { markConditions, setConditions } from './conditions';
import type { Condition } from './conditions';

type Json = Record<string, unknown>;

/**
 * One managed resource during a reconcile: the object as last read or written, and the status
 * being built. Like controller-runtime's client, writes that change metadata or spec carry the
 * object's resourceVersion, so a concurrent change makes them fail with a conflict (the reconcile
 * then starts over) instead of overwriting it.
 */
export class ManagedObject {
  private conditions: Condition[];
  private atProvider: Json | undefined;

  constructor(
    private readonly kube: KubeRest,
    readonly kind: ResourceKind,
    public object: KubeObject,
  ) {
    const status = (object.status ?? {}) as Json;
    this.conditions = Array.isArray(status.conditions)
      ? (status.conditions as Condition[])
      : [];
    this.atProvider = status.atProvider as Json | undefined;
  }

  get path(): string {
    return pathOf(this.kind, this.object);
  }

  get generation(): number | undefined {
    return this.object.metadata.generation;
  }

  /** Sets conditions as upjet does (no observed generation). */
  set(...conditions: Condition[]): void {
    this.conditions = setConditions(this.conditions, ...conditions);
  }

  /** Marks conditions as the managed reconciler does (stamped with the generation). */
  mark(...conditions: Condition[]): void {
    this.conditions = markConditions(
      this.conditions,
      this.generation,
      ...conditions,
    );
  }

  /** The observation that the next status write carries. */
  observe(atProvider: Json): void {
    this.atProvider = atProvider;
  }

  /** The conditions as they will be written. */
  currentConditions(): readonly Condition[] {
    return this.conditions;
  }

  /** JSON merge patch of metadata/spec with the resourceVersion as a precondition. */
  async patch(patch: Json): Promise<void> {
    const metadata = {
      ...((patch.metadata as Json | undefined) ?? {}),
      resourceVersion: this.object.metadata.resourceVersion,
    };
    this.object = await this.kube.mergePatch(this.path, { ...patch, metadata });
  }

  /** Adds a finalizer if missing. */
  async addFinalizer(finalizer: string): Promise<void> {
    const current = this.object.metadata.finalizers ?? [];
    if (current.includes(finalizer)) return;
    await this.patch({ metadata: { finalizers: [...current, finalizer] } });
  }

  /** Removes a finalizer if present. */
  async removeFinalizer(finalizer: string): Promise<void> {
    const current = this.object.metadata.finalizers ?? [];
    if (!current.includes(finalizer)) return;
    await this.patch({
      metadata: { finalizers: current.filter(f => f !== finalizer) },
    });
  }

  /**
   * Writes the status (conditions and atProvider) with a PUT of the status subresource, as the
   * managed reconciler's `Status().Update` does; a no-op when nothing changed.
   */
  async writeStatus(): Promise<void> {
    const before = (this.object.status ?? {}) as Json;
    const status: Json = { ...before, conditions: this.conditions };
    if (this.atProvider) status.atProvider = this.atProvider;
    if (JSON.stringify(status) === JSON.stringify(before)) return;
    this.object = await this.kube.replaceStatus(this.path, {
      ...this.object,
      status,
    });
  }
}
