/**
 * Starts the hub simulator: kinds, store, a named scenario, the operator emulation and the API
 * server, on one port.
 */
import type { K8sObject } from '../../src/k8s/types';
import type { Cluster } from './cluster';
import { KindRegistry } from './discovery';
import { Faults, type FaultOptions } from './faults';
import { startOperator } from './operator';
import { Rbac, type User } from './rbac';
import { SCENARIOS } from './scenarios';
import { startApiServer } from './server';
import { Store } from './store';

export type SimulatorOptions = {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  scenario: string;
  /** Simulated seconds per real second. Default 1. */
  timeScale?: number;
  /** Default '2.14'. */
  acmVersion?: string;
  faults?: FaultOptions;
  log?: (line: string) => void;
  /** Extra kinds to leave out (`group/Kind`), on top of the scenario's. */
  omitKinds?: string[];
  /** Where the CRDs are; `null` runs without them. Default `../shared/crds`. */
  crdDir?: string | null;
  /** Run the operator emulation. Default true; tests of the API alone turn it off. */
  operator?: boolean;
  /** Simulated time at start. Default: now. */
  startTime?: Date;
  /** Other hubs sharing the storage never stop writing (see the operator's option). */
  oldPrimaryKeepsWriting?: boolean;
};

export type Simulator = {
  /** `http://host:port`; the API is under `/api/kubernetes` and at the root. */
  url: string;
  port: number;
  cluster: Cluster;
  store: Store;
  registry: KindRegistry;
  rbac: Rbac;
  /** Change the injected faults while running. */
  faults: Faults;
  close(): Promise<void>;
};

/** Scenario definitions may add users: token → user. */
type WithUsers = { users?: Record<string, User> };

export const startSimulator = async (opts: SimulatorOptions): Promise<Simulator> => {
  const log = opts.log ?? ((line: string) => console.log(line));
  const scenario = SCENARIOS[opts.scenario];
  if (!scenario) {
    throw new Error(`unknown scenario "${opts.scenario}"; known scenarios: ${Object.keys(SCENARIOS).sort().join(', ')}`);
  }
  const acmVersion = opts.acmVersion ?? '2.14';
  const timeScale = opts.timeScale ?? 1;
  const registry = new KindRegistry({
    crdDir: opts.crdDir,
    omitKinds: [...(scenario.omitKinds ?? []), ...(opts.omitKinds ?? [])],
    log,
  });
  const store = new Store({
    timeScale,
    startTime: opts.startTime,
    traitsOf: registry.traitsOf,
    log,
    validate: (obj: K8sObject) => {
      const errors = registry.validate(obj);
      if (errors.length === 0) return undefined;
      const where = `${obj.kind} ${obj.metadata?.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata?.name ?? obj.metadata?.generateName ?? ''}`;
      return `${where}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
    },
  });
  const rbac = new Rbac();
  for (const [token, user] of Object.entries((scenario as WithUsers).users ?? {})) rbac.addUser(token, user);
  const faults = new Faults(opts.faults);

  scenario.load(store, { acmVersion, bulk: (objs: K8sObject[]) => store.bulkLoad(objs) });

  const api = await startApiServer({ store, registry, rbac, faults, log, port: opts.port, host: opts.host });
  const operator = opts.operator === false ? undefined : startOperator(store, { acmVersion, timeScale, oldPrimaryKeepsWriting: opts.oldPrimaryKeepsWriting });
  return {
    url: api.url,
    port: api.port,
    cluster: store,
    store,
    registry,
    rbac,
    faults,
    close: async () => {
      operator?.stop();
      await api.close();
    },
  };
};
