import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommandOrThrow } from './exec';

/** Files written by {@link createCertificates}. */
export interface PlatformCertificates {
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
  /** base64 of the CA certificate PEM, for kubeconfig `certificate-authority-data` */
  caData: string;
  /** the CA certificate PEM */
  caPem: string;
}

/**
 * Creates, with the openssl CLI, a CA, a serving certificate for the apiserver signed by it (SANs
 * IP:127.0.0.1, DNS:localhost) and an RSA key pair for service account tokens, in `dir`.
 */
export async function createCertificates(
  dir: string,
): Promise<PlatformCertificates> {
  const f = (name: string) => join(dir, name);
  const openssl = (args: string[]) =>
    runCommandOrThrow('openssl', args, { timeoutMs: 60000 });
  const files = {
    caCert: f('ca.crt'),
    caKey: f('ca.key'),
    servingCert: f('apiserver.crt'),
    servingKey: f('apiserver.key'),
    serviceAccountKey: f('sa.key'),
    serviceAccountPub: f('sa.pub'),
  };
  writeFileSync(
    f('apiserver.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '',
    ].join('\n'),
  );
  await Promise.all([
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '3650',
      '-keyout',
      files.caKey,
      '-out',
      files.caCert,
      '-subj',
      '/CN=vela-tables-local-ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
    ]),
    openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-keyout',
      files.servingKey,
      '-out',
      f('apiserver.csr'),
      '-subj',
      '/CN=kube-apiserver',
    ]),
    openssl([
      'genpkey',
      '-algorithm',
      'RSA',
      '-pkeyopt',
      'rsa_keygen_bits:2048',
      '-out',
      files.serviceAccountKey,
    ]),
  ]);
  await Promise.all([
    openssl([
      'x509',
      '-req',
      '-sha256',
      '-days',
      '3650',
      '-in',
      f('apiserver.csr'),
      '-CA',
      files.caCert,
      '-CAkey',
      files.caKey,
      '-CAcreateserial',
      '-out',
      files.servingCert,
      '-extfile',
      f('apiserver.ext'),
    ]),
    openssl([
      'pkey',
      '-in',
      files.serviceAccountKey,
      '-pubout',
      '-out',
      files.serviceAccountPub,
    ]),
  ]);
  const caPem = readFileSync(files.caCert, 'utf8');
  return { ...files, caPem, caData: Buffer.from(caPem).toString('base64') };
}

/** Files written by {@link createWebhookCertificates}. */
export interface WebhookCertificates {
  /** the directory holding tls.crt and tls.key (controller-runtime's `--webhook-cert-dir`) */
  certDir: string;
  caCert: string;
  servingCert: string;
  servingKey: string;
  /** base64 of the CA certificate PEM: the webhooks' `clientConfig.caBundle` */
  caBundle: string;
}

/**
 * Creates, with the openssl CLI, the certificates of an admission webhook served on 127.0.0.1:
 * its own CA (as vela's chart generates one for its webhook) and a serving certificate signed by
 * it, in `<dir>/<name>/` as `ca.crt`, `tls.crt` and `tls.key`. EC P-256 keys: generated in
 * milliseconds, and served by Go's TLS like RSA ones.
 */
export async function createWebhookCertificates(
  dir: string,
  name: string,
): Promise<WebhookCertificates> {
  const certDir = join(dir, name);
  mkdirSync(certDir, { recursive: true, mode: 0o700 });
  const f = (file: string) => join(certDir, file);
  const openssl = (args: string[]) =>
    runCommandOrThrow('openssl', args, { timeoutMs: 60000 });
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  await openssl([
    'req',
    '-x509',
    ...ecKey,
    '-nodes',
    '-sha256',
    '-days',
    '3650',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt'),
    '-subj',
    `/CN=${name}-ca`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
  ]);
  await openssl([
    'req',
    '-x509',
    ...ecKey,
    '-nodes',
    '-sha256',
    '-days',
    '3650',
    '-CA',
    f('ca.crt'),
    '-CAkey',
    f('ca.key'),
    '-keyout',
    f('tls.key'),
    '-out',
    f('tls.crt'),
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-addext',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    '-addext',
    'extendedKeyUsage=serverAuth',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  ]);
  const caPem = readFileSync(f('ca.crt'), 'utf8');
  return {
    certDir,
    caCert: f('ca.crt'),
    servingCert: f('tls.crt'),
    servingKey: f('tls.key'),
    caBundle: Buffer.from(caPem).toString('base64'),
  };
}
