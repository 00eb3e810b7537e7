import { LoadErrorState, LoadingState } from '../../components/PageStates';
import { PluginPage } from '../../components/PluginPage';
import { usePluginTranslation } from '../../i18n';
import { RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';
import { isPromotionObject } from './manifests';
import { PromotionProgress } from './PromotionProgress';
import { PromotionSetup } from './PromotionSetup';
import { usePromotionData, type PromotionData } from './usePromotionData';

/**
 * Which view the cluster calls for. A promotion under way — started here or by hand — is followed
 * until it is done; one started here stays visible afterwards as the record of who did it and why.
 */
const PromotionBody = ({ data }: { data: PromotionData }) => {
  const { restores, schedules } = data.hub;
  const failed = restores.error ? restores : schedules.error ? schedules : undefined;
  if (failed) {
    return <LoadErrorState error={failed.error} context={{ verb: 'list', model: RestoreModel, namespace: BACKUP_NAMESPACE }} />;
  }
  if (!data.settled) return <LoadingState />;
  const { state } = data;
  if (state.started && (state.current !== 'done' || isPromotionObject(state.activationRestore))) return <PromotionProgress data={data} />;
  return <PromotionSetup data={data} />;
};

/** /business-continuity/promotion: promote this passive hub to primary, checked, confirmed and followed. */
const PromotionPage = () => {
  const { t } = usePluginTranslation();
  const data = usePromotionData();
  return (
    <PluginPage title={t('Promote this hub to primary')}>
      <PromotionBody data={data} />
    </PluginPage>
  );
};

export default PromotionPage;
