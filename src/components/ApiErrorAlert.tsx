import { Alert, List, ListItem } from '@patternfly/react-core';
import { describeApiError, type ApiErrorContext } from '../k8s/errors';
import { usePluginTranslation } from '../i18n';

type ApiErrorAlertProps = {
  error: unknown;
  context?: ApiErrorContext;
  variant?: 'danger' | 'warning';
  isInline?: boolean;
};

/** An API error explained in the user's language, with the server's field reasons when it gave any. */
export const ApiErrorAlert = ({ error, context, variant = 'danger', isInline = true }: ApiErrorAlertProps) => {
  const { tm } = usePluginTranslation();
  const described = describeApiError(error, context);
  return (
    <Alert variant={variant} isInline={isInline} title={tm(described.title)} data-error-kind={described.kind}>
      {described.detail && <p>{tm(described.detail)}</p>}
      {described.causes.length > 0 && (
        <List>
          {described.causes.map((c, i) => (
            <ListItem key={`${c.field ?? ''}-${i}`}>{c.field ? `${c.field}: ${c.message}` : c.message}</ListItem>
          ))}
        </List>
      )}
    </Alert>
  );
};
