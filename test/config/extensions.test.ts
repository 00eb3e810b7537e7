import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import sdkSchema from '@openshift-console/dynamic-plugin-sdk-webpack/schema/console-extensions.json';

const ROOT = path.resolve(__dirname, '../..');
const NS = 'plugin__acm-business-continuity';
type Extension = { type: string; properties: Record<string, unknown>; flags?: { required?: string[]; disallowed?: string[] } };

const extensions: Extension[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'console-extensions.json'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readLocale = (lng: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lng, `${NS}.json`), 'utf8'));

/**
 * The SDK schema accepts any "custom" extension, so a typo in a type passes the build's own
 * validation and the console silently ignores it. Validate against the supported types only.
 */
const validateSupported = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schema = { ...sdkSchema, items: { $ref: '#/definitions/SupportedExtension' } };
  return ajv.compile(schema);
})();

const byType = (type: string) => extensions.filter((e) => e.type === type);
const codeRefs = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(codeRefs);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.$codeRef === 'string') return [obj.$codeRef];
    return Object.values(obj).flatMap(codeRefs);
  }
  return [];
};

describe('console-extensions.json', () => {
  it('uses only extension types and properties the console supports', () => {
    const ok = validateSupported(extensions);
    expect(validateSupported.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects an extension type the console does not know', () => {
    const withTypo = [...extensions, { type: 'console.navigation/hrefs', properties: { id: 'x', name: 'x', href: '/x' } }];
    expect(validateSupported(withTypo)).toBe(false);
  });

  it('offers the five sections in the Fleet Management perspective', () => {
    const acmNav = byType('console.navigation/href').filter((e) => e.properties.perspective === 'acm');
    expect(acmNav.map((e) => e.properties.href)).toEqual([
      '/business-continuity/overview',
      '/business-continuity/schedules',
      '/business-continuity/restores',
      '/business-continuity/validation',
      '/business-continuity/volsync',
    ]);
    const section = byType('console.navigation/section').find((e) => e.properties.perspective === 'acm');
    expect(section?.properties.name).toBe(`%${NS}~Business continuity%`);
    expect(acmNav.every((e) => e.properties.section === section?.properties.id)).toBe(true);
  });

  it('shows the same entries in the Administrator perspective only when the BackupSchedule CRD is served', () => {
    const flag = byType('console.flag/model')[0];
    expect(flag.properties.model).toEqual({ group: 'cluster.open-cluster-management.io', version: 'v1beta1', kind: 'BackupSchedule' });
    const adminEntries = extensions.filter((e) => e.properties.perspective === 'admin');
    expect(adminEntries.length).toBe(6);
    adminEntries.forEach((e) => expect(e.flags?.required).toEqual([flag.properties.flag]));
  });

  it('routes every nav entry to an exposed page module that exists', () => {
    const routes = byType('console.page/route');
    const routePaths = routes.flatMap((r) => [r.properties.path].flat() as string[]);
    byType('console.navigation/href').forEach((nav) => expect(routePaths).toContain(nav.properties.href));
    const exposed: Record<string, string> = pkg.consolePlugin.exposedModules;
    const referenced = new Set(extensions.flatMap((e) => codeRefs(e.properties)).map((ref) => ref.split('.')[0]));
    // The console requires every exposed module to be referenced, and every reference to be exposed.
    expect([...referenced].sort()).toEqual(Object.keys(exposed).sort());
    Object.values(exposed).forEach((modulePath) => {
      const base = path.join(ROOT, 'src', modulePath);
      expect(['.ts', '.tsx'].some((ext) => fs.existsSync(base + ext))).toBe(true);
    });
  });

  it('has every label in the English and Japanese locales', () => {
    const labels = [...JSON.stringify(extensions).matchAll(new RegExp(`%${NS}~([^%]+)%`, 'g'))].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(5);
    const en = readLocale('en');
    const ja = readLocale('ja');
    labels.forEach((label) => {
      expect(en[label]).toBe(label);
      expect(ja[label]?.trim()).toBeTruthy();
    });
  });

  it('names the plugin consistently', () => {
    expect(pkg.name).toBe('acm-business-continuity');
    expect(pkg.consolePlugin.name).toBe(pkg.name);
    expect(pkg.consolePlugin.displayName).toBe('ACM Business Continuity');
    expect(pkg.consolePlugin.dependencies['@console/pluginAPI']).toBe('>=4.19.0-0');
    expect(NS).toBe(`plugin__${pkg.consolePlugin.name}`);
  });
});
