/**
 * `Status` bodies with the API server's codes, reasons and message wording, so the plugin's error
 * handling meets the same text it will meet on a real hub.
 */

export type StatusCause = { reason?: string; message?: string; field?: string };

export type StatusBody = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  code: number;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
};

export class ApiError extends Error {
  constructor(readonly body: StatusBody) {
    super(body.message);
  }
  get code(): number {
    return this.body.code;
  }
}

const status = (code: number, reason: string, message: string, details?: StatusBody['details']): ApiError => {
  // Empty detail fields are omitted in the API server's JSON.
  const d = details && (Object.fromEntries(Object.entries(details).filter(([, v]) => v !== '' && v !== undefined)) as StatusBody['details']);
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(d ? { details: d } : {}) });
};

/** A resource the errors are about: plural and group as in `backupschedules.cluster.open-cluster-management.io`. */
export type ResourceRef = { plural: string; group: string; kind: string };

export const qualified = (r: { plural: string; group: string }): string => (r.group ? `${r.plural}.${r.group}` : r.plural);

const subject = (r: ResourceRef, name: string | undefined): string => (name ? `${qualified(r)} "${name}"` : qualified(r));

export const notFoundPath = (): ApiError => status(404, 'NotFound', 'the server could not find the requested resource', {});

export const notFound = (r: ResourceRef, name: string): ApiError =>
  status(404, 'NotFound', `${qualified(r)} "${name}" not found`, { name, group: r.group, kind: r.plural });

export const alreadyExists = (r: ResourceRef, name: string): ApiError =>
  status(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, { name, group: r.group, kind: r.plural });

export const conflict = (r: ResourceRef, name: string): ApiError =>
  status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(r)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group: r.group, kind: r.plural },
  );

const causeReason = (message: string): string => {
  if (message.startsWith('Required value')) return 'FieldValueRequired';
  if (message.startsWith('Unsupported value')) return 'FieldValueNotSupported';
  if (message.startsWith('Duplicate value')) return 'FieldValueDuplicate';
  if (message.startsWith('Too long')) return 'FieldValueTooLong';
  if (message.startsWith('Too many')) return 'FieldValueTooMany';
  if (message.startsWith('Forbidden')) return 'FieldValueForbidden';
  return 'FieldValueInvalid';
};

/** 422 as the API server words it: `<Kind>.<group> "<name>" is invalid: <field>: <message>[, …]`. */
export const invalid = (r: ResourceRef, name: string, errors: { field: string; message: string }[]): ApiError => {
  const parts = errors.map((e) => `${e.field}: ${e.message}`);
  const list = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const kindGroup = r.group ? `${r.kind}.${r.group}` : r.kind;
  return status(422, 'Invalid', `${kindGroup} "${name}" is invalid: ${list}`, {
    name,
    group: r.group,
    kind: r.kind,
    causes: errors.map((e) => ({ reason: causeReason(e.message), message: e.message, field: e.field })),
  });
};

/** What the API server answers when a JSON patch cannot be applied (a failed `test`, a missing path). */
export const patchNotApplicable = (detail: string): ApiError =>
  status(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: detail }],
  });

export const badRequest = (message: string): ApiError => status(400, 'BadRequest', message);

export const methodNotAllowed = (): ApiError => status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const unsupportedMediaType = (accepted: readonly string[]): ApiError =>
  status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);

export const unauthorized = (): ApiError => status(401, 'Unauthorized', 'Unauthorized');

export const forbidden = (r: ResourceRef, name: string | undefined, because: string): ApiError =>
  status(403, 'Forbidden', `${subject(r, name)} is forbidden: ${because}`, { ...(name ? { name } : {}), group: r.group, kind: r.plural });

export const expired = (message: string): ApiError => status(410, 'Expired', message);

export const serviceUnavailable = (): ApiError =>
  status(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', { retryAfterSeconds: 1 });

export const internalError = (err: unknown): ApiError =>
  status(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`, {
    causes: [{ message: err instanceof Error ? err.message : String(err) }],
  });
