import { useState } from 'react';
import { ClipboardCopyButton, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { usePluginTranslation } from '../i18n';

/**
 * Several shell lines to copy at once (a here-document, commands with comments), shown whole: the
 * one-line `CopyCommand` would cut them. The caller builds them from names and values the admin
 * already sees; nothing secret is ever put in one.
 */
export const CommandBlock = ({ command, id, label }: { command: string; id: string; label?: string }) => {
  const { t } = usePluginTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <CodeBlock
      actions={
        <CodeBlockAction>
          <ClipboardCopyButton
            id={`${id}-copy`}
            textId={`${id}-code`}
            aria-label={label ?? t('Copy command')}
            onClick={() => {
              void navigator.clipboard?.writeText(command);
              setCopied(true);
            }}
            exitDelay={copied ? 1500 : 600}
            onTooltipHidden={() => setCopied(false)}
            variant="plain"
          >
            {copied ? t('Copied') : t('Copy command')}
          </ClipboardCopyButton>
        </CodeBlockAction>
      }
    >
      <CodeBlockCode id={`${id}-code`} data-testid="command-block">
        {command}
      </CodeBlockCode>
    </CodeBlock>
  );
};
