/**
 * The kinds the simulated API server serves: every CRD in `../shared/crds` plus the built-in
 * kinds the plugin and the operator emulation touch, and the discovery documents built from them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_MODELS } from '../../src/k8s/models';
import type { K8sObject } from '../../src/k8s/types';
import { createValidator, loadCrds, type CrdInfo } from '../support/crds';
import { kindKeyOf, type KindKey, type KindTraits } from './store';

const REPO_ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_CRD_DIR = path.resolve(REPO_ROOT, '../shared/crds');

const STANDARD_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS_VERBS = ['get', 'patch', 'update'];

/** One kind as served in one group/version. */
export type Resource = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  statusSubresource: boolean;
  /** Defined by a CRD (custom resources need a resourceVersion on update; built-ins do not). */
  custom: boolean;
  /** The kind's key in the store (all versions of a kind share it). */
  key: KindKey;
};

export type FieldError = { field: string; message: string };

export type RegistryOptions = {
  /** Where the CRDs are; `null` forces the no-CRD mode. Default `../shared/crds` beside the repository. */
  crdDir?: string | null;
  /** `group/Kind` (core group: `/Kind` or `core/Kind`) to leave out, as if the operator were not installed. */
  omitKinds?: readonly string[];
  log?: (line: string) => void;
};

type BuiltIn = Omit<Resource, 'key' | 'custom' | 'verbs' | 'singular'> & { verbs?: string[] };

const BUILT_INS: BuiltIn[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'], statusSubresource: true },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true, shortNames: [], statusSubresource: false },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'], statusSubresource: false },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'], statusSubresource: false },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'], statusSubresource: true },
  { group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'], statusSubresource: false },
  { group: 'config.openshift.io', version: 'v1', kind: 'ClusterVersion', plural: 'clusterversions', namespaced: false, shortNames: [], statusSubresource: true },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    kind: 'SelfSubjectAccessReview',
    plural: 'selfsubjectaccessreviews',
    namespaced: false,
    shortNames: [],
    statusSubresource: false,
    verbs: ['create'],
  },
  {
    group: 'authentication.k8s.io',
    version: 'v1',
    kind: 'SelfSubjectReview',
    plural: 'selfsubjectreviews',
    namespaced: false,
    shortNames: [],
    statusSubresource: false,
    verbs: ['create'],
  },
  { group: 'operators.coreos.com', version: 'v1alpha1', kind: 'Subscription', plural: 'subscriptions', namespaced: true, shortNames: ['sub', 'subs'], statusSubresource: true },
];

/** Kubernetes version priority: GA before beta before alpha, higher numbers first, others last by name. */
export const compareKubeVersions = (a: string, b: string): number => {
  const parse = (v: string): [number, number, number, string] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [3, 0, 0, v];
    const stage = m[2] === undefined ? 0 : m[2] === 'beta' ? 1 : 2;
    return [stage, -Number(m[1]), -Number(m[3] ?? 0), v];
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] as number) - (pb[i] as number);
  return pa[3] < pb[3] ? -1 : pa[3] > pb[3] ? 1 : 0;
};

/** A kind as named in `omitKinds`: `group/Kind`, core as `/Kind`. Unlike store keys, never shared. */
const kindId = (group: string, kind: string): string => `${group}/${kind}`;

const normalizeOmit = (ref: string): string => {
  const slash = ref.lastIndexOf('/');
  const group = slash < 0 ? '' : ref.slice(0, slash);
  const kind = ref.slice(slash + 1);
  return kindId(group === 'core' || group === 'v1' ? '' : group, kind);
};

export class KindRegistry {
  /** `group/version/plural` → resource. */
  private readonly byPath = new Map<string, Resource>();
  /** store key → resource in its storage version. */
  private readonly byKey = new Map<KindKey, Resource>();
  private readonly validator: ((obj: K8sObject) => FieldError[] | undefined) | undefined;
  /** Whether CRD schemas were found (so writes are validated). */
  readonly schemaChecks: boolean;

  constructor(opts: RegistryOptions = {}) {
    const omitted = new Set((opts.omitKinds ?? []).map(normalizeOmit));
    const dir = opts.crdDir === undefined ? DEFAULT_CRD_DIR : opts.crdDir;
    const crds: CrdInfo[] = dir && fs.existsSync(dir) ? loadCrds(dir) : [];
    this.schemaChecks = crds.length > 0;
    if (this.schemaChecks) {
      for (const crd of crds) {
        if (omitted.has(kindId(crd.group, crd.kind))) continue;
        const storage = crd.versions.find((v) => v.storage) ?? crd.versions[0];
        for (const v of crd.versions.filter((x) => x.served)) {
          this.add(
            {
              group: crd.group,
              version: v.name,
              kind: crd.kind,
              plural: crd.plural,
              singular: crd.singular,
              namespaced: crd.namespaced,
              shortNames: crd.shortNames,
              verbs: STANDARD_VERBS,
              statusSubresource: v.statusSubresource,
              custom: true,
              key: kindKeyOf(crd.group, crd.kind),
            },
            v.name === storage?.name,
          );
        }
      }
      const validate = createValidator(crds);
      this.validator = (obj) => validate(obj);
    } else {
      (opts.log ?? console.warn)(
        `simulator: no CRDs at ${dir ?? '(disabled)'}; schema checks are off and only the plugin's own kinds are served`,
      );
      for (const m of ALL_MODELS) {
        const group = m.apiGroup ?? '';
        if (!m.crd || omitted.has(kindId(group, m.kind))) continue;
        this.add(
          {
            group,
            version: m.apiVersion,
            kind: m.kind,
            plural: m.plural,
            singular: m.kind.toLowerCase(),
            namespaced: m.namespaced !== false,
            shortNames: [],
            verbs: STANDARD_VERBS,
            statusSubresource: true,
            custom: true,
            key: kindKeyOf(group, m.kind),
          },
          true,
        );
      }
    }
    for (const b of BUILT_INS) {
      const key = kindKeyOf(b.group, b.kind);
      if (omitted.has(kindId(b.group, b.kind)) || this.byPath.has(`${b.group}/${b.version}/${b.plural}`)) continue;
      // The first group to serve a shared storage (core Events) is its storage form.
      this.add({ ...b, singular: b.kind.toLowerCase(), verbs: b.verbs ?? STANDARD_VERBS, custom: false, key }, !this.byKey.has(key));
    }
  }

  private add(r: Resource, storage: boolean): void {
    this.byPath.set(`${r.group}/${r.version}/${r.plural}`, r);
    if (storage || !this.byKey.has(r.key)) this.byKey.set(r.key, r);
  }

  resource(group: string, version: string, plural: string): Resource | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  /** The kind in its storage version. */
  resourceOf(key: KindKey): Resource | undefined {
    return this.byKey.get(key);
  }

  traitsOf = (key: KindKey): KindTraits | undefined => {
    const r = this.byKey.get(key);
    return r ? { namespaced: r.namespaced } : undefined;
  };

  /** Field errors for an object of a CRD kind; `[]` when valid or when there is no schema. */
  validate(obj: K8sObject): FieldError[] {
    return this.validator?.(obj) ?? [];
  }

  all(): Resource[] {
    return [...this.byPath.values()];
  }

  // ---- discovery documents ----

  /** Served versions of a group, preferred first. */
  private versionsOf(group: string): string[] {
    const versions = new Set(this.all().filter((r) => r.group === group).map((r) => r.version));
    return [...versions].sort(compareKubeVersions);
  }

  private groupDoc(group: string): object {
    const versions = this.versionsOf(group).map((version) => ({ groupVersion: `${group}/${version}`, version }));
    return { name: group, versions, preferredVersion: versions[0] };
  }

  /** `/api`, `/api/v1`, `/apis`, `/apis/<group>`, `/apis/<group>/<version>`; undefined when the path is none of those or unknown. */
  discovery(segments: readonly string[]): object | undefined {
    if (segments[0] === 'api') {
      if (segments.length === 1) {
        return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] };
      }
      if (segments.length === 2 && segments[1] === 'v1') return this.resourceList('', 'v1');
      return undefined;
    }
    if (segments[0] !== 'apis') return undefined;
    if (segments.length === 1) {
      const groups = [...new Set(this.all().map((r) => r.group))].filter((g) => g !== '').sort();
      return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => this.groupDoc(g)) };
    }
    const group = segments[1];
    if (group === '' || this.versionsOf(group).length === 0) return undefined;
    if (segments.length === 2) return { kind: 'APIGroup', apiVersion: 'v1', ...this.groupDoc(group) };
    if (segments.length === 3) return this.resourceList(group, segments[2]);
    return undefined;
  }

  private resourceList(group: string, version: string): object | undefined {
    const resources = this.all()
      .filter((r) => r.group === group && r.version === version)
      .sort((a, b) => a.plural.localeCompare(b.plural));
    if (resources.length === 0) return undefined;
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: group ? `${group}/${version}` : version,
      resources: resources.flatMap((r) => {
        const main = {
          name: r.plural,
          singularName: r.singular,
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: r.verbs,
          ...(r.shortNames.length > 0 ? { shortNames: r.shortNames } : {}),
        };
        const status = r.statusSubresource
          ? [{ name: `${r.plural}/status`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: STATUS_VERBS }]
          : [];
        return [main, ...status];
      }),
    };
  }
}
