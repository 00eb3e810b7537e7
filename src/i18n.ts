import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from './k8s/message';

/** The i18n namespace the console loads for this plugin (`plugin__<consolePlugin.name>`). */
export const I18N_NAMESPACE = 'plugin__acm-business-continuity';

/**
 * `t` for this plugin's namespace, plus `tm` for messages built outside React
 * (operand validators, insight rules, API error descriptions).
 */
export const usePluginTranslation = () => {
  const { t, i18n } = useTranslation(I18N_NAMESPACE);
  const tm = useCallback((m: Message): string => t(m.key, m.params), [t]);
  return { t, tm, i18n };
};
