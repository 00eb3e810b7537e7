import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Extension strings like `%plugin__name~Overview%` are translation keys, as the console reads them. */
export const useExtensionTranslation = () => {
  const { t } = useTranslation();
  return useCallback((value: string | undefined) => {
    const key = value && /^%(.+)%$/.exec(value)?.[1];
    return key ? t(key) : value ?? '';
  }, [t]);
};
