import { Card, CardBody, CardTitle, CodeBlock, CodeBlockCode, List, ListComponent, ListItem, OrderType } from '@patternfly/react-core';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { CopyCommand } from '../../components/CopyCommand';
import { usePluginTranslation } from '../../i18n';

const COMPONENT_SNIPPET = `spec:
  overrides:
    components:
    - name: cluster-backup
      enabled: true`;

/**
 * Shown instead of the readiness checklist when the BackupSchedule API is not served: this is the
 * normal state of a hub where nobody turned backups on yet, so it explains what to install.
 */
export const InstallOperator = ({ thisHubId }: { thisHubId?: string }) => {
  const { t } = usePluginTranslation();
  return (
    <Card data-testid="install-operator">
      <CardTitle>{t('Backups are not set up on this hub: the cluster backup operator is not installed')}</CardTitle>
      <CardBody>
        <p>
          {t(
            'Backups, restores and the backup validation policy all come from the cluster-backup component of the MultiClusterHub. It is off by default, so this hub is not protected: if it is lost, its policies, applications and managed-cluster settings cannot be recovered.',
          )}
        </p>
        <List component={ListComponent.ol} type={OrderType.number} className="pf-v6-u-mt-md">
          <ListItem>
            {t(
              'Enable the cluster-backup component of the MultiClusterHub. It installs the cluster-backup-operator and the OADP operator in {{backupNamespace}}. Find the MultiClusterHub, then edit it:',
              { backupNamespace: BACKUP_NAMESPACE },
            )}
            <CopyCommand command="oc get multiclusterhub --all-namespaces" />
            <CopyCommand command="oc edit multiclusterhub multiclusterhub -n open-cluster-management" />
            <p className="pf-v6-u-mt-sm">{t('Set the cluster-backup entry to enabled (add it if it is missing):')}</p>
            <CodeBlock>
              <CodeBlockCode>{COMPONENT_SNIPPET}</CodeBlockCode>
            </CodeBlock>
          </ListItem>
          <ListItem>
            {t(
              'Create a DataProtectionApplication in {{backupNamespace}} that points at your object storage bucket and its credentials Secret. Every hub that takes part in disaster recovery must use the same storage location.',
              { backupNamespace: BACKUP_NAMESPACE },
            )}
          </ListItem>
          <ListItem>
            {t(
              'Come back here: on the primary hub, create a backup schedule; on a passive hub, create a sync restore of the primary hub\'s backups.',
            )}
          </ListItem>
        </List>
        {thisHubId && (
          <p className="pf-v6-u-mt-md pf-v6-u-text-color-subtle">{t('This hub\'s cluster id: {{id}}', { id: thisHubId })}</p>
        )}
      </CardBody>
    </Card>
  );
};
