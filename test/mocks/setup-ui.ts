import '@testing-library/jest-dom';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../locales/en/plugin__acm-business-continuity.json';

// The console's i18next settings: `~` separates namespace and key, keys are plain English.
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['plugin__acm-business-continuity'],
  defaultNS: 'plugin__acm-business-continuity',
  nsSeparator: '~',
  keySeparator: false,
  interpolation: { escapeValue: false },
  resources: { en: { 'plugin__acm-business-continuity': en } },
  react: { useSuspense: false },
});

afterEach(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./sdk').sdkMock.reset();
});
