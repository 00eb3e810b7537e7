import { usePluginTranslation } from '../i18n';
import { CopyableCodeBlock } from './CopyableCodeBlock';

/**
 * Several shell lines to copy at once (a here-document, commands with comments), shown whole: the
 * one-line `CopyCommand` would cut them. The caller builds them from names and values the admin
 * already sees; nothing secret is ever put in one.
 */
export const CommandBlock = ({ command, id, label }: { command: string; id: string; label?: string }) => {
  const { t } = usePluginTranslation();
  return <CopyableCodeBlock text={command} id={id} copyLabel={label ?? t('Copy command')} testId="command-block" />;
};
