import { Alert, Card, CardBody, CardTitle, EmptyState, EmptyStateBody, Flex, Stack, StackItem } from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import { PolicyModel } from '../../k8s/models';
import { BACKUP_NAMESPACE, replicatedPolicyName, VALIDATION_POLICY_NAME } from '../../k8s/names';
import { useHubState } from '../../k8s/useHubState';
import type { PolicyHealth, PolicyState } from '../../insight/policyHealth';
import { PluginPage } from '../../components/PluginPage';
import { LoadErrorState, LoadingState } from '../../components/PageStates';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { isForbiddenError, isNotInstalledError, isSettled, servedFrom } from '../../components/apiState';
import { useValidationPolicyHealth } from '../../components/validationPolicy';
import { usePluginTranslation } from '../../i18n';
import { Link } from '../../router';
import { TemplateTable } from './TemplateTable';

type TFunc = (key: string, params?: Record<string, unknown>) => string;

const STATE_SEVERITY: Record<PolicyState, Severity> = {
  compliant: 'healthy',
  noncompliant: 'critical',
  pending: 'progress',
  missing: 'warning',
  unknown: 'unknown',
};

const stateWord = (t: TFunc, s: PolicyState): string =>
  ({
    compliant: t('Compliant'),
    noncompliant: t('Not compliant'),
    pending: t('Pending'),
    missing: t('Not checked'),
    unknown: t('Unknown'),
  })[s];

/** The policy watches of this page only: the rest of the hub state is not needed here. */
const useValidationPolicy = () => {
  const hub = useHubState({
    skip: {
      restores: true,
      backups: true,
      veleroSchedules: true,
      veleroRestores: true,
      storageLocations: true,
      dataProtectionApplications: true,
      clusterVersions: true,
    },
    include: { configurationPolicies: true },
  });
  const { rootPolicies, replicatedPolicies, configurationPolicies, localClusterName } = hub;
  const health = useValidationPolicyHealth({ rootPolicies, replicatedPolicies, configurationPolicies, localClusterName });
  return { hub, health };
};

const Summary = ({ health, localClusterName }: { health: PolicyHealth; localClusterName: string }) => {
  const { t } = usePluginTranslation();
  const count = (c: string) => health.templates.filter((tpl) => tpl.compliance === c).length;
  return (
    <Card data-testid="policy-summary">
      <CardTitle>{t('Backup validation policy')}</CardTitle>
      <CardBody>
        <Flex spaceItems={{ default: 'spaceItemsMd' }} alignItems={{ default: 'alignItemsCenter' }}>
          <SeverityLabel severity={STATE_SEVERITY[health.state]}>
            <span data-testid="policy-state" data-state={health.state}>
              {stateWord(t, health.state)}
            </span>
          </SeverityLabel>
          {health.templates.length > 0 && (
            <span>
              {t('{{total}} templates: {{compliant}} compliant, {{noncompliant}} not compliant, {{pending}} pending, {{unknown}} not reported.', {
                total: health.templates.length,
                compliant: count('Compliant'),
                noncompliant: count('NonCompliant'),
                pending: count('Pending'),
                unknown: count('Unknown'),
              })}
            </span>
          )}
        </Flex>
        <p className="pf-v6-u-mt-sm pf-v6-u-text-color-subtle">
          {t(
            'The {{policy}} policy checks this hub\'s backup setup continuously: the operator and Velero pods, the storage location, recent backups, collisions. Its results come from the policy copy {{replica}} in namespace {{clusterNamespace}}, this hub\'s own cluster namespace.',
            { policy: VALIDATION_POLICY_NAME, replica: replicatedPolicyName(VALIDATION_POLICY_NAME), clusterNamespace: localClusterName },
          )}
        </p>
      </CardBody>
    </Card>
  );
};

const Body = () => {
  const { t, tm } = usePluginTranslation();
  const { hub, health } = useValidationPolicy();
  const { rootPolicies, replicatedPolicies, localClusterName } = hub;

  if (isNotInstalledError(rootPolicies.error) || isNotInstalledError(replicatedPolicies.error)) {
    return (
      <EmptyState titleText={t('The governance policy framework is not installed')} headingLevel="h2" icon={CubesIcon} data-testid="not-installed">
        <EmptyStateBody>
          {t(
            'The backup validation policy is a governance Policy, and this cluster does not serve the Policy API. It is part of Red Hat Advanced Cluster Management: install or repair ACM on this hub.',
          )}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  const forbidden = [rootPolicies, replicatedPolicies].find((w) => isForbiddenError(w.error));
  if (forbidden) {
    return (
      <LoadErrorState
        error={forbidden.error}
        context={{ verb: 'list', model: PolicyModel, namespace: forbidden === rootPolicies ? BACKUP_NAMESPACE : localClusterName }}
      />
    );
  }
  const failed = [rootPolicies, replicatedPolicies].find((w) => w.error);
  if (failed) return <LoadErrorState error={failed.error} context={{ verb: 'list', model: PolicyModel }} />;
  if (![rootPolicies, replicatedPolicies, hub.managedClusters, hub.schedules].every(isSettled)) return <LoadingState />;
  const operatorMissing = servedFrom(hub.schedules) === false;

  return (
    <Stack hasGutter>
      <StackItem>
        <Summary health={health} localClusterName={localClusterName} />
      </StackItem>
      {health.state === 'missing' && (
        <StackItem>
          <Alert
            variant="warning"
            isInline
            title={t('Nothing checks this hub\'s backup setup')}
            data-testid="policy-missing"
            data-reason={operatorMissing ? 'operator-not-installed' : 'policy-missing'}
          >
            {operatorMissing ? (
              <p>
                {t(
                  'The cluster backup operator is not installed on this hub, and the validation policy comes with it: both are part of the cluster-backup component of the MultiClusterHub, which is off.',
                )}{' '}
                <Link to="/business-continuity/overview">{t('How to enable it')}</Link>
              </p>
            ) : (
              <p>{health.missingReason ? tm(health.missingReason) : t('The validation policy is missing.')}</p>
            )}
            <p className="pf-v6-u-mt-sm">
              {t('This is not a healthy state: without the policy, a broken backup setup goes unnoticed. The other pages still show what they read directly.')}
            </p>
          </Alert>
        </StackItem>
      )}
      {health.state !== 'missing' && health.templates.length === 0 && (
        <StackItem>
          <Alert variant="info" isInline title={t('The policy has not reported its templates on this hub yet')} data-testid="policy-no-templates">
            {health.missingReason ? tm(health.missingReason) : t('The policy controller reports within a few minutes of the policy being placed.')}
          </Alert>
        </StackItem>
      )}
      {health.templates.length > 0 && (
        <StackItem>
          <TemplateTable templates={health.templates} />
        </StackItem>
      )}
    </Stack>
  );
};

const ValidationPage = () => {
  const { t } = usePluginTranslation();
  return (
    <PluginPage title={t('Validation policy')}>
      <Body />
    </PluginPage>
  );
};

export default ValidationPage;
