import { describeApiError } from './errors';
import { BackupScheduleModel } from './models';

const consoleError = (status: number, body: Record<string, unknown>) =>
  Object.assign(new Error(String(body.message ?? '')), { response: { status }, json: { kind: 'Status', code: status, ...body } });

describe('describeApiError', () => {
  it('names the verb, resource and namespace of a 403', () => {
    const d = describeApiError(
      consoleError(403, { reason: 'Forbidden', message: 'backupschedules.cluster.open-cluster-management.io is forbidden: User "viewer" cannot create' }),
      { verb: 'create', model: BackupScheduleModel, namespace: 'open-cluster-management-backup' },
    );
    expect(d.kind).toBe('forbidden');
    expect(d.title).toEqual({
      key: 'You do not have permission to {{verb}} {{resource}} in namespace {{namespaceName}}.',
      params: { verb: 'create', resource: 'backupschedules.cluster.open-cluster-management.io', namespaceName: 'open-cluster-management-backup' },
    });
  });

  it('reads a 404 on a kind the server does not serve as "not installed"', () => {
    const d = describeApiError(consoleError(404, { reason: 'NotFound', message: 'the server could not find the requested resource' }), {
      verb: 'list',
      model: BackupScheduleModel,
    });
    expect(d.kind).toBe('notInstalled');
    expect(d.title.params).toEqual({ resource: 'backupschedules.cluster.open-cluster-management.io' });
  });

  it('reads the console\'s NoModelError (kind missing from discovery) as "not installed"', () => {
    const noModel = Object.assign(new Error('Model does not exist'), { name: 'NoModelError' });
    const d = describeApiError(noModel, { verb: 'list', model: BackupScheduleModel });
    expect(d.kind).toBe('notInstalled');
    expect(d.title.params).toEqual({ resource: 'backupschedules.cluster.open-cluster-management.io' });
  });

  it('reads a 404 naming an object as "not found"', () => {
    const d = describeApiError(
      consoleError(404, { reason: 'NotFound', message: 'backupschedules.cluster.open-cluster-management.io "schedule-acm" not found', details: { name: 'schedule-acm' } }),
      { verb: 'get', model: BackupScheduleModel },
    );
    expect(d.kind).toBe('notFound');
    expect(d.title.params).toEqual({ kind: 'BackupSchedule', name: 'schedule-acm' });
  });

  it('tells a name clash from a stale edit on 409', () => {
    expect(describeApiError(consoleError(409, { reason: 'AlreadyExists', details: { name: 'a' } }), { model: BackupScheduleModel }).kind).toBe('alreadyExists');
    expect(describeApiError(consoleError(409, { reason: 'Conflict', message: 'the object has been modified' }), { model: BackupScheduleModel, name: 'a' }).kind).toBe('conflict');
  });

  it('keeps the field messages of a 422', () => {
    const d = describeApiError(
      consoleError(422, {
        reason: 'Invalid',
        message: 'BackupSchedule.cluster.open-cluster-management.io "a" is invalid: spec.veleroSchedule: Required value',
        details: { name: 'a', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.veleroSchedule' }] },
      }),
      { model: BackupScheduleModel, name: 'a' },
    );
    expect(d.kind).toBe('invalid');
    expect(d.causes).toEqual([{ field: 'spec.veleroSchedule', message: 'Required value' }]);
  });

  it('explains 401, 5xx and network failures', () => {
    expect(describeApiError(consoleError(401, {})).kind).toBe('unauthorized');
    const server = describeApiError(consoleError(503, { message: 'etcd leader changed' }));
    expect(server.kind).toBe('server');
    expect(server.detail?.params).toEqual({ message: 'etcd leader changed' });
    expect(describeApiError(new TypeError('Failed to fetch')).kind).toBe('network');
  });
});
