import { Grid, GridItem, Tab, TabTitleIcon, TabTitleText, Tabs } from '@patternfly/react-core';
import { ExclamationCircleIcon } from '@patternfly/react-icons';
import { BackupScheduleModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { PluginPage } from '../../components/PluginPage';
import { LoadErrorState, LoadingState } from '../../components/PageStates';
import { isForbiddenError, isSettled } from '../../components/apiState';
import { useCollision } from '../../components/useCollision';
import { usePluginTranslation } from '../../i18n';
import { useLocation, useNavigate } from '../../router';
import { CollisionView } from './CollisionView';
import { HubRoleCard } from './HubRoleCard';
import { InstallOperator } from './InstallOperator';
import { ReadinessCard } from './ReadinessCard';
import { RecentActivity } from './RecentActivity';
import { overviewPaths, viewOf } from './paths';
import { useOverviewData, type OverviewData } from './useOverviewData';
import './overview.css';

const ReadinessView = ({ data }: { data: OverviewData }) => {
  const { hub, readiness, thisHubId, now, operatorServed, settled } = data;
  if (operatorServed === false) return <InstallOperator thisHubId={thisHubId} />;
  // Forbidden on both kinds that define the role: nothing on this page can be answered.
  if (isForbiddenError(hub.schedules.error) && isForbiddenError(hub.restores.error)) {
    return <LoadErrorState error={hub.schedules.error} context={{ verb: 'list', model: BackupScheduleModel, namespace: BACKUP_NAMESPACE }} />;
  }
  // The verdict is shown only once every source has answered, so it never flips from "Unknown" on load.
  if (!settled) return <LoadingState />;
  const clusterIdReadable = !hub.managedClusters.error || !hub.clusterVersions.error;
  return (
    <Grid hasGutter>
      <GridItem xl={4} lg={5}>
        <HubRoleCard role={readiness.role} thisHubId={thisHubId} clusterIdReadable={clusterIdReadable} />
      </GridItem>
      <GridItem xl={8} lg={7}>
        <ReadinessCard readiness={readiness} now={now} />
      </GridItem>
      <GridItem>
        <RecentActivity backups={hub.backups} restores={hub.restores} veleroRestores={hub.veleroRestores} thisHubId={thisHubId} now={now} />
      </GridItem>
    </Grid>
  );
};

/**
 * The page an admin opens first: this hub's role, whether it could be recovered and what blocks
 * it, what happened lately, and (own URL) the collision view. One route serves both views so the
 * watches stay open while switching.
 */
const OverviewPage = () => {
  const { t } = usePluginTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const data = useOverviewData();
  const { collision, settled: collisionSettled } = useCollision();
  const view = viewOf(pathname);
  const collisionTitle = (
    <>
      {collisionSettled && collision && (
        <TabTitleIcon>
          <ExclamationCircleIcon color="var(--pf-t--global--icon--color--status--danger--default)" aria-label={t('Collision detected')} />
        </TabTitleIcon>
      )}
      <TabTitleText>{t('Collision')}</TabTitleText>
    </>
  );
  return (
    <PluginPage title={t('Business continuity overview')}>
      <Tabs
        activeKey={view}
        onSelect={(_e, key) => navigate(key === 'collision' ? overviewPaths.collision : overviewPaths.readiness)}
        aria-label={t('Overview views')}
        mountOnEnter
        unmountOnExit
      >
        <Tab eventKey="readiness" title={<TabTitleText>{t('Readiness')}</TabTitleText>} data-testid="tab-readiness">
          <div className="pf-v6-u-pt-md">{view === 'readiness' && <ReadinessView data={data} />}</div>
        </Tab>
        <Tab eventKey="collision" title={collisionTitle} data-testid="tab-collision">
          <div className="pf-v6-u-pt-md">
            {view === 'collision' &&
              (data.operatorServed === false ? (
                <InstallOperator thisHubId={data.thisHubId} />
              ) : isSettled(data.hub.backups) ? (
                <CollisionView backups={data.hub.backups} now={data.now} />
              ) : (
                <LoadingState />
              ))}
          </div>
        </Tab>
      </Tabs>
    </PluginPage>
  );
};

export default OverviewPage;
