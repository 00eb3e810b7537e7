import { useState } from 'react';
import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { usePluginTranslation } from '../i18n';

type CopyableCodeBlockProps = {
  /** Shown whole and copied as is. Never put a secret in it. */
  text: string;
  id: string;
  /** The button's label and tooltip (already translated). */
  copyLabel: string;
  testId?: string;
};

/** Preformatted text with a copy button that confirms the copy. */
export const CopyableCodeBlock = ({ text, id, copyLabel, testId }: CopyableCodeBlockProps) => {
  const { t } = usePluginTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`${id}-copy`}
            textId={`${id}-code`}
            aria-label={copyLabel}
            onClick={() => {
              void navigator.clipboard?.writeText(text);
              setCopied(true);
            }}
            exitDelay={copied ? 1500 : 600}
            onTooltipHidden={() => setCopied(false)}
            variant="plain"
          >
            {copied ? t('Copied') : copyLabel}
          </ClipboardCopyButton>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode id={`${id}-code`} data-testid={testId}>
        {text}
      </CodeBlockCode>
    </CodeBlock>
  );
};
