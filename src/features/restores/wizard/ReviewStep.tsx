import { Alert, Content, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, List, ListItem, Title } from '@patternfly/react-core';
import { CheckCircleIcon, ExclamationCircleIcon, ExclamationTriangleIcon } from '@patternfly/react-icons';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { YamlPreview } from '../../../components/YamlPreview';
import { usePluginTranslation } from '../../../i18n';
import { RestoreModel } from '../../../k8s/models';
import type { Restore } from '../../../k8s/types';
import { restoreIntent } from '../../../insight/restoreIntent';
import type { PreflightCheck } from '../preflight';
import type { FormIssue } from './FieldIssues';

const ICONS: Record<PreflightCheck['status'], JSX.Element> = {
  pass: <CheckCircleIcon color="var(--pf-t--global--icon--color--status--success--default)" />,
  warning: <ExclamationTriangleIcon color="var(--pf-t--global--icon--color--status--warning--default)" />,
  error: <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" />,
};

type ReviewStepProps = {
  restore: Restore;
  checks: readonly PreflightCheck[];
  checking: boolean;
  issues: readonly FormIssue[];
  createError: unknown;
};

/** Step 3: what will be created, what the operator would say about it, and why Create may be disabled. */
export const ReviewStep = ({ restore, checks, checking, issues, createError }: ReviewStepProps) => {
  const { t, tm } = usePluginTranslation();
  const intent = restoreIntent(restore);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const statusWords: Record<PreflightCheck['status'], string> = { pass: t('Passed'), warning: t('Warning'), error: t('Blocks the restore') };
  return (
    <>
      <Title headingLevel="h2">{t('Review')}</Title>
      <DescriptionList isHorizontal isCompact>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Intent')}</DescriptionListTerm>
          <DescriptionListDescription data-testid="review-intent">
            <strong>{tm(intent.label)}</strong>
            <div>{tm(intent.effect)}</div>
            {intent.notes.length > 0 && (
              <List>
                {intent.notes.map((n) => (
                  <ListItem key={n.key}>{tm(n)}</ListItem>
                ))}
              </List>
            )}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>

      <Title headingLevel="h3" className="pf-v6-u-mt-md">
        {t('Before creating')}
      </Title>
      {checking ? (
        <Content component="p">{t('Checking the schedules, restores and backups on this hub…')}</Content>
      ) : (
        <List isPlain data-testid="preflight">
          {checks.map((c, n) => (
            <ListItem key={`${c.id}-${n}`} icon={ICONS[c.status]} data-status={c.status} data-check={c.id}>
              <span className="pf-v6-screen-reader">{statusWords[c.status]}: </span>
              {tm(c.message)}
            </ListItem>
          ))}
        </List>
      )}
      {errors.length > 0 && (
        <Alert variant="danger" isInline title={t('Fix these fields first')} className="pf-v6-u-mt-md" data-testid="review-errors">
          <List>
            {errors.map((i, n) => (
              <ListItem key={n}>{tm(i.message)}</ListItem>
            ))}
          </List>
        </Alert>
      )}
      {warnings.length > 0 && (
        <Alert variant="warning" isInline title={t('Worth a second look')} className="pf-v6-u-mt-md">
          <List>
            {warnings.map((i, n) => (
              <ListItem key={n}>{tm(i.message)}</ListItem>
            ))}
          </List>
        </Alert>
      )}

      <Title headingLevel="h3" className="pf-v6-u-mt-md">
        {t('The restore that will be created')}
      </Title>
      <YamlPreview object={restore} id="restore-review-yaml" />
      {createError !== undefined && (
        <div className="pf-v6-u-mt-md" data-testid="create-error">
          <ApiErrorAlert error={createError} context={{ verb: 'create', model: RestoreModel, name: restore.metadata?.name, namespace: restore.metadata?.namespace }} />
        </div>
      )}
    </>
  );
};
