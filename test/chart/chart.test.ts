import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as yaml from 'js-yaml';
import Ajv from 'ajv';
import { Chart, type RenderScope } from './render';

const ROOT = path.resolve(__dirname, '../..');
const CHART_DIR = path.join(ROOT, 'charts', 'acm-business-continuity');
const SCRIPT = path.join(CHART_DIR, 'files', 'console-plugins.sh');
const NAMESPACE = 'acm-bc';

// Rendered manifests are free-form YAML that the assertions walk into.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const chartYaml = yaml.load(fs.readFileSync(path.join(CHART_DIR, 'Chart.yaml'), 'utf8')) as Obj;
const defaultValues = yaml.load(fs.readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as Obj;
const schema = JSON.parse(fs.readFileSync(path.join(CHART_DIR, 'values.schema.json'), 'utf8'));
const nginxConf = fs.readFileSync(path.join(CHART_DIR, 'files', 'nginx.conf'), 'utf8');

const ajv = new Ajv({ allErrors: true, strict: true });
const validateValues = ajv.compile(schema);

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

// Helm merges maps from --set/-f into the defaults and replaces everything else.
const merge = (base: unknown, override: unknown): unknown => {
  const isMap = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(base) || !isMap(override)) return clone(override);
  const out: Obj = clone(base);
  for (const [key, value] of Object.entries(override)) out[key] = merge(out[key], value);
  return out;
};

const scopeFor = (overrides: Obj = {}): RenderScope => {
  const values = merge(defaultValues, overrides) as Obj;
  // The tests below render only values that Helm itself would accept.
  if (!validateValues(values)) throw new Error(`invalid values: ${ajv.errorsText(validateValues.errors)}`);
  return {
    Values: values,
    Release: { Name: 'bc', Namespace: NAMESPACE, Service: 'Helm' },
    Chart: { Name: chartYaml.name, Version: chartYaml.version, AppVersion: chartYaml.appVersion },
  };
};

const render = (overrides: Obj = {}, chart = new Chart(CHART_DIR)): Obj[] => {
  const scope = scopeFor(overrides);
  return chart.templateFiles().flatMap((file) => {
    if (file === 'NOTES.txt') return [];
    return chart.renderObjects(file, scope) as Obj[];
  });
};

const find = (objects: Obj[], kind: string, name?: string): Obj => {
  const hits = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (hits.length !== 1) throw new Error(`expected one ${kind} ${name ?? ''}, found ${hits.length}`);
  return hits[0];
};

const matches = (selector: Record<string, string>, labels: Record<string, string> = {}): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('values.schema.json', () => {
  const validate = (values: unknown) => {
    const ok = validateValues(values);
    return { ok, errors: ajv.errorsText(validateValues.errors) };
  };

  it('is a draft-07 schema that accepts the default values', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(validate(defaultValues)).toEqual({ ok: true, errors: 'No errors' });
  });

  it('describes every top-level value and makes each one required', () => {
    expect(Object.keys(schema.properties).filter((k) => k !== 'global').sort()).toEqual(Object.keys(defaultValues).sort());
    expect([...schema.required].sort()).toEqual(Object.keys(defaultValues).sort());
  });

  it.each([
    ['replicas as a string', { replicas: '2' }, '/replicas'],
    ['replicas of zero', { replicas: 0 }, '/replicas'],
    ['a misspelt top-level key', { replica: 3 }, 'additional properties'],
    ['an image repository with a tag in it', { image: { repository: 'quay.io/org/plugin:1.0' } }, '/image/repository'],
    ['an upper-case image repository path', { image: { repository: 'quay.io/Org/Plugin' } }, '/image/repository'],
    ['an image tag with a slash', { image: { tag: 'a/b' } }, '/image/tag'],
    ['an unknown pull policy', { image: { pullPolicy: 'Sometimes' } }, '/image/pullPolicy'],
    ['an upper-case plugin name', { plugin: { name: 'ACM' } }, '/plugin/name'],
    ['a plugin name starting with a digit', { plugin: { name: '1acm' } }, '/plugin/name'],
    ['a plugin name too long for "<name>-disable"', { plugin: { name: 'a'.repeat(56) } }, '/plugin/name'],
    ['an empty display name', { plugin: { displayName: '' } }, '/plugin/displayName'],
    ['a cli image with neither tag nor digest', { consolePluginJob: { image: 'registry.redhat.io/openshift4/ose-cli' } }, '/consolePluginJob/image'],
    ['a non-boolean enableConsolePlugin', { enableConsolePlugin: 'yes' }, '/enableConsolePlugin'],
    ['a malformed memory quantity', { resources: { limits: { memory: '128 MB' } } }, '/resources/limits/memory'],
    ['a node selector with a non-string value', { nodeSelector: { infra: true } }, '/nodeSelector/infra'],
    ['a toleration with an unknown operator', { tolerations: [{ key: 'k', operator: 'Matches' }] }, '/tolerations/0/operator'],
  ])('rejects %s', (_what, override, where) => {
    const result = validate(merge(defaultValues, override));
    expect(result.ok).toBe(false);
    expect(result.errors).toContain(where);
  });

  it.each([['image'], ['plugin'], ['replicas'], ['enableConsolePlugin'], ['consolePluginJob']])('rejects values without %s', (key) => {
    const values = clone(defaultValues);
    delete values[key];
    const result = validate(values);
    expect(result.ok).toBe(false);
    expect(result.errors).toContain(`must have required property '${key}'`);
  });

  it('rejects an image without a repository', () => {
    const values = clone(defaultValues);
    delete values.image.repository;
    expect(validate(values).errors).toContain("/image must have required property 'repository'");
  });

  it.each([
    ['a registry with a port', { image: { repository: 'image-registry.openshift-image-registry.svc:5000/acm/plugin' } }],
    ['a cli image pinned by digest', { consolePluginJob: { image: `registry.redhat.io/openshift4/ose-cli@sha256:${'a'.repeat(64)}` } }],
    ['the cluster\'s own cli image stream', { consolePluginJob: { image: 'image-registry.openshift-image-registry.svc:5000/openshift/cli:latest' } }],
    ['numeric cpu quantities', { resources: { limits: { cpu: 1 } } }],
    ['scheduling constraints', { nodeSelector: { 'node-role.kubernetes.io/infra': '' }, tolerations: [{ key: 'node-role.kubernetes.io/infra', operator: 'Exists', effect: 'NoSchedule' }] }],
    ['the global values Helm passes to subcharts', { global: {} }],
  ])('accepts %s', (_what, override) => {
    expect(validate(merge(defaultValues, override))).toEqual({ ok: true, errors: 'No errors' });
  });
});

describe('Chart.yaml and defaults follow package.json', () => {
  it('names the chart, the plugin and the package alike', () => {
    expect(chartYaml.apiVersion).toBe('v2');
    expect(chartYaml.name).toBe(pkg.name);
    expect(chartYaml.name).toBe(pkg.consolePlugin.name);
    expect(defaultValues.plugin.name).toBe(pkg.consolePlugin.name);
    expect(defaultValues.plugin.displayName).toBe(pkg.consolePlugin.displayName);
  });

  it('versions the chart, the app and the default image tag as the package', () => {
    expect(chartYaml.appVersion).toBe(pkg.version);
    expect(chartYaml.version).toBe(pkg.version);
    expect(defaultValues.image.tag).toBe(pkg.version);
  });

  it('defaults to two replicas and the Red Hat cli image for the hook Jobs', () => {
    expect(defaultValues.replicas).toBe(2);
    expect(defaultValues.consolePluginJob.image).toBe('registry.redhat.io/openshift4/ose-cli:latest');
    expect(defaultValues.enableConsolePlugin).toBe(true);
  });
});

describe('templates', () => {
  const objects = render();
  const plugin = defaultValues.plugin.name as string;
  const deployment = find(objects, 'Deployment', plugin);
  const service = find(objects, 'Service', plugin);
  const consolePlugin = find(objects, 'ConsolePlugin', plugin);
  const podSpec = deployment.spec.template.spec;
  const nginx = podSpec.containers.find((c: Obj) => c.name === 'nginx');
  const jobs = objects.filter((o) => o.kind === 'Job');
  const renderedNginxConf = find(objects, 'ConfigMap', `${plugin}-nginx`).data['nginx.conf'] as string;

  const volumeMountPath = (spec: Obj, container: Obj, predicate: (v: Obj) => boolean): string => {
    const volume = spec.volumes.find(predicate);
    expect(volume).toBeDefined();
    const mount = container.volumeMounts.find((m: Obj) => m.name === volume.name);
    expect(mount).toBeDefined();
    return mount.mountPath;
  };

  it('render every file with only the constructs the test renderer knows', () => {
    const chart = new Chart(CHART_DIR);
    const scope = scopeFor();
    expect(chart.templateFiles()).toEqual(
      expect.arrayContaining(['consoleplugin.yaml', 'deployment.yaml', 'service.yaml', 'nginx-configmap.yaml', 'console-plugin-rbac.yaml', 'console-plugin-jobs.yaml', 'NOTES.txt']),
    );
    for (const file of chart.templateFiles()) {
      expect(() => chart.renderText(file, scope)).not.toThrow();
    }
    expect(chart.renderText('NOTES.txt', scope)).toContain(`oc get consoleplugin ${plugin}`);
  });

  it('creates the expected objects, each with a name and labels', () => {
    const summary = objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    expect(summary).toEqual(
      [
        `ClusterRole/${plugin}-console-patcher`,
        `ClusterRoleBinding/${plugin}-console-patcher`,
        `ConfigMap/${plugin}-console-patcher`,
        `ConfigMap/${plugin}-nginx`,
        `ConsolePlugin/${plugin}`,
        `Deployment/${plugin}`,
        `Job/${plugin}-disable`,
        `Job/${plugin}-enable`,
        `PodDisruptionBudget/${plugin}`,
        `Service/${plugin}`,
        `ServiceAccount/${plugin}`,
        `ServiceAccount/${plugin}-console-patcher`,
      ].sort(),
    );
    for (const o of objects) {
      expect(o.apiVersion).toEqual(expect.any(String));
      expect(o.metadata.labels).toMatchObject({
        'app.kubernetes.io/name': plugin,
        'app.kubernetes.io/instance': 'bc',
        'app.kubernetes.io/version': pkg.version,
        'app.kubernetes.io/managed-by': 'Helm',
      });
    }
  });

  it('puts namespaced objects in the release namespace and leaves cluster-scoped ones without one', () => {
    const clusterScoped = ['ConsolePlugin', 'ClusterRole', 'ClusterRoleBinding'];
    for (const o of objects) {
      expect([o.kind, o.metadata.namespace]).toEqual([o.kind, clusterScoped.includes(o.kind) ? undefined : NAMESPACE]);
    }
  });

  it('uses every value in values.yaml somewhere', () => {
    const chart = new Chart(CHART_DIR);
    render({ imagePullSecrets: [{ name: 'pull' }], nodeSelector: { a: 'b' }, tolerations: [{ operator: 'Exists' }], affinity: { nodeAffinity: {} } }, chart);
    chart.renderText('NOTES.txt', scopeFor());
    const used = chart.valuesUsed();
    const leaves = (value: unknown, prefix: string): string[] =>
      value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length && !['resources', 'nodeSelector', 'affinity'].some((k) => prefix.endsWith(k))
        ? Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const unused = leaves(defaultValues, '').filter((leaf) => !used.some((u) => leaf === u || leaf.startsWith(`${u}.`)));
    expect(unused).toEqual([]);
  });

  describe('ConsolePlugin', () => {
    it('preloads translations and names the plugin as package.json does', () => {
      expect(consolePlugin.apiVersion).toBe('console.openshift.io/v1');
      expect(consolePlugin.spec.i18n).toEqual({ loadType: 'Preload' });
      expect(consolePlugin.spec.displayName).toBe(pkg.consolePlugin.displayName);
      expect(consolePlugin.metadata.name).toBe(pkg.consolePlugin.name);
    });

    it('points its backend at the Service port that reaches the nginx container port', () => {
      const backend = consolePlugin.spec.backend;
      expect(backend.type).toBe('Service');
      expect(backend.service).toEqual({ name: service.metadata.name, namespace: NAMESPACE, port: 9443, basePath: '/' });
      const servicePort = service.spec.ports.find((p: Obj) => p.port === backend.service.port);
      expect(servicePort).toBeDefined();
      const containerPort = nginx.ports.find((p: Obj) => p.name === servicePort.targetPort || p.containerPort === servicePort.targetPort);
      expect(containerPort).toMatchObject({ containerPort: 9443, protocol: 'TCP' });
    });
  });

  describe('Service', () => {
    it('selects the nginx pods and nothing else the chart runs', () => {
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(matches(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
      expect(jobs).toHaveLength(2);
      for (const job of jobs) expect(matches(service.spec.selector, job.spec.template.metadata.labels)).toBe(false);
    });

    it('asks for a serving certificate in the Secret that the Deployment mounts where nginx reads it', () => {
      const secretName = service.metadata.annotations['service.beta.openshift.io/serving-cert-secret-name'];
      expect(secretName).toBe(`${plugin}-cert`);
      const certDir = volumeMountPath(podSpec, nginx, (v) => v.secret?.secretName === secretName);
      expect(renderedNginxConf).toMatch(new RegExp(`^\\s*ssl_certificate ${certDir}/tls\\.crt;`, 'm'));
      expect(renderedNginxConf).toMatch(new RegExp(`^\\s*ssl_certificate_key ${certDir}/tls\\.key;`, 'm'));
    });
  });

  describe('Deployment', () => {
    it('runs the default two replicas and follows the replicas value', () => {
      expect(deployment.spec.replicas).toBe(2);
      expect(find(render({ replicas: 3 }), 'Deployment').spec.replicas).toBe(3);
    });

    it('spreads replicas across nodes and keeps them serving through rollouts and drains', () => {
      const spread = podSpec.topologySpreadConstraints.find((c: Obj) => c.topologyKey === 'kubernetes.io/hostname');
      expect(spread).toMatchObject({ maxSkew: 1 });
      expect(spread.labelSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      const pdb = find(objects, 'PodDisruptionBudget');
      expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
      expect(pdb.spec.maxUnavailable).toBe(1);
    });

    it('runs the image built for this plugin version', () => {
      expect(nginx.image).toBe(`${defaultValues.image.repository}:${pkg.version}`);
      expect(nginx.imagePullPolicy).toBe('IfNotPresent');
      const custom = find(render({ image: { repository: 'registry.example.com/acm/bc', tag: 'v9', pullPolicy: 'Always' } }), 'Deployment');
      expect(custom.spec.template.spec.containers[0]).toMatchObject({ image: 'registry.example.com/acm/bc:v9', imagePullPolicy: 'Always' });
    });

    it('has a restricted security context', () => {
      expect(podSpec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(nginx.securityContext).toEqual({
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      // OpenShift assigns the UID; a fixed one would not pass the restricted-v2 SCC.
      expect(nginx.securityContext.runAsUser).toBeUndefined();
      expect(podSpec.securityContext.runAsUser).toBeUndefined();
    });

    it('gives nginx a writable emptyDir for every path nginx.conf writes, and a read-only rest', () => {
      const tmp = volumeMountPath(podSpec, nginx, (v) => v.emptyDir !== undefined);
      const writes = [...renderedNginxConf.matchAll(/^\s*(pid|\w+_temp_path)\s+(\S+);/gm)].map((m) => m[2]);
      expect(writes.length).toBeGreaterThanOrEqual(6);
      for (const p of writes) expect(p.startsWith(`${tmp}/`)).toBe(true);
      for (const log of renderedNginxConf.matchAll(/^\s*(error_log|access_log)\s+([^\s;]+)/gm)) {
        expect(['/dev/stderr', '/dev/stdout', 'off']).toContain(log[2]);
      }
      const writable = nginx.volumeMounts.filter((m: Obj) => !m.readOnly).map((m: Obj) => m.mountPath);
      expect(writable).toEqual([tmp]);
    });

    it('runs nginx with the mounted nginx.conf and the error log on stderr', () => {
      const confDir = volumeMountPath(podSpec, nginx, (v) => v.configMap?.name === `${plugin}-nginx`);
      expect(nginx.command).toEqual(['nginx', '-e', '/dev/stderr', '-c', `${confDir}/nginx.conf`]);
      // "daemon off" lives in the file, so a "-g 'daemon off;'" would be a duplicate directive.
      expect(nginxConf).toMatch(/^daemon off;$/m);
      expect(renderedNginxConf).toBe(nginxConf);
    });

    it('probes over HTTPS on the served port', () => {
      for (const probe of [nginx.readinessProbe, nginx.livenessProbe]) {
        expect(probe.httpGet).toMatchObject({ scheme: 'HTTPS', port: 'https' });
      }
      expect(nginx.readinessProbe.httpGet.path).toBe('/plugin-manifest.json');
      expect(nginxConf).toContain(`location = ${nginx.livenessProbe.httpGet.path} {`);
    });

    it('sets resource requests and limits', () => {
      expect(nginx.resources).toEqual(defaultValues.resources);
      expect(Object.keys(nginx.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(nginx.resources.limits).sort()).toEqual(['cpu', 'memory']);
    });

    it('runs under its own ServiceAccount, without a token and without any role binding', () => {
      expect(podSpec.automountServiceAccountToken).toBe(false);
      const sa = find(objects, 'ServiceAccount', podSpec.serviceAccountName);
      expect(sa.automountServiceAccountToken).toBe(false);
      const boundAccounts = objects.filter((o) => /RoleBinding$/.test(o.kind)).flatMap((b) => b.subjects.map((s: Obj) => s.name));
      expect(boundAccounts).not.toContain(podSpec.serviceAccountName);
    });

    it('adds scheduling constraints and pull secrets only when set', () => {
      for (const key of ['nodeSelector', 'tolerations', 'affinity', 'imagePullSecrets']) expect(podSpec[key]).toBeUndefined();
      const scheduling = {
        nodeSelector: { 'node-role.kubernetes.io/infra': '' },
        tolerations: [{ key: 'node-role.kubernetes.io/infra', operator: 'Exists', effect: 'NoSchedule' }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } },
        imagePullSecrets: [{ name: 'quay-pull' }],
      };
      const spec = find(render(scheduling), 'Deployment').spec.template.spec;
      expect(spec).toMatchObject(scheduling);
      expect(spec.topologySpreadConstraints).toHaveLength(1);
    });
  });

  describe('nginx.conf', () => {
    it('listens on 9443 with TLS, over IPv4 and IPv6', () => {
      expect(nginxConf).toMatch(/^\s*listen 9443 ssl;$/m);
      expect(nginxConf).toMatch(/^\s*listen \[::\]:9443 ssl;$/m);
      expect(nginxConf).not.toMatch(/^\s*listen (?!9443 ssl;|\[::\]:9443 ssl;)/m);
    });

    it('serves the directory the Dockerfile copies dist/ into', () => {
      const root = /^\s*root (\S+);$/m.exec(nginxConf)?.[1];
      const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
      expect(dockerfile).toContain(`COPY --from=build /opt/app-root/src/dist ${root}\n`);
      expect(dockerfile).toContain('COPY charts/acm-business-continuity/files/nginx.conf /etc/nginx-plugin/nginx.conf\n');
    });

    it('sends JSON as UTF-8 and revalidates the manifest while caching hashed files for good', () => {
      expect(nginxConf).toContain('include /etc/nginx/mime.types;');
      expect(nginxConf).toMatch(/^\s*charset utf-8;$/m);
      expect(nginxConf).toMatch(/^\s*charset_types [^;]*\bapplication\/json\b/m);
      expect(nginxConf).toMatch(/location = \/plugin-manifest\.json \{\s*add_header Cache-Control "no-cache" always;/);
      const hashed = /location ~ "([^"]+)" \{\s*add_header Cache-Control "public, max-age=31536000, immutable" always;/.exec(nginxConf);
      expect(hashed).not.toBeNull();
      const re = new RegExp(hashed![1]);
      // Names as the webpack config and the console SDK produce them.
      expect(re.test('/plugin-entry.4b0f7c5b96046b85d522.min.js')).toBe(true);
      expect(re.test('/298-chunk-e73100709d0e5e2b4ae7.min.js')).toBe(true);
      expect(re.test('/exposed-OverviewPage-chunk-1cf10d2da1ce935f61a5.min.js')).toBe(true);
      expect(re.test('/assets/0123456789abcdef0123.svg')).toBe(true);
      expect(re.test('/plugin-manifest.json')).toBe(false);
      expect(re.test('/locales/ja/plugin__acm-business-continuity.json')).toBe(false);
      expect(re.test('/298-chunk-e73100709d0e5e2b4ae7.min.js.LICENSE.txt')).toBe(false);
    });
  });

  describe('console-enable Jobs and their RBAC', () => {
    const patcher = `${plugin}-console-patcher`;
    const enable = find(objects, 'Job', `${plugin}-enable`);
    const disable = find(objects, 'Job', `${plugin}-disable`);

    it('may only get and patch the console operator config named cluster', () => {
      const role = find(objects, 'ClusterRole', patcher);
      expect(role.rules).toEqual([{ apiGroups: ['operator.openshift.io'], resources: ['consoles'], resourceNames: ['cluster'], verbs: ['get', 'patch'] }]);
      const binding = find(objects, 'ClusterRoleBinding', patcher);
      expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: patcher });
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: patcher, namespace: NAMESPACE }]);
      expect(objects.filter((o) => /Role$/.test(o.kind))).toHaveLength(1);
    });

    it('enable after install and upgrade, and disable before delete', () => {
      expect(enable.metadata.annotations['helm.sh/hook']).toBe('post-install,post-upgrade');
      expect(disable.metadata.annotations['helm.sh/hook']).toBe('pre-delete');
      for (const job of [enable, disable]) {
        expect(job.metadata.annotations['helm.sh/hook-delete-policy']).toBe('before-hook-creation,hook-succeeded');
        expect(job.spec.activeDeadlineSeconds).toBeGreaterThan(0);
      }
    });

    it.each([
      ['enable', 'enable'],
      ['disable', 'disable'],
    ])('%s Job runs the chart script with the plugin name, under the patcher account', (suffix, action) => {
      const job = find(objects, 'Job', `${plugin}-${suffix}`);
      const spec = job.spec.template.spec;
      const [container] = spec.containers;
      expect(spec.serviceAccountName).toBe(patcher);
      expect(spec.restartPolicy).toBe('Never');
      expect(container.image).toBe(defaultValues.consolePluginJob.image);
      const scriptDir = volumeMountPath(spec, container, (v) => v.configMap?.name === patcher);
      expect(container.command).toEqual(['/bin/bash', `${scriptDir}/console-plugins.sh`, action]);
      expect(container.env).toEqual(expect.arrayContaining([{ name: 'PLUGIN_NAME', value: plugin }]));
      const home = container.env.find((e: Obj) => e.name === 'HOME').value;
      expect(volumeMountPath(spec, container, (v) => v.emptyDir !== undefined)).toBe(home);
      expect(spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(container.securityContext).toEqual(nginx.securityContext);
      expect(container.resources).toEqual(defaultValues.consolePluginJob.resources);
    });

    it('ship the script file byte for byte', () => {
      expect(find(objects, 'ConfigMap', patcher).data['console-plugins.sh']).toBe(fs.readFileSync(SCRIPT, 'utf8'));
    });

    it('are left out, with their RBAC, when enableConsolePlugin is false', () => {
      const kinds = render({ enableConsolePlugin: false }).map((o) => `${o.kind}/${o.metadata.name}`);
      expect(kinds.filter((k) => k.includes('console-patcher') || k.startsWith('Job/'))).toEqual([]);
      expect(kinds).toEqual(expect.arrayContaining([`Deployment/${plugin}`, `ConsolePlugin/${plugin}`]));
      const notes = new Chart(CHART_DIR).renderText('NOTES.txt', scopeFor({ enableConsolePlugin: false }));
      expect(notes).toContain('enable the plugin yourself');
    });
  });

  it('names every object after plugin.name, so a renamed plugin stays consistent', () => {
    const renamed = render({ plugin: { name: 'bc-dev' } });
    for (const o of renamed) expect(o.metadata.name.startsWith('bc-dev')).toBe(true);
    const svc = find(renamed, 'Service', 'bc-dev');
    expect(find(renamed, 'ConsolePlugin', 'bc-dev').spec.backend.service.name).toBe('bc-dev');
    expect(svc.metadata.annotations['service.beta.openshift.io/serving-cert-secret-name']).toBe('bc-dev-cert');
    const volumes = find(renamed, 'Deployment', 'bc-dev').spec.template.spec.volumes;
    expect(volumes.map((v: Obj) => v.secret?.secretName ?? v.configMap?.name).filter(Boolean)).toEqual(['bc-dev-cert', 'bc-dev-nginx']);
    expect(find(renamed, 'Job', 'bc-dev-enable').spec.template.spec.containers[0].env).toContainEqual({ name: 'PLUGIN_NAME', value: 'bc-dev' });
  });
});

describe('console-plugins.sh against a fake oc', () => {
  const FAKE_OC = path.join(__dirname, 'fake-oc.mjs');
  const PLUGIN = 'acm-business-continuity';
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-oc-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    const oc = path.join(dir, 'bin', 'oc');
    fs.writeFileSync(oc, `#!/bin/sh\nexec "${process.execPath}" "${FAKE_OC}" "$@"\n`);
    fs.chmodSync(oc, 0o755);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  interface FakeState {
    object: Obj | null;
    afterGet?: { addPlugin: string }[];
    failGet?: string;
    failPatch?: string;
    calls: string[][];
  }

  const consoleWith = (plugins?: string[]): Obj => ({
    apiVersion: 'operator.openshift.io/v1',
    kind: 'Console',
    metadata: { name: 'cluster', resourceVersion: '100' },
    spec: { managementState: 'Managed', ...(plugins ? { plugins } : {}) },
  });

  const run = (action: string | undefined, initial: Omit<FakeState, 'calls'>, env: Record<string, string> = {}) => {
    const stateFile = path.join(dir, 'state.json');
    fs.writeFileSync(stateFile, JSON.stringify({ ...initial, calls: [] }));
    const result = spawnSync('bash', [SCRIPT, ...(action ? [action] : [])], {
      encoding: 'utf8',
      env: {
        PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
        FAKE_OC_STATE: stateFile,
        PLUGIN_NAME: PLUGIN,
        RETRY_DELAY_SECONDS: '0',
        TMPDIR: dir,
        ...env,
      },
    });
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as FakeState;
    return {
      code: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      plugins: state.object?.spec?.plugins as string[] | undefined,
      object: state.object,
      patches: state.calls.filter((c) => c[0] === 'patch').length,
      gets: state.calls.filter((c) => c[0] === 'get').length,
    };
  };

  it('appends the plugin and keeps the others in their order', () => {
    const r = run('enable', { object: consoleWith(['monitoring-plugin', 'odf-console', 'mce']) });
    expect(r.code).toBe(0);
    expect(r.plugins).toEqual(['monitoring-plugin', 'odf-console', 'mce', PLUGIN]);
    expect(r.object?.spec.managementState).toBe('Managed');
    expect(r.stdout).toContain(`plugin ${PLUGIN} enabled`);
  });

  it('creates the list when the console has none', () => {
    const r = run('enable', { object: consoleWith() });
    expect(r.code).toBe(0);
    expect(r.plugins).toEqual([PLUGIN]);
  });

  it('writes nothing when the plugin is already enabled', () => {
    const r = run('enable', { object: consoleWith(['mce', PLUGIN, 'odf-console']) });
    expect(r.code).toBe(0);
    expect(r.patches).toBe(0);
    expect(r.plugins).toEqual(['mce', PLUGIN, 'odf-console']);
    expect(r.object?.metadata.resourceVersion).toBe('100');
  });

  it('does not confuse a plugin whose name contains ours with ours', () => {
    const r = run('enable', { object: consoleWith([`${PLUGIN}-dev`, `x${PLUGIN}`]) });
    expect(r.plugins).toEqual([`${PLUGIN}-dev`, `x${PLUGIN}`, PLUGIN]);
  });

  it('keeps a plugin that someone else adds between its read and its write', () => {
    const r = run('enable', { object: consoleWith(['mce']), afterGet: [{ addPlugin: 'odf-console' }] });
    expect(r.code).toBe(0);
    expect(r.plugins).toEqual(['mce', 'odf-console', PLUGIN]);
    expect(r.gets).toBe(2);
    expect(r.stderr).toContain('Conflict');
  });

  it('gives up, with the others\' edits intact, when it keeps losing the race', () => {
    const r = run('enable', { object: consoleWith(['mce']), afterGet: [{ addPlugin: 'a' }, { addPlugin: 'b' }, { addPlugin: 'c' }] }, { MAX_ATTEMPTS: '3' });
    expect(r.code).toBe(1);
    expect(r.plugins).toEqual(['mce', 'a', 'b', 'c']);
    expect(r.stderr).toContain('giving up');
  });

  it('fails the install when the console config cannot be read', () => {
    const r = run('enable', { object: null }, { MAX_ATTEMPTS: '2' });
    expect(r.code).toBe(1);
    expect(r.gets).toBe(2);
    expect(r.stderr).toContain('NotFound');
  });

  it('fails without changing anything when the patch is forbidden', () => {
    const forbidden = 'Error from server (Forbidden): consoles.operator.openshift.io "cluster" is forbidden';
    const r = run('enable', { object: consoleWith(['mce']), failPatch: forbidden }, { MAX_ATTEMPTS: '2' });
    expect(r.code).toBe(1);
    expect(r.plugins).toEqual(['mce']);
    expect(r.stderr).toContain('Forbidden');
  });

  it('removes only this plugin, every copy of it, and keeps the rest in order', () => {
    const r = run('disable', { object: consoleWith(['mce', PLUGIN, 'odf-console', PLUGIN, `${PLUGIN}-dev`]) });
    expect(r.code).toBe(0);
    expect(r.plugins).toEqual(['mce', 'odf-console', `${PLUGIN}-dev`]);
  });

  it('leaves an empty list when this was the only plugin', () => {
    const r = run('disable', { object: consoleWith([PLUGIN]) });
    expect(r.code).toBe(0);
    expect(r.plugins).toEqual([]);
  });

  it('keeps a plugin that someone else adds while it removes its own', () => {
    const r = run('disable', { object: consoleWith([PLUGIN, 'mce']), afterGet: [{ addPlugin: 'odf-console' }] });
    expect(r.code).toBe(0);
    expect(r.plugins).toEqual(['mce', 'odf-console']);
  });

  it('writes nothing on disable when the plugin is not enabled', () => {
    const r = run('disable', { object: consoleWith(['mce']) });
    expect(r.code).toBe(0);
    expect(r.patches).toBe(0);
  });

  it('does not block an uninstall when the console config does not exist', () => {
    const r = run('disable', { object: null });
    expect(r.code).toBe(0);
    expect(r.patches).toBe(0);
  });

  it('retries a disable that cannot read the config for another reason, then fails', () => {
    const r = run('disable', { object: consoleWith([PLUGIN]), failGet: 'Unable to connect to the server: i/o timeout' }, { MAX_ATTEMPTS: '2' });
    expect(r.code).toBe(1);
    expect(r.gets).toBe(2);
    expect(r.plugins).toEqual([PLUGIN]);
  });

  it('is idempotent: enabling twice leaves one entry', () => {
    const first = run('enable', { object: consoleWith(['mce']) });
    const second = run('enable', { object: first.object });
    expect(second.plugins).toEqual(['mce', PLUGIN]);
    expect(second.patches).toBe(0);
  });

  it('refuses an unknown action', () => {
    const r = run('toggle', { object: consoleWith(['mce']) });
    expect(r.code).toBe(2);
    expect(r.gets).toBe(0);
  });
});
