import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';
import { usePluginTranslation } from '../../../i18n';
import type { Message } from '../../../k8s/message';

export type FormIssue = { field: string; message: Message; severity: 'error' | 'warning' };

/** The issues of some fields, under the field, errors first; nothing when there are none. */
export const FieldIssues = ({ issues, fields, help }: { issues: readonly FormIssue[]; fields: readonly string[]; help?: string }) => {
  const { tm } = usePluginTranslation();
  const mine = issues.filter((i) => fields.includes(i.field)).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  if (mine.length === 0 && !help) return null;
  return (
    <FormHelperText>
      <HelperText>
        {help && <HelperTextItem>{help}</HelperTextItem>}
        {mine.map((i, n) => (
          <HelperTextItem key={`${i.field}-${n}`} variant={i.severity} data-testid={`issue-${i.field}`}>
            {tm(i.message)}
          </HelperTextItem>
        ))}
      </HelperText>
    </FormHelperText>
  );
};

/** The validation state of a field, for its `validated` prop. */
export const validatedOf = (issues: readonly FormIssue[], fields: readonly string[]): 'default' | 'error' | 'warning' => {
  const mine = issues.filter((i) => fields.includes(i.field));
  if (mine.some((i) => i.severity === 'error')) return 'error';
  if (mine.length > 0) return 'warning';
  return 'default';
};
