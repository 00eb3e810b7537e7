import { seededRandom } from './faults';
import { backupSchedule, CBO, httpWatch, NS, startTestApi, waitFor, wsWatch } from './testing';

const BS_PATH = `/apis/${CBO}/namespaces/${NS}/backupschedules`;

describe('fault injection', () => {
  it('adds latency to every response', async () => {
    const api = await startTestApi({ faults: { latencyMs: 150 } });
    try {
      const list = await api.call('GET', BS_PATH);
      const discovery = await api.call('GET', '/apis');
      expect(list.status).toBe(200);
      expect(list.ms).toBeGreaterThanOrEqual(145);
      expect(discovery.ms).toBeGreaterThanOrEqual(145);
      api.faults.set({});
      expect((await api.call('GET', BS_PATH)).ms).toBeLessThan(145);
    } finally {
      await api.close();
    }
  });

  it('fails the configured share of non-watch requests with 503, reproducibly from the seed', async () => {
    const api = await startTestApi({ faults: { errorRate: 0.3, seed: 42 } });
    try {
      const draws = seededRandom(42);
      const expected = Array.from({ length: 200 }, () => draws() < 0.3);
      const failed: boolean[] = [];
      for (let i = 0; i < 200; i++) {
        const res = await api.call('GET', BS_PATH);
        failed.push(res.status === 503);
        if (res.status === 503) {
          expect(res.body).toMatchObject({ kind: 'Status', code: 503, reason: 'ServiceUnavailable', status: 'Failure' });
        } else {
          expect(res.status).toBe(200);
        }
      }
      expect(failed).toEqual(expected);
      const count = failed.filter(Boolean).length;
      expect(count).toBeGreaterThan(40);
      expect(count).toBeLessThan(80);
    } finally {
      await api.close();
    }
  });

  it('never fails watches through the error rate', async () => {
    const api = await startTestApi({ faults: { errorRate: 1 } });
    try {
      expect((await api.call('GET', BS_PATH)).status).toBe(503);
      const w = await httpWatch(`${api.base}${BS_PATH}?watch=true`);
      const ws = await wsWatch(`${api.base}${BS_PATH}?watch=true`);
      api.store.insert(backupSchedule('through'));
      await waitFor(() => w.events.length === 1 && ws.events.length === 1, 3000, 'events');
      w.close();
      ws.close();
    } finally {
      await api.close();
    }
  });

  it('drops open watches after the configured time, on both transports', async () => {
    const api = await startTestApi({ faults: { dropWatchEverySeconds: 0.3 } });
    try {
      const t0 = Date.now();
      const w = await httpWatch(`${api.base}${BS_PATH}?watch=true`);
      const ws = await wsWatch(`${api.base}${BS_PATH}?watch=true`);
      expect(api.openWatches()).toBe(2);
      await Promise.all([w.closed, ws.closed]);
      const elapsed = Date.now() - t0;
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(2000);
      expect(api.openWatches()).toBe(0);
    } finally {
      await api.close();
    }
  });
});
