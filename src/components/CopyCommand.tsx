import { ClipboardCopy } from '@patternfly/react-core';
import { usePluginTranslation } from '../i18n';

/**
 * A shell command to copy, read-only, for the debugging an admin does outside the console. The
 * caller builds the command from names only: nothing secret is ever put in one.
 */
export const CopyCommand = ({ command, label }: { command: string; label?: string }) => {
  const { t } = usePluginTranslation();
  return (
    <ClipboardCopy
      isReadOnly
      isCode
      hoverTip={t('Copy command')}
      clickTip={t('Copied')}
      textAriaLabel={label ?? t('Command')}
      toggleAriaLabel={t('Show the whole command')}
      data-testid="copy-command"
    >
      {command}
    </ClipboardCopy>
  );
};
