import { Card, CardBody, CardTitle, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Flex } from '@patternfly/react-core';
import type { HubRole, HubRoleFlag, HubRoleName } from '../../insight/hubRole';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { usePluginTranslation } from '../../i18n';

type TFunc = (key: string, params?: Record<string, unknown>) => string;

const roleLabel = (t: TFunc, role: HubRoleName): string =>
  ({
    primary: t('Primary hub'),
    passive: t('Passive hub'),
    standalone: t('Standalone hub'),
    transition: t('In transition'),
  })[role];

const roleSeverity = (role: HubRole): Severity => {
  if (role.flag === 'collision' || role.flag === 'conflict' || role.flag === 'failing') return 'critical';
  if (role.flag === 'paused') return 'paused';
  if (role.flag === 'unprotected' || role.flag === 'oneTimeCopy') return 'warning';
  if (role.role === 'transition') return 'progress';
  if (role.role === 'standalone') return 'warning';
  return 'healthy';
};

const flagLabel = (t: TFunc, flag: HubRoleFlag): string =>
  ({
    paused: t('Schedule paused'),
    failing: t('Failing'),
    collision: t('Backup collision'),
    conflict: t('Schedule and restore both active'),
    unprotected: t('Not backed up'),
    oneTimeCopy: t('One-time copy'),
  })[flag];

/** What each role means, so the derived role is explained and not only named. */
const roleRule = (t: TFunc, role: HubRoleName): string =>
  ({
    primary: t('A primary hub has an active BackupSchedule: it manages the clusters and writes the backups.'),
    passive: t('A passive hub has a passive or sync Restore and no active schedule: it keeps a copy of the primary hub\'s data, ready to take over.'),
    standalone: t('A standalone hub has neither an active BackupSchedule nor a passive Restore.'),
    transition: t('The hub is between roles: a restore is activating the managed clusters, or a new schedule is starting.'),
  })[role];

/** This hub's disaster-recovery role, the facts it was derived from, and the hub's cluster id. */
export const HubRoleCard = ({ role, thisHubId, clusterIdReadable }: { role?: HubRole; thisHubId?: string; clusterIdReadable: boolean }) => {
  const { t, tm } = usePluginTranslation();
  return (
    <Card isFullHeight data-testid="hub-role-card">
      <CardTitle>{t('This hub\'s role')}</CardTitle>
      <CardBody>
        {role ? (
          <>
            <Flex spaceItems={{ default: 'spaceItemsSm' }} className="pf-v6-u-mb-sm">
              <SeverityLabel severity={roleSeverity(role)}>
                <span data-testid="hub-role" data-role={role.role}>
                  {roleLabel(t, role.role)}
                </span>
              </SeverityLabel>
              {role.flag && <SeverityLabel severity={roleSeverity(role)}>{flagLabel(t, role.flag)}</SeverityLabel>}
            </Flex>
            <p data-testid="hub-role-reason">{tm(role.reason)}</p>
            <p className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle pf-v6-u-mt-sm">{roleRule(t, role.role)}</p>
          </>
        ) : (
          <SeverityLabel severity="unknown">{t('Role unknown: the BackupSchedules and Restores of this hub could not be read.')}</SeverityLabel>
        )}
        <DescriptionList isCompact className="pf-v6-u-mt-md">
          <DescriptionListGroup>
            <DescriptionListTerm>{t('This hub\'s cluster id')}</DescriptionListTerm>
            <DescriptionListDescription data-testid="hub-cluster-id">
              {thisHubId ?? (clusterIdReadable ? t('Not published yet') : t('Unknown: neither the local cluster nor ClusterVersion could be read'))}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
        <p className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">
          {t('Every backup carries the id of the hub that wrote it; the same id tells this hub\'s backups from another hub\'s.')}
        </p>
      </CardBody>
    </Card>
  );
};
