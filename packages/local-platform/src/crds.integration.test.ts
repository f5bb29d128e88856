import { basename } from 'node:path';
import { findRepoRoot } from './binaries';
import { crdsDir, kubectlOrThrow, manifestFiles } from './crds';
import { getTestPlatform, kubectlFor } from './testing';

jest.setTimeout(120_000);

interface CrdList {
  items: Array<{
    metadata: { name: string };
    status?: { conditions?: Array<{ type: string; status: string }> };
  }>;
}

/** `<group>_<plural>.yaml` -> `<plural>.<group>`, the naming of every upstream CRD file. */
function crdNameOf(file: string): string {
  const [group, plural] = basename(file)
    .replace(/\.ya?ml$/, '')
    .split('_');
  return `${plural}.${group}`;
}

describe('the real CRDs on the local apiserver', () => {
  it('installs every CRD in <shared>/crds and each one is Established', async () => {
    const expected = manifestFiles(crdsDir(findRepoRoot()))
      .map(crdNameOf)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(31);

    const list = JSON.parse(
      await kubectlOrThrow(kubectlFor(getTestPlatform()), [
        'get',
        'crd',
        '-o',
        'json',
      ]),
    ) as CrdList;
    const established = list.items
      .filter(crd =>
        crd.status?.conditions?.some(
          c => c.type === 'Established' && c.status === 'True',
        ),
      )
      .map(crd => crd.metadata.name);

    expect(established.sort()).toEqual(expect.arrayContaining(expected));
    expect(getTestPlatform().kubernetes.crdsInstalled.sort()).toEqual(expected);
  });
});
