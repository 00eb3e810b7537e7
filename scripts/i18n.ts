/**
 * Extracts every translatable string into locales/{en,ja}.
 *
 *   npm run i18n           rewrite locales/ (new keys: English text in en, empty in ja)
 *   npm run i18n -- --check  exit 1 when extraction would change locales/ or ja lacks a translation
 *
 * i18next-parser finds `t(...)` and `msg(...)` in src/; the console also translates the
 * `%plugin__<name>~key%` labels of console-extensions.json, which no parser reads, so they are added here.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const NS = 'plugin__acm-business-continuity';
const LOCALES = ['en', 'ja'] as const;
type Catalog = Record<string, string>;

const localeFile = (dir: string, lng: string) => path.join(dir, lng, `${NS}.json`);
const readCatalog = (file: string): Catalog => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const serialize = (c: Catalog) =>
  `${JSON.stringify(Object.fromEntries(Object.keys(c).sort().map((k) => [k, c[k]])), null, 2)}\n`;

export const extensionKeys = (): string[] => {
  const text = fs.readFileSync(path.join(ROOT, 'console-extensions.json'), 'utf8');
  const re = new RegExp(`%${NS}~([^%]+)%`, 'g');
  return [...new Set([...text.matchAll(re)].map((m) => m[1]))];
};

const extractSourceKeys = (): Record<(typeof LOCALES)[number], Catalog> => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-'));
  try {
    const cli = path.join(ROOT, 'node_modules', 'i18next-parser', 'bin', 'cli.js');
    const res = spawnSync(process.execPath, [cli, '--config', path.join(ROOT, 'i18next-parser.config.mjs'), '--silent'], {
      cwd: ROOT,
      env: { ...process.env, I18N_OUT: out },
      encoding: 'utf8',
    });
    if (res.status !== 0) {
      throw new Error(`i18next-parser failed:\n${res.stdout}\n${res.stderr}`);
    }
    return { en: readCatalog(localeFile(out, 'en')), ja: readCatalog(localeFile(out, 'ja')) };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
};

/** The catalogs extraction would write, keeping every existing translation. */
export const expectedCatalogs = (): Record<(typeof LOCALES)[number], Catalog> => {
  const extracted = extractSourceKeys();
  const ext = extensionKeys();
  const result = {} as Record<(typeof LOCALES)[number], Catalog>;
  for (const lng of LOCALES) {
    const existing = readCatalog(localeFile(path.join(ROOT, 'locales'), lng));
    // Japanese has one plural form, so the parser gives it only `_other`; the English `_one` keys
    // are kept too (with the `_other` text by default) so that every English string has its
    // Japanese entry for translators and reviewers. i18next never reads them for `ja`.
    const keys = new Set([...Object.keys(extracted[lng]), ...Object.keys(extracted.en), ...ext]);
    const catalog: Catalog = {};
    for (const key of keys) {
      const pluralOther = key.endsWith('_one') ? existing[key.replace(/_one$/, '_other')] : undefined;
      catalog[key] = existing[key] ?? (lng === 'en' ? (extracted.en[key] ?? key) : (pluralOther ?? ''));
    }
    result[lng] = catalog;
  }
  return result;
};

/**
 * i18next-parser takes an option named `namespace` (or `ns`) as the catalog to write the key to,
 * so `t('in {{namespace}}', { namespace: x })` silently never reaches locales/.
 */
export const reservedPlaceholders = (): string[] => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        fs.readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/\{\{\s*(namespace|ns)\s*\}\}/.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}`);
          });
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return found;
};

const main = () => {
  const check = process.argv.includes('--check');
  const expected = expectedCatalogs();
  const problems: string[] = reservedPlaceholders().map(
    (where) => `${where}: rename the {{namespace}} placeholder (e.g. {{namespaceName}}); the extractor reads 'namespace' as a catalog name`,
  );
  for (const lng of LOCALES) {
    const file = localeFile(path.join(ROOT, 'locales'), lng);
    const text = serialize(expected[lng]);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (check) {
      if (current !== text) {
        const cur = readCatalog(file);
        const added = Object.keys(expected[lng]).filter((k) => !(k in cur));
        const removed = Object.keys(cur).filter((k) => !(k in expected[lng]));
        problems.push(`locales/${lng} is out of date (${added.length} keys to add, ${removed.length} to remove); run npm run i18n`);
        added.slice(0, 10).forEach((k) => problems.push(`  + ${k}`));
        removed.slice(0, 10).forEach((k) => problems.push(`  - ${k}`));
      }
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  const untranslated = Object.entries(expected.ja).filter(([, v]) => !v.trim()).map(([k]) => k);
  if (untranslated.length) {
    const line = `locales/ja lacks ${untranslated.length} translation(s)`;
    if (check) {
      problems.push(line);
      untranslated.slice(0, 10).forEach((k) => problems.push(`  ? ${k}`));
    } else {
      console.log(`${line}; translate them in locales/ja/${NS}.json`);
    }
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  if (!check) console.log(`locales written: ${Object.keys(expected.en).length} keys`);
};

if (require.main === module) main();
