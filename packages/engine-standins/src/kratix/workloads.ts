import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRest } from '../runtime/kubeRest';
import { GITOPS_FIELD_MANAGER } from './constants';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

/**
 * The GitOps agent's half of the stand-in: puts the Work's objects (a pipeline's
 * /kratix/output) on the Destination, which here is this cluster, and prunes them again. It
 * finds each kind's resource through API discovery, as kubectl and Flux do.
 */
export class Workloads {
  private readonly resources = new Map<string, ApiResource[]>();

  constructor(private readonly kube: KubeRest) {}

  /** Server-side applies each object; a namespaced object without a namespace goes to `namespace`. */
  async apply(objects: KubeObject[], namespace: string): Promise<string[]> {
    const applied: string[] = [];
    for (const object of objects) {
      const path = await this.pathOf(object, namespace);
      const body = { ...object, metadata: { ...object.metadata } };
      if (path.namespaced) body.metadata.namespace = path.namespace;
      await this.kube.apply(path.path, body, GITOPS_FIELD_MANAGER);
      applied.push(
        `${object.kind} ${path.namespace ? `${path.namespace}/` : ''}${
          object.metadata.name
        }`,
      );
    }
    return applied;
  }

  /** Deletes each object (already gone is fine); returns what it asked to delete. */
  async delete(objects: KubeObject[], namespace: string): Promise<string[]> {
    const deleted: string[] = [];
    for (const object of objects) {
      const path = await this.pathOf(object, namespace);
      if (await this.kube.delete(path.path)) {
        deleted.push(
          `${object.kind} ${path.namespace ? `${path.namespace}/` : ''}${
            object.metadata.name
          }`,
        );
      }
    }
    return deleted;
  }

  private async pathOf(
    object: KubeObject,
    defaultNamespace: string,
  ): Promise<{ path: string; namespaced: boolean; namespace?: string }> {
    if (!object.apiVersion || !object.kind || !object.metadata?.name) {
      throw new Error(
        'an output document is not a Kubernetes object (apiVersion, kind, metadata.name)',
      );
    }
    const groupVersion = object.apiVersion;
    let list = this.resources.get(groupVersion);
    if (!list) {
      const base = groupVersion.includes('/')
        ? `/apis/${groupVersion}`
        : `/api/${groupVersion}`;
      const discovered = (await this.kube.get(base)) as unknown as
        | { resources?: ApiResource[] }
        | undefined;
      list = (discovered?.resources ?? []).filter(r => !r.name.includes('/'));
      this.resources.set(groupVersion, list);
    }
    const resource = list.find(r => r.kind === object.kind);
    if (!resource) {
      throw new Error(
        `the cluster serves no ${object.kind} in ${groupVersion}`,
      );
    }
    const base = groupVersion.includes('/')
      ? `/apis/${groupVersion}`
      : `/api/${groupVersion}`;
    const name = encodeURIComponent(object.metadata.name);
    if (!resource.namespaced) {
      return { path: `${base}/${resource.name}/${name}`, namespaced: false };
    }
    const namespace = object.metadata.namespace ?? defaultNamespace;
    return {
      path: `${base}/namespaces/${encodeURIComponent(namespace)}/${
        resource.name
      }/${name}`,
      namespaced: true,
      namespace,
    };
  }
}
