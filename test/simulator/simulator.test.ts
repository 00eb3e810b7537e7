import * as net from 'node:net';
import { startSimulator } from './index';
import { SCENARIOS } from './scenarios';

const quiet = () => undefined;
const anyScenario = (): string => ('empty' in SCENARIOS ? 'empty' : Object.keys(SCENARIOS)[0]);

describe('startSimulator', () => {
  it('rejects an unknown scenario, naming the known ones', async () => {
    const err = await startSimulator({ scenario: 'no-such-scenario', log: quiet }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('unknown scenario "no-such-scenario"');
    for (const name of Object.keys(SCENARIOS)) expect((err as Error).message).toContain(name);
  });

  it('rejects a busy port, saying which', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await startSimulator({ scenario: anyScenario(), port, operator: false, log: quiet }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain(`port ${port}`);
      expect((err as Error).message).toContain('busy');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('serves a scenario under the console prefix and at the root, with the operator running, and closes cleanly', async () => {
    const sim = await startSimulator({ scenario: anyScenario(), timeScale: 60, log: quiet });
    try {
      expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`);
      const prefixed = await fetch(`${sim.url}/api/kubernetes/apis`).then((r) => r.json());
      const plain = await fetch(`${sim.url}/apis`).then((r) => r.json());
      expect(prefixed.kind).toBe('APIGroupList');
      expect(plain).toEqual(prefixed);
      const ns = await fetch(`${sim.url}/api/kubernetes/api/v1/namespaces`).then((r) => r.json());
      expect(ns.kind).toBe('NamespaceList');
      expect(sim.cluster.now().getTime()).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });
});
