import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRest } from '../runtime/kubeRest';
import { convertTable } from './tableConversion';

/** The CRD whose versions differ in shape (v1beta1 one-item lists, v1beta2 objects). */
export const CLUSTER_TABLE_CRD = 'tables.dynamodb.aws.upbound.io';

/** An apiextensions.k8s.io/v1 ConversionReview (the fields the API server sends and reads). */
export interface ConversionReview {
  apiVersion: string;
  kind: 'ConversionReview';
  request?: { uid: string; desiredAPIVersion: string; objects: KubeObject[] };
  response?: {
    uid: string;
    convertedObjects: KubeObject[];
    result: { status: 'Success' | 'Failure'; message?: string };
  };
}

/** Answers one ConversionReview with every object converted to the desired version. */
export function reviewConversion(review: ConversionReview): ConversionReview {
  const request = review.request;
  if (!request) throw new Error('ConversionReview without a request');
  try {
    return {
      apiVersion: review.apiVersion,
      kind: 'ConversionReview',
      response: {
        uid: request.uid,
        convertedObjects: request.objects.map(o =>
          convertTable(o, request.desiredAPIVersion),
        ),
        result: { status: 'Success' },
      },
    };
  } catch (error) {
    return {
      apiVersion: review.apiVersion,
      kind: 'ConversionReview',
      response: {
        uid: request.uid,
        convertedObjects: [],
        result: { status: 'Failure', message: (error as Error).message },
      },
    };
  }
}

/** A running conversion webhook. */
export interface ConversionWebhook {
  /** `https://127.0.0.1:<port>/convert` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the Table conversion webhook on loopback over TLS, as the real provider serves it to
 * the API server (Crossplane installs the provider's CRDs with `conversion.strategy: Webhook`).
 * Without it the API server stores every Table at v1beta2 after pruning it against the v1beta2
 * schema, which silently drops the v1beta1 one-item lists (ttl, serverSideEncryption, …).
 */
export async function startConversionWebhook(tls: {
  certPem: string;
  keyPem: string;
  port?: number;
}): Promise<ConversionWebhook> {
  const server: Server = createServer(
    { cert: tls.certPem, key: tls.keyPem },
    (req, res) => {
      if (req.method !== 'POST' || !req.url?.startsWith('/convert')) {
        res.writeHead(404);
        res.end();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const review = JSON.parse(
            Buffer.concat(chunks).toString('utf8'),
          ) as ConversionReview;
          const body = JSON.stringify(reviewConversion(review));
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(body);
        } catch (error) {
          res.writeHead(400, { 'Content-Type': 'text/plain' });
          res.end((error as Error).message);
        }
      });
    },
  );
  await new Promise<void>(resolve =>
    server.listen(tls.port ?? 0, '127.0.0.1', resolve),
  );
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}/convert`,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/** Points the cluster-scoped Table CRD's conversion at the webhook (`caBundle`: base64 CA PEM). */
export async function installConversionWebhook(
  kube: KubeRest,
  url: string,
  caBundle: string,
): Promise<void> {
  await kube.mergePatch(crdPath(), {
    spec: {
      conversion: {
        strategy: 'Webhook',
        webhook: {
          conversionReviewVersions: ['v1'],
          clientConfig: { url, caBundle },
        },
      },
    },
  });
}

/** Puts the CRD back to no conversion (the shipped CRD file has none). */
export async function uninstallConversionWebhook(
  kube: KubeRest,
): Promise<void> {
  await kube.mergePatch(crdPath(), {
    spec: { conversion: { strategy: 'None', webhook: null } },
  });
}

function crdPath(): string {
  return `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${CLUSTER_TABLE_CRD}`;
}

/**
 * Starts the conversion webhook and points the CRD at it, as installing the provider does; the
 * returned stop puts the CRD back to no conversion, then stops serving. For whoever starts the
 * Crossplane stand-in on a platform (with a CA and a 127.0.0.1 serving certificate it made).
 */
export async function runTableConversionWebhook(options: {
  kube: KubeRest;
  certPem: string;
  keyPem: string;
  caPem: string;
  port?: number;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const webhook = await startConversionWebhook(options);
  try {
    await installConversionWebhook(
      options.kube,
      webhook.url,
      Buffer.from(options.caPem).toString('base64'),
    );
  } catch (error) {
    await webhook.close();
    throw error;
  }
  return {
    url: webhook.url,
    async stop() {
      await uninstallConversionWebhook(options.kube);
      await webhook.close();
    },
  };
}
