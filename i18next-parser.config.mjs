// Extraction settings matching how the console resolves plugin strings:
// plain-English keys, `~` between namespace and key, no key nesting.
// `msg(...)` (src/k8s/message.ts) marks strings built outside React.
const functions = ['t', 'msg'];

export default {
  createOldCatalogs: false,
  defaultNamespace: 'plugin__acm-business-continuity',
  defaultValue: (locale, _ns, key) => (locale === 'en' ? key : ''),
  input: ['src/**/*.{ts,tsx}'],
  keepRemoved: false,
  keySeparator: false,
  lexers: {
    ts: [{ lexer: 'JavascriptLexer', functions }],
    tsx: [{ lexer: 'JsxLexer', functions }],
    default: [{ lexer: 'JavascriptLexer', functions }],
  },
  locales: ['en', 'ja'],
  namespaceSeparator: '~',
  output: `${process.env.I18N_OUT ?? 'locales'}/$LOCALE/$NAMESPACE.json`,
  reactNamespace: false,
  sort: true,
};
