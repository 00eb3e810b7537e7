/**
 * The contract between the simulator's object store and the code that acts on it (scenario
 * loaders and the operator emulation). Controllers see the store only through this interface.
 */
import type { K8sObject } from '../../src/k8s/types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Identifies a kind: `apiVersion` as in a manifest (`velero.io/v1`, `v1`) plus `kind`. */
export type KindRef = { apiVersion: string; kind: string };

export interface Cluster {
  /** The simulated clock: real time, accelerated by `--time-scale` from the simulator's start. */
  now(): Date;
  get<T extends K8sObject>(ref: KindRef, namespace: string | undefined, name: string): T | undefined;
  list<T extends K8sObject>(ref: KindRef, namespace?: string, labelSelector?: Record<string, string>): T[];
  /** Stores a new object, filling uid, resourceVersion, generation, creationTimestamp (simulated clock). Throws if it exists. */
  create<T extends K8sObject>(obj: T): T;
  /** Replaces spec/metadata/status of an existing object (no resourceVersion check: controllers win). */
  update<T extends K8sObject>(obj: T): T;
  /** Deletes (and cascades to objects whose controller ownerReference points at it). */
  remove(ref: KindRef, namespace: string | undefined, name: string): void;
  /** Every change to any object, after it is stored. Returns an unsubscribe function. */
  onChange(listener: (type: WatchEventType, obj: K8sObject) => void): () => void;
  /** Records a Kubernetes Event (core v1 or events.k8s.io v1, as the caller builds it). */
  recordEvent(event: K8sObject): void;
}
