import { useMemo } from 'react';
import { dump } from 'js-yaml';
import { usePluginTranslation } from '../i18n';
import { CopyableCodeBlock } from './CopyableCodeBlock';

/** Exactly what will be sent to the API server, as YAML, with a copy button. */
export const YamlPreview = ({ object, id }: { object: unknown; id: string }) => {
  const { t } = usePluginTranslation();
  const yaml = useMemo(() => dump(object, { noRefs: true, lineWidth: 120 }), [object]);
  return <CopyableCodeBlock text={yaml} id={id} copyLabel={t('Copy YAML')} testId="yaml-preview" />;
};
