/**
 * The real upstream CRDs (kept beside the repository in `../shared/crds`) as test data: loading
 * them, and validating objects against their `openAPIV3Schema` the way the API server would, with
 * API-server-shaped field paths and messages. Used by the contract tests and by the hub simulator
 * for its 422 responses, so it is plain Node (fs, js-yaml, ajv) and caches everything it can.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const sharedCandidate = path.resolve(__dirname, '../../../shared');

/** Absolute path of `../shared` (beside the repository), or undefined in a plain clone. */
export const SHARED_DIR: string | undefined = fs.existsSync(sharedCandidate) ? sharedCandidate : undefined;

export type CrdInfo = {
  group: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  versions: { name: string; served: boolean; storage: boolean; schema?: object; statusSubresource: boolean }[];
};

type RawCrd = {
  kind?: string;
  spec?: {
    group?: string;
    scope?: string;
    names?: { kind?: string; plural?: string; singular?: string; shortNames?: string[] };
    versions?: {
      name: string;
      served?: boolean;
      storage?: boolean;
      schema?: { openAPIV3Schema?: object };
      subresources?: { status?: unknown };
    }[];
  };
};

const listYamlFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listYamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });

const toCrdInfo = (doc: RawCrd): CrdInfo | undefined => {
  const spec = doc.spec;
  if (doc.kind !== 'CustomResourceDefinition' || !spec?.group || !spec.names?.kind) return undefined;
  const kind = spec.names.kind;
  return {
    group: spec.group,
    kind,
    plural: spec.names.plural ?? `${kind.toLowerCase()}s`,
    singular: spec.names.singular ?? kind.toLowerCase(),
    namespaced: spec.scope !== 'Cluster',
    shortNames: spec.names.shortNames ?? [],
    versions: (spec.versions ?? []).map((v) => ({
      name: v.name,
      served: v.served !== false,
      storage: v.storage === true,
      schema: v.schema?.openAPIV3Schema,
      statusSubresource: v.subresources?.status !== undefined,
    })),
  };
};

// Parsing the large CRDs (OADP, ManifestWork) takes a while; tests and the simulator load the
// same folder many times, so parse each folder once per process.
const crdCache = new Map<string, CrdInfo[]>();

/** Every CRD in the `*.yaml` files under `dir` (default `../shared/crds`), recursively. */
export const loadCrds = (dir?: string): CrdInfo[] => {
  const root = dir ?? (SHARED_DIR ? path.join(SHARED_DIR, 'crds') : undefined);
  if (!root) return [];
  const abs = path.resolve(root);
  const cached = crdCache.get(abs);
  if (cached) return cached;
  const crds = listYamlFiles(abs).flatMap((file) =>
    yaml
      .loadAll(fs.readFileSync(file, 'utf8'))
      .map((doc) => (doc && typeof doc === 'object' ? toCrdInfo(doc as RawCrd) : undefined))
      .filter((c): c is CrdInfo => c !== undefined),
  );
  crdCache.set(abs, crds);
  return crds;
};

// ---- schema translation: OpenAPI v3 structural schema (Kubernetes dialect) -> JSON Schema ----

type Schema = Record<string, unknown>;

// Formats the API server checks for strings (kube-openapi strfmt) that ajv-formats knows with the
// same meaning. Others (notably `duration`, which is ISO 8601 in ajv but Go syntax in Kubernetes)
// are not checked, as an unknown format is not an error for the API server either.
const CHECKED_FORMATS = new Set(['date-time', 'date', 'byte', 'uuid', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'int32', 'int64']);

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

const translate = (input: Schema): Schema => {
  const out: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable' || key === 'description' || key === 'default' || key === 'example') continue;
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, isSchema(v) ? translate(v) : v]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = isSchema(value) ? translate(value) : value;
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') {
      out[key] = (value as unknown[]).map((v) => (isSchema(v) ? translate(v) : v));
    } else if (key === 'format') {
      if (typeof value === 'string' && CHECKED_FORMATS.has(value)) out.format = value;
    } else if (key === 'pattern') {
      // Kubernetes patterns are RE2; keep only those JavaScript reads the same way.
      try {
        new RegExp(value as string, 'u');
        out.pattern = value;
      } catch {
        /* unsupported syntax: not checked */
      }
    } else {
      out[key] = value;
    }
  }
  // OpenAPI 3.0 booleans -> JSON Schema numbers.
  if (input.exclusiveMinimum === true && typeof input.minimum === 'number') {
    out.exclusiveMinimum = input.minimum;
    delete out.minimum;
  } else if (typeof input.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum;
  if (input.exclusiveMaximum === true && typeof input.maximum === 'number') {
    out.exclusiveMaximum = input.maximum;
    delete out.maximum;
  } else if (typeof input.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum;
  if (input['x-kubernetes-int-or-string'] === true && !out.anyOf && !out.type) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (input['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  if (input.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (Array.isArray(out.anyOf)) out.anyOf = [...out.anyOf, { type: 'null' }];
  }
  return out;
};

let ajvInstance: Ajv | undefined;
const getAjv = (): Ajv => {
  if (!ajvInstance) {
    ajvInstance = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
    addFormats(ajvInstance);
  }
  return ajvInstance;
};

// Keyed by the schema object itself, so validators created over the same loaded CRDs share work.
const compiled = new WeakMap<object, ValidateFunction>();
const compile = (schema: object): ValidateFunction => {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = getAjv().compile(translate(schema as Schema));
    compiled.set(schema, fn);
  }
  return fn;
};

// ---- ajv errors -> API server field errors ----

const unescapePointer = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/spec/items/0/name` -> `spec.items[0].name`, deciding index vs key from the data itself. */
const fieldPath = (data: unknown, instancePath: string, extra?: string): { field: string; value: unknown } => {
  const segments = instancePath ? instancePath.split('/').slice(1).map(unescapePointer) : [];
  if (extra !== undefined) segments.push(extra);
  let field = '';
  let current: unknown = data;
  for (const seg of segments) {
    if (Array.isArray(current)) {
      field += `[${seg}]`;
      current = current[Number(seg)];
    } else {
      field += field ? `.${seg}` : seg;
      current = isSchema(current) ? current[seg] : undefined;
    }
  }
  return { field, value: current };
};

const quote = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

const jsonType = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;

const describeTypes = (t: unknown): string => (Array.isArray(t) ? t.filter((x) => x !== 'null').join(' or ') : String(t));

const toFieldError = (data: unknown, e: ErrorObject): { field: string; message: string } => {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    return { field: fieldPath(data, e.instancePath, String(p.missingProperty)).field, message: 'Required value' };
  }
  const { field, value } = fieldPath(data, e.instancePath);
  const invalid = (detail: string) => `Invalid value: ${quote(value)}: ${field} in body ${detail}`;
  switch (e.keyword) {
    case 'type':
      return { field, message: `Invalid value: "${jsonType(value)}": ${field} in body must be of type ${describeTypes(p.type)}: "${jsonType(value)}"` };
    case 'enum':
      return {
        field,
        message: `Unsupported value: ${quote(value)}: supported values: ${(p.allowedValues as unknown[])
          .filter((v) => v !== null)
          .map(quote)
          .join(', ')}`,
      };
    case 'pattern':
      return { field, message: invalid(`should match '${String(p.pattern)}'`) };
    case 'maxLength':
      return { field, message: `Too long: may not be more than ${String(p.limit)} bytes` };
    case 'minLength':
      return { field, message: invalid(`should be at least ${String(p.limit)} chars long`) };
    case 'maximum':
    case 'exclusiveMaximum':
      return { field, message: invalid(`should be less than ${e.keyword === 'maximum' ? 'or equal to ' : ''}${String(p.limit)}`) };
    case 'minimum':
    case 'exclusiveMinimum':
      return { field, message: invalid(`should be greater than ${e.keyword === 'minimum' ? 'or equal to ' : ''}${String(p.limit)}`) };
    case 'maxItems':
      return { field, message: `Too many: ${Array.isArray(value) ? value.length : '?'}: must have at most ${String(p.limit)} items` };
    case 'minItems':
      return { field, message: invalid(`should have at least ${String(p.limit)} items`) };
    case 'maxProperties':
      return { field, message: `Too many: ${isSchema(value) ? Object.keys(value).length : '?'}: must have at most ${String(p.limit)} items` };
    case 'minProperties':
      return { field, message: invalid(`should have at least ${String(p.limit)} properties`) };
    case 'uniqueItems': {
      const dup = Array.isArray(value) ? value[Number(p.j)] : undefined;
      return { field: `${field}[${String(p.j)}]`, message: `Duplicate value: ${quote(dup)}` };
    }
    case 'format':
      return { field, message: invalid(`must be of type ${String(p.format)}: ${quote(value)}`) };
    default:
      return { field, message: invalid(e.message ?? `failed ${e.keyword}`) };
  }
};

const toFieldErrors = (data: unknown, errors: ErrorObject[]): { field: string; message: string }[] => {
  // An anyOf/oneOf failure also reports each branch's failure; the API server reports one error.
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const isBranchError = (e: ErrorObject) =>
    combinators.some((c) => e !== c && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const seen = new Set<string>();
  const out: { field: string; message: string }[] = [];
  for (const e of errors) {
    if (isBranchError(e)) continue;
    const fe =
      e.keyword === 'anyOf' || e.keyword === 'oneOf'
        ? (() => {
            const { field, value } = fieldPath(data, e.instancePath);
            return { field, message: `Invalid value: ${quote(value)}: ${field} in body must match ${e.keyword === 'oneOf' ? 'exactly one' : 'at least one'} of the allowed schemas` };
          })()
        : toFieldError(data, e);
    const key = `${fe.field}\u0000${fe.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fe);
    }
  }
  return out;
};

// The API server checks custom resources' names as DNS-1123 subdomains before the schema.
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const metadataErrors = (obj: Record<string, unknown>): { field: string; message: string }[] => {
  const meta = isSchema(obj.metadata) ? obj.metadata : {};
  const name = meta.name;
  if (name === undefined || name === '') {
    return typeof meta.generateName === 'string' && meta.generateName
      ? []
      : [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }];
  }
  if (typeof name !== 'string') return [{ field: 'metadata.name', message: `Invalid value: ${quote(name)}: must be a string` }];
  if (name.length > 253) return [{ field: 'metadata.name', message: `Invalid value: ${quote(name)}: must be no more than 253 characters` }];
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return [
      {
        field: 'metadata.name',
        message: `Invalid value: ${quote(name)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      },
    ];
  }
  return [];
};

/**
 * A validator over the given CRDs. It returns undefined when no served CRD version matches the
 * object's apiVersion and kind, `[]` when the object is valid, and otherwise the field errors the
 * API server would put in a 422 `Status` (`details.causes[].field` / `.message`). Unknown fields
 * are not errors: the API server prunes them. The whole object is checked, status included: when
 * a CRD has the status subresource the API server ignores `status` on writes to the main
 * resource, so a caller imitating that drops it first (see `statusSubresource`).
 */
export const createValidator = (
  crds: CrdInfo[],
): ((obj: { apiVersion?: string; kind?: string }) => { field: string; message: string }[] | undefined) => {
  const byKey = new Map<string, object | null>();
  for (const crd of crds) {
    for (const v of crd.versions) {
      if (v.served) byKey.set(`${crd.group}/${v.name}\u0000${crd.kind}`, v.schema ?? null);
    }
  }
  return (obj) => {
    if (!obj || !obj.apiVersion || !obj.kind) return undefined;
    const key = `${obj.apiVersion}\u0000${obj.kind}`;
    if (!byKey.has(key)) return undefined;
    const schema = byKey.get(key);
    const errors = metadataErrors(obj as Record<string, unknown>);
    if (schema) {
      const validate = compile(schema);
      if (!validate(obj)) errors.push(...toFieldErrors(obj, validate.errors ?? []));
    }
    return errors;
  };
};
