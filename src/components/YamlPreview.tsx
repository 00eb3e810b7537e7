import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { dump } from 'js-yaml';
import { useMemo, useState } from 'react';
import { usePluginTranslation } from '../i18n';

/** Exactly what will be sent to the API server, as YAML, with a copy button. */
export const YamlPreview = ({ object, id }: { object: unknown; id: string }) => {
  const { t } = usePluginTranslation();
  const [copied, setCopied] = useState(false);
  const yaml = useMemo(() => dump(object, { noRefs: true, lineWidth: 120 }), [object]);
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`${id}-copy`}
            textId={`${id}-code`}
            aria-label={t('Copy YAML')}
            onClick={() => {
              void navigator.clipboard?.writeText(yaml);
              setCopied(true);
            }}
            exitDelay={copied ? 1500 : 600}
            onTooltipHidden={() => setCopied(false)}
            variant="plain"
          >
            {copied ? t('Copied') : t('Copy YAML')}
          </ClipboardCopyButton>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode id={`${id}-code`} data-testid="yaml-preview">
        {yaml}
      </CodeBlockCode>
    </CodeBlock>
  );
};
