import { formatParts, platformParts } from './parts';
import { assertStandInsCanRun, standInEngines } from './standIns';
import type { PlatformInfo } from './state';

const info = {
  kubernetes: { version: 'v1.35.4' },
  versions: {
    etcd: 'v3.6.6',
    'kube-apiserver': 'v1.35.4',
    moto: '5.2.5',
    'vela-core': 'v1.10.9',
  },
  processes: [
    { name: 'etcd', pid: 11, command: 'etcd', logFile: 'etcd.log' },
    {
      name: 'kube-apiserver',
      pid: 12,
      command: 'kube-apiserver',
      logFile: 'a.log',
    },
    { name: 'vela-core', pid: 13, command: 'vela-core', logFile: 'v.log' },
    { name: 'engine-stand-ins', pid: 14, command: 'node', logFile: 's.log' },
  ],
  standIns: {
    pid: 14,
    engines: ['ack', 'kratix'],
    healthEndpoint: 'http://127.0.0.1:1',
    logFile: 's.log',
    parts: [
      {
        id: 'ack',
        name: 'ack-dynamodb-controller',
        standsInFor: 'ACK dynamodb-controller v1.9.2',
      },
      { id: 'kratix', name: 'kratix-pipeline', standsInFor: 'Kratix v0.140.0' },
    ],
  },
} as unknown as PlatformInfo;

describe('platformParts', () => {
  it('lists each real part with its version, and each stand-in as a stand-in instead of its process', () => {
    const parts = platformParts(info, pid => pid !== 13);
    expect(parts).toEqual([
      { name: 'etcd', version: 'v3.6.6', pid: 11, alive: true, standIn: false },
      {
        name: 'kube-apiserver',
        version: 'v1.35.4',
        pid: 12,
        alive: true,
        standIn: false,
      },
      {
        name: 'vela-core',
        version: 'v1.10.9',
        pid: 13,
        alive: false,
        standIn: false,
      },
      {
        name: 'ack-dynamodb-controller',
        version: 'local stand-in for ACK dynamodb-controller v1.9.2',
        pid: 14,
        alive: true,
        standIn: true,
      },
      {
        name: 'kratix-pipeline',
        version: 'local stand-in for Kratix v0.140.0',
        pid: 14,
        alive: true,
        standIn: true,
      },
    ]);
    expect(formatParts(parts.slice(1, 3))).toEqual([
      '  kube-apiserver  v1.35.4  pid 12',
      '  vela-core       v1.10.9  pid 13 (dead)',
    ]);
  });
});

describe('the stand-ins option', () => {
  it('names all three engines for true, keeps a list, and refuses an unknown engine', () => {
    expect(standInEngines(true)).toEqual(['ack', 'crossplane', 'kratix']);
    expect(standInEngines(['ack'])).toEqual(['ack']);
    expect(standInEngines(false)).toEqual([]);
    expect(() => standInEngines(['ack', 'argo'])).toThrow(
      'unknown stand-in argo: use ack, crossplane, kratix',
    );
  });

  it('needs DynamoDB, and the manifests for the Kratix stand-in', () => {
    const off = { dynamodb: false, manifests: false };
    expect(() => assertStandInsCanRun([], off)).not.toThrow();
    expect(() => assertStandInsCanRun(['ack'], off)).toThrow(
      'need the DynamoDB server',
    );
    const dynamodb = { dynamodb: true, manifests: false };
    expect(() =>
      assertStandInsCanRun(['ack', 'crossplane'], dynamodb),
    ).not.toThrow();
    expect(() => assertStandInsCanRun(['kratix'], dynamodb)).toThrow(
      "the Kratix stand-in needs the manifests (Kratix's DynamoDBRequest CRD)",
    );
    expect(() =>
      assertStandInsCanRun(['kratix'], { dynamodb: true, manifests: true }),
    ).not.toThrow();
  });
});
