/*
 * Stands in for `oc` when the chart's console-plugins.sh runs under test. It keeps
 * consoles.operator.openshift.io/cluster in a JSON file (FAKE_OC_STATE) and answers the two
 * calls the script makes the way the API server and oc do:
 *   get ... -o jsonpath=...   missing fields print as empty, lists join with spaces
 *   patch ... --type=merge -p  RFC 7386 merge; a metadata.resourceVersion in the patch is a
 *                              precondition (409 Conflict when stale), then the version moves on
 * Any other call fails loudly, so a change in how the script calls oc shows up here.
 *
 * State file: { object, afterGet: [{ addPlugin }], failPatch, failGet, calls: [] }.
 * afterGet entries are edits by "someone else", applied one per get, right after the reply:
 * the script's next write then races them.
 */
import fs from 'node:fs';

const stateFile = process.env.FAKE_OC_STATE;
const state = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
const save = () => fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
const args = process.argv.slice(2);
state.calls.push(args);

const fail = (message, code = 1) => {
  save();
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const RESOURCE = 'consoles.operator.openshift.io';
const notFound = `Error from server (NotFound): ${RESOURCE} "cluster" not found`;

const bump = () => {
  state.object.metadata.resourceVersion = String(Number(state.object.metadata.resourceVersion) + 1);
};

const jsonpath = (template, object) =>
  template.replace(/\{([^}]*)\}/g, (_, expr) => {
    const m = /^((?:\.[A-Za-z]+)+)(\[\*\])?$/.exec(expr);
    if (!m) fail(`fake oc: unsupported jsonpath expression {${expr}}`, 3);
    let value = object;
    for (const key of m[1].split('.').slice(1)) value = value == null ? undefined : value[key];
    if (value == null) return '';
    if (m[2]) {
      if (!Array.isArray(value)) fail(`fake oc: {${expr}} is not a list`, 3);
      return value.join(' ');
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  });

const mergePatch = (target, patch) => {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
};

const [verb, resource, name, ...rest] = args;
if (resource !== RESOURCE || name !== 'cluster') fail(`fake oc: unexpected call: oc ${args.join(' ')}`, 3);

if (verb === 'get' && rest.length === 2 && rest[0] === '-o' && rest[1].startsWith('jsonpath=')) {
  if (state.failGet) fail(state.failGet);
  if (!state.object) fail(notFound);
  process.stdout.write(jsonpath(rest[1].slice('jsonpath='.length), state.object));
  const edit = (state.afterGet || []).shift();
  if (edit) {
    state.object.spec = state.object.spec || {};
    state.object.spec.plugins = [...(state.object.spec.plugins || []), edit.addPlugin];
    bump();
  }
  save();
  process.exit(0);
}

if (verb === 'patch' && rest.length === 3 && rest[0] === '--type=merge' && rest[1] === '-p') {
  if (state.failPatch) fail(state.failPatch);
  if (!state.object) fail(notFound);
  let patch;
  try {
    patch = JSON.parse(rest[2]);
  } catch (e) {
    fail(`Error from server (BadRequest): invalid JSON in patch: ${e.message}`);
  }
  const wanted = patch.metadata && patch.metadata.resourceVersion;
  if (wanted !== undefined && wanted !== state.object.metadata.resourceVersion) {
    fail(
      `Error from server (Conflict): Operation cannot be fulfilled on ${RESOURCE} "cluster": ` +
        'the object has been modified; please apply your changes to the latest version and try again',
    );
  }
  const version = state.object.metadata.resourceVersion;
  state.object = mergePatch(state.object, patch);
  state.object.metadata.resourceVersion = version;
  bump();
  save();
  process.stdout.write(`${RESOURCE}/cluster patched\n`);
  process.exit(0);
}

fail(`fake oc: unexpected call: oc ${args.join(' ')}`, 3);
