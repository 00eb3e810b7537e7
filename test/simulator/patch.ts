/**
 * JSON merge patch (RFC 7386) and JSON patch (RFC 6902), with the error texts the API server's
 * patch library produces, so a failed `test` reads the same as on a real hub.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class PatchError extends Error {
  /** `malformed`: the patch document itself is wrong (400); `inapplicable`: it does not fit the object (422). */
  constructor(
    readonly kind: 'malformed' | 'inapplicable',
    message: string,
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

export const mergePatch = (target: unknown, patch: unknown): unknown => {
  if (!isObject(patch)) return patch;
  const out: { [key: string]: Json } = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
};

export type JsonPatchOp = { op: string; path: string; value?: unknown; from?: string };

const parsePointer = (pointer: string): string[] => {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError('malformed', `invalid JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
};

const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
};

const arrayIndex = (token: string, length: number, forInsert: boolean, op: string, path: string): number => {
  if (forInsert && token === '-') return length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing path: "${path}": missing value`);
  const i = Number(token);
  if (forInsert ? i > length : i >= length) throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return i;
};

/** The container holding the last token of `path`, and that token. */
const locate = (doc: Json, path: string, op: string): { parent: Json; key: string } => {
  const tokens = parsePointer(path);
  if (tokens.length === 0) throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing path: "${path}": missing value`);
  let cur: Json = doc;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(t, cur.length, false, op, path)];
    else if (isObject(cur) && Object.prototype.hasOwnProperty.call(cur, t)) cur = cur[t];
    else throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return { parent: cur, key: tokens[tokens.length - 1] };
};

const read = (doc: Json, path: string, op: string): Json => {
  if (path === '') return doc;
  const { parent, key } = locate(doc, path, op);
  if (Array.isArray(parent)) return parent[arrayIndex(key, parent.length, false, op, path)];
  if (isObject(parent) && Object.prototype.hasOwnProperty.call(parent, key)) return parent[key];
  throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing key: ${path}: missing value`);
};

const remove = (doc: Json, path: string, op: string): Json => {
  const { parent, key } = locate(doc, path, op);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(key, parent.length, false, op, path), 1)[0];
  if (isObject(parent) && Object.prototype.hasOwnProperty.call(parent, key)) {
    const v = parent[key];
    delete parent[key];
    return v;
  }
  throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing key: ${path}: missing value`);
};

const add = (doc: Json, path: string, value: Json, op: string): Json => {
  if (path === '') return value;
  const { parent, key } = locate(doc, path, op);
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length, true, op, path), 0, value);
  else if (isObject(parent)) parent[key] = value;
  else throw new PatchError('inapplicable', `${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return doc;
};

const copy = <T>(v: T): T => structuredClone(v);

/** Applies RFC 6902 operations to a copy of `target`. */
export const jsonPatch = (target: unknown, ops: unknown): unknown => {
  if (!Array.isArray(ops)) throw new PatchError('malformed', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = copy(target) as Json;
  for (const raw of ops as JsonPatchOp[]) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') {
      throw new PatchError('malformed', 'invalid JSON patch operation: each needs "op" and "path"');
    }
    const { op, path } = raw;
    const needsValue = op === 'add' || op === 'replace' || op === 'test';
    if (needsValue && !Object.prototype.hasOwnProperty.call(raw, 'value')) {
      throw new PatchError('malformed', `${op} operation has no value: "${path}"`);
    }
    const value = copy(raw.value) as Json;
    switch (op) {
      case 'add':
        doc = add(doc, path, value, op);
        break;
      case 'remove':
        remove(doc, path, op);
        break;
      case 'replace':
        if (path === '') doc = value;
        else {
          remove(doc, path, op);
          doc = add(doc, path, value, op);
        }
        break;
      case 'move':
      case 'copy': {
        if (typeof raw.from !== 'string') throw new PatchError('malformed', `${op} operation has no "from": "${path}"`);
        if (op === 'move' && (path === raw.from || path.startsWith(`${raw.from}/`))) {
          if (path !== raw.from) throw new PatchError('inapplicable', `${op} operation does not apply: "${path}" is a child of "${raw.from}"`);
          break;
        }
        const v = op === 'move' ? remove(doc, raw.from, op) : copy(read(doc, raw.from, op));
        doc = add(doc, path, v, op);
        break;
      }
      case 'test': {
        let actual: Json | undefined;
        try {
          actual = read(doc, path, op);
        } catch {
          actual = undefined;
        }
        if (!deepEqual(actual, value)) throw new PatchError('inapplicable', `testing value ${path} failed: test failed`);
        break;
      }
      default:
        throw new PatchError('malformed', `Unexpected kind: ${op}`);
    }
  }
  return doc;
};
