import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Where the console remembers the chosen language. */
export const LANGUAGE_KEY = 'bridge/language';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'ja', label: '日本語' },
] as const;

/**
 * The console loads every namespace from its own server at `locales/resource.json`, which
 * fetches a plugin's `plugin__<name>` namespace from that plugin's `locales/<lng>/<ns>.json`.
 */
const consoleLocales: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    fetch(`${window.SERVER_FLAGS.basePath}locales/resource.json?lng=${encodeURIComponent(language)}&ns=${encodeURIComponent(namespace)}`)
      .then(async (response) => {
        if (!response.ok) throw new Error(`locales for ${language}/${namespace}: HTTP ${response.status}`);
        callback(null, await response.json());
      })
      .catch((e) => callback(e, false));
  },
};

/** The harness's own few strings; the page chrome is otherwise English. */
const HARNESS_STRINGS = {
  en: { 'Just now': 'Just now' },
  ja: { 'Just now': 'たった今' },
};

export const initI18n = () =>
  i18n
    .use(consoleLocales)
    .use(initReactI18next)
    .init({
      lng: window.localStorage.getItem(LANGUAGE_KEY) ?? 'en',
      fallbackLng: 'en',
      load: 'languageOnly',
      ns: ['harness', ...window.SERVER_FLAGS.i18nNamespaces],
      defaultNS: 'harness',
      // The console's separators: keys are English sentences, `~` separates the namespace.
      nsSeparator: '~',
      keySeparator: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: true, transSupportBasicHtmlNodes: true },
      resources: { en: { harness: HARNESS_STRINGS.en }, ja: { harness: HARNESS_STRINGS.ja } },
      partialBundledLanguages: true,
      // As in the console: a key missing from every language is an error, not a silent fallback.
      saveMissing: true,
      missingKeyHandler: (languages, namespace, key) =>
        console.error(`Missing i18n key "${key}" in namespace "${namespace}" and language "${languages}."`),
    });

export const changeLanguage = (code: string) => {
  window.localStorage.setItem(LANGUAGE_KEY, code);
  return i18n.changeLanguage(code);
};

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
