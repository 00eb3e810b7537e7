import type { ClusterVersion, ManagedCluster } from '../k8s/types';
import { findLocalCluster, hubClusterId, isLocalCluster } from './hubIdentity';

const mc = (name: string, opts: { labels?: Record<string, string>; claims?: Record<string, string> } = {}): ManagedCluster => ({
  metadata: { name, labels: opts.labels },
  status: { clusterClaims: Object.entries(opts.claims ?? {}).map(([n, value]) => ({ name: n, value })) },
});
const cv = (clusterID?: string): ClusterVersion => ({ metadata: { name: 'version' }, spec: { clusterID } });

describe('findLocalCluster', () => {
  it('prefers the local-cluster label over the name, so a renamed local cluster is found', () => {
    const renamed = mc('hub-a', { labels: { 'local-cluster': 'true' } });
    const stale = mc('local-cluster');
    expect(findLocalCluster([stale, renamed])).toBe(renamed);
  });

  it('falls back to the name local-cluster', () => {
    const local = mc('local-cluster');
    expect(findLocalCluster([mc('spoke-1'), local])).toBe(local);
    expect(isLocalCluster(local)).toBe(true);
    expect(isLocalCluster(mc('spoke-1'))).toBe(false);
  });

  it('finds nothing among spokes only', () => {
    expect(findLocalCluster([mc('spoke-1')])).toBeUndefined();
    expect(findLocalCluster(undefined)).toBeUndefined();
  });
});

describe('hubClusterId', () => {
  it('reads the id.openshift.io claim first', () => {
    const local = mc('local-cluster', { labels: { clusterID: 'from-label' }, claims: { 'id.openshift.io': 'from-claim' } });
    expect(hubClusterId({ localCluster: local, clusterVersion: cv('from-cv') })).toBe('from-claim');
  });

  it('falls back to the clusterID label, then to ClusterVersion', () => {
    expect(hubClusterId({ localCluster: mc('local-cluster', { labels: { clusterID: 'from-label' } }), clusterVersion: cv('from-cv') })).toBe(
      'from-label',
    );
    expect(hubClusterId({ localCluster: mc('local-cluster'), clusterVersion: cv('from-cv') })).toBe('from-cv');
    expect(hubClusterId({ clusterVersion: cv('from-cv') })).toBe('from-cv');
  });

  it('finds the local cluster in a list when it is not given', () => {
    const clusters = [mc('spoke-1', { claims: { 'id.openshift.io': 'spoke' } }), mc('hub', { labels: { 'local-cluster': 'true', clusterID: 'hub-id' } })];
    expect(hubClusterId({ managedClusters: clusters })).toBe('hub-id');
  });

  it('is undefined when nothing names the hub, and never the operator placeholder "unknown"', () => {
    expect(hubClusterId({})).toBeUndefined();
    expect(hubClusterId({ clusterVersion: cv('') })).toBeUndefined();
    expect(hubClusterId({ clusterVersion: cv('unknown') })).toBeUndefined();
  });
});
