import {
  ACK_TABLE_API_VERSION,
  ackTableModel,
  crossplaneTableModel,
  findEngineResources,
  readCrossplaneObservedTable,
} from '@vela-tables/plugin-kubevela-node';
import type { EngineId } from '@vela-tables/plugin-kubevela-common';
import type {
  KubeObject,
  KubeVelaClient,
} from '@vela-tables/plugin-kubevela-node';

/** The engine resources of an Application and what they say about its DynamoDB table. */
export interface EngineChain {
  /** Every engine resource, from the component's output down to the resource that calls AWS. */
  resources: KubeObject[];
  /** The DynamoDB table's name, once a resource names it. */
  tableName?: string;
  /** The table's region, when a resource names it. */
  region?: string;
  /** The resources that ask for, or report, deletion protection on the table. */
  protectedBy: KubeObject[];
}

/**
 * The engine resources an Application owns (see `findEngineResources`), plus the ACK Table a
 * Kratix request's pipeline made (same name and namespace as the request; it carries neither
 * vela-core's labels nor an owner reference), with the table's name, region and protection.
 */
export async function readEngineChain(
  client: KubeVelaClient,
  application: KubeObject,
  engine: EngineId,
): Promise<EngineChain> {
  const resources = await findEngineResources(client, application, engine);
  if (engine === 'kratix') {
    for (const request of [...resources]) {
      const ack = await client.tryGet({
        apiVersion: ACK_TABLE_API_VERSION,
        kind: 'Table',
        name: request.metadata.name,
        namespace: request.metadata.namespace,
      });
      if (ack) resources.push(ack);
    }
  }
  const chain: EngineChain = { resources, protectedBy: [] };
  for (const resource of resources) {
    const table = tableOf(resource);
    if (table?.tableName) chain.tableName ??= table.tableName;
    if (table?.region) chain.region ??= table.region;
    if (asksForProtection(resource)) chain.protectedBy.push(resource);
  }
  return chain;
}

type Json = Record<string, unknown>;

function tableOf(
  resource: KubeObject,
): { tableName?: string; region?: string } | undefined {
  if (ackTableModel.is(resource))
    return ackTableModel.readDesiredTable(resource);
  if (crossplaneTableModel.is(resource))
    return crossplaneTableModel.readDesiredTable(resource);
  // KRO instances and Kratix requests name the table in their own spec.
  const spec = (resource.spec ?? {}) as Json;
  return {
    tableName: typeof spec.tableName === 'string' ? spec.tableName : undefined,
    region: typeof spec.region === 'string' ? spec.region : undefined,
  };
}

/** Whether a resource's spec asks for deletion protection, or its status reports it on. */
function asksForProtection(resource: KubeObject): boolean {
  if (crossplaneTableModel.is(resource)) {
    return (
      crossplaneTableModel.readDesiredTable(resource)?.deletionProtection ===
        true ||
      readCrossplaneObservedTable(resource)?.deletionProtection === true
    );
  }
  if (ackTableModel.is(resource)) {
    return (
      ackTableModel.readDesiredTable(resource)?.deletionProtection === true
    );
  }
  const spec = (resource.spec ?? {}) as Json;
  return spec.deletionProtectionEnabled === true;
}

/** `Kind group namespace/name` of a resource, for messages. */
export function describeResource(resource: KubeObject): string {
  return `${resource.kind} ${resource.apiVersion.split('/')[0]} ${
    resource.metadata.namespace ? `${resource.metadata.namespace}/` : ''
  }${resource.metadata.name}`;
}
