/**
 * Tools the scenario loaders share: a seeded PRNG, and a loader that bulk-stores objects while
 * keeping owner references and event subjects pointing at the right objects even when the store
 * assigns its own uids (owners are stored first, then read back).
 */
import type { K8sObject, OwnerReference } from '../../../src/k8s/types';
import type { Cluster, KindRef } from '../cluster';
import { uuidFrom } from '../operator/inventory';
import { nameOf, nsOf } from '../operator/runtime';

/** Deterministic fixtures use the same seeded generator as the fault injector. */
export { seededRandom as prng } from '../faults';

type Subject = { uid?: string; name?: string; namespace?: string; kind?: string; apiVersion?: string };

const subjectsOf = (o: K8sObject): Subject[] => {
  const e = o as K8sObject & { involvedObject?: Subject; regarding?: Subject };
  return [...(o.metadata?.ownerReferences ?? []), ...(e.involvedObject ? [e.involvedObject] : []), ...(e.regarding ? [e.regarding] : [])];
};

export class Loader {
  private seq = 0;
  private readonly objects: K8sObject[] = [];
  private readonly byUid = new Map<string, K8sObject>();
  private readonly after: (() => void)[] = [];

  private readonly prefix: string;

  constructor(
    readonly cluster: Cluster,
    private readonly bulk: (objs: K8sObject[]) => void,
    seed = 'scenario',
  ) {
    this.prefix = uuidFrom(seed).slice(0, 23);
  }

  /** Adds objects; each gets a provisional uid (deterministic: load order) unless it has one. */
  add<T extends K8sObject>(...objs: T[]): T[] {
    for (const o of objs) {
      o.metadata ??= {};
      o.metadata.uid ??= `${this.prefix}-${(this.seq++).toString(16).padStart(12, '0')}`;
      this.objects.push(o);
      this.byUid.set(o.metadata.uid, o);
    }
    return objs;
  }

  /** Runs after the objects are stored (fix-ups that need the stored state). */
  afterFlush(fn: () => void): void {
    this.after.push(fn);
  }

  /** Stores everything, owners before dependents, and remaps references to the stored uids. */
  flush(): void {
    const depth = new Map<K8sObject, number>();
    const depthOf = (o: K8sObject, guard = 0): number => {
      const known = depth.get(o);
      if (known !== undefined) return known;
      let d = 0;
      if (guard < 8) {
        for (const s of subjectsOf(o)) {
          const owner = s.uid ? this.byUid.get(s.uid) : undefined;
          if (owner && owner !== o) d = Math.max(d, depthOf(owner, guard + 1) + 1);
        }
      }
      depth.set(o, d);
      return d;
    };
    const levels: K8sObject[][] = [];
    for (const o of this.objects) (levels[depthOf(o)] ??= []).push(o);
    const referenced = new Set<string>();
    for (const o of this.objects) for (const s of subjectsOf(o)) if (s.uid && this.byUid.has(s.uid)) referenced.add(s.uid);
    const stored = new Map<string, string>();
    for (const level of levels) {
      if (!level) continue;
      for (const o of level) {
        for (const s of subjectsOf(o)) if (s.uid && stored.has(s.uid)) s.uid = stored.get(s.uid);
      }
      this.bulk(level);
      for (const o of level) {
        const uid = o.metadata!.uid!;
        if (!referenced.has(uid)) continue;
        const ref: KindRef = { apiVersion: o.apiVersion ?? '', kind: o.kind ?? '' };
        const got = this.cluster.get(ref, nsOf(o), nameOf(o));
        stored.set(uid, got?.metadata?.uid ?? uid);
      }
    }
    this.objects.length = 0;
    this.byUid.clear();
    for (const fn of this.after.splice(0)) fn();
  }
}

/** A controller owner reference to an object added to a loader (its provisional uid). */
export const controllerRef = (owner: K8sObject): OwnerReference => ({
  apiVersion: owner.apiVersion ?? '',
  kind: owner.kind ?? '',
  name: nameOf(owner),
  uid: owner.metadata?.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
});
