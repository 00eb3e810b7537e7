import { DataList, DataListCell, DataListItem, DataListItemCells, DataListItemRow, Flex, FlexItem, Label, LabelGroup } from '@patternfly/react-core';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { usePluginTranslation } from '../../i18n';
import './promotion.css';
import type { PreflightCheck } from '../../insight/promotion';

/** A failing blocker is critical; a failing warning only warns; unknown is never shown as passing. */
const severityOf = (c: PreflightCheck): Severity =>
  c.status === 'pass' ? 'healthy' : c.status === 'unknown' ? 'unknown' : c.level === 'blocker' ? 'critical' : 'warning';

const CheckRow = ({ check }: { check: PreflightCheck }) => {
  const { t, tm } = usePluginTranslation();
  const severity = severityOf(check);
  const word = { healthy: t('Passed'), critical: t('Blocks promotion'), warning: t('Warning'), unknown: t('Unknown') }[severity as 'healthy'];
  const titleId = `preflight-${check.id}-title`;
  return (
    <DataListItem aria-labelledby={titleId} data-testid={`preflight-${check.id}`} data-status={check.status} data-level={check.level}>
      <DataListItemRow>
        <DataListItemCells
          dataListCells={[
            <DataListCell key="status" isFilled={false} className="bc-preflight__status">
              <SeverityLabel severity={severity}>{word}</SeverityLabel>
            </DataListCell>,
            <DataListCell key="body">
              <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsXs' }}>
                <FlexItem>
                  <strong id={titleId}>{tm(check.title)}</strong> <small>{check.level === 'blocker' ? t('(required)') : t('(advice)')}</small>
                </FlexItem>
                <FlexItem data-testid="preflight-detail">{tm(check.detail)}</FlexItem>
                {check.clusters && (
                  <FlexItem>
                    <LabelGroup categoryName={t('Clusters')} numLabels={10} data-testid="preflight-clusters">
                      {check.clusters.map((name) => (
                        <Label key={name} isCompact>
                          {name}
                        </Label>
                      ))}
                    </LabelGroup>
                  </FlexItem>
                )}
                {check.fix && (
                  <FlexItem data-testid="preflight-fix">
                    <strong>{t('How to fix:')}</strong> {tm(check.fix)}
                  </FlexItem>
                )}
              </Flex>
            </DataListCell>,
          ]}
        />
      </DataListItemRow>
    </DataListItem>
  );
};

/** The checks in their fixed order: required ones first, then advice. */
export const PreflightList = ({ checks }: { checks: PreflightCheck[] }) => {
  const { t } = usePluginTranslation();
  return (
    <DataList aria-label={t('Checks before promotion')} isCompact data-testid="preflight">
      {checks.map((c) => (
        <CheckRow key={c.id} check={c} />
      ))}
    </DataList>
  );
};
