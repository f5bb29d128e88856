import { ClusterRegistry } from './ClusterRegistry';

const cluster = (name: string) => ({
  name,
  url: `https://${name}.example:6443`,
  serviceAccountToken: 't',
  skipTLSVerify: true,
});

describe('ClusterRegistry', () => {
  it('picks a cluster by name and builds its KubeConfig', () => {
    const c = new ClusterRegistry([cluster('a'), cluster('b')]).get('b');
    expect(c.server).toBe('https://b.example:6443');
    expect(c.kubeConfig.getCurrentUser()?.token).toBe('t');
  });

  it('uses the first cluster when the entity names none', () => {
    expect(
      new ClusterRegistry([cluster('a'), cluster('b')]).get().config.name,
    ).toBe('a');
  });

  it('throws NotFoundError naming the known clusters for an unknown name', () => {
    expect(() =>
      new ClusterRegistry([cluster('a'), cluster('b')]).get('c'),
    ).toThrow(
      "no KubeVela cluster named 'c' is configured (known clusters: 'a', 'b')",
    );
  });
});
