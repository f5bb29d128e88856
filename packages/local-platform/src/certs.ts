import { readFileSync, writeFileSync } from 'node:fs';
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
