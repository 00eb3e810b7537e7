import { Alert, Content, Flex, FlexItem } from '@patternfly/react-core';
import { RESTORE_TYPES, type RecoverableWindow } from '../../insight/recoverableWindow';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { useBackupKindLabel } from './labels';

const WIDTH = 1000;
const ROW_HEIGHT = 18;

const GOOD = 'var(--pf-t--global--color--status--success--default, #3e8635)';
const PARTIAL = 'var(--pf-t--global--color--status--warning--default, #f0ab00)';
const TRACK = 'var(--pf-t--global--background--color--secondary--default, #f0f0f0)';
const WINDOW = 'var(--pf-t--global--color--status--success--default, #3e8635)';

/**
 * Restore points of the three types a Restore names, on one time axis over the backup TTL: each
 * tick is a backup a restore can use; the shaded span is where every type has a point.
 */
export const RecoverableWindowChart = ({ window: w }: { window: RecoverableWindow }) => {
  const { t } = usePluginTranslation();
  const { dateTime } = useFormatters();
  const kindLabel = useBackupKindLabel();
  const from = w.from.getTime();
  const span = Math.max(1, w.to.getTime() - from);
  const x = (d: Date) => ((d.getTime() - from) / span) * WIDTH;

  return (
    <div data-testid="recoverable-window">
      {w.window ? (
        <Content component="p" data-testid="window-summary">
          {t('You can restore this hub to any moment from {{start}} to {{end}}: a restore uses the newest point of each type at or before that moment.', {
            start: dateTime(w.window.start),
            end: dateTime(w.window.end),
          })}{' '}
          {w.consistentPoints.length > 0 &&
            t('Complete sets among them, taken together at one moment: {{number}}.', { number: w.consistentPoints.length })}
        </Content>
      ) : (
        <Alert variant="danger" isInline isPlain title={t('No full restore is possible now')} data-testid="window-missing">
          {t('There is no usable backup of: {{types}}. A restore needs one of each.', {
            types: w.missingTypes.map((type) => kindLabel(type)).join(', '),
          })}
        </Alert>
      )}
      {RESTORE_TYPES.map((type) => {
        const points = w.perType[type];
        return (
          <Flex key={type} alignItems={{ default: 'alignItemsCenter' }} flexWrap={{ default: 'nowrap' }} className="pf-v6-u-mb-xs">
            <FlexItem style={{ width: '10rem', flexShrink: 0 }}>
              <small>{kindLabel(type)}</small>
            </FlexItem>
            <FlexItem grow={{ default: 'grow' }}>
              <svg
                viewBox={`0 0 ${WIDTH} ${ROW_HEIGHT}`}
                preserveAspectRatio="none"
                width="100%"
                height={ROW_HEIGHT}
                role="img"
                aria-label={t('{{type}}, restore points: {{number}}', { type: kindLabel(type), number: points.length })}
                data-testid={`window-${type}`}
              >
                <rect x={0} y={0} width={WIDTH} height={ROW_HEIGHT} fill={TRACK} />
                {w.window && (
                  <rect x={x(w.window.start)} y={0} width={Math.max(1, x(w.window.end) - x(w.window.start))} height={ROW_HEIGHT} fill={WINDOW} opacity={0.15} />
                )}
                {points.map((p) => (
                  <rect key={p.name} x={Math.min(WIDTH - 2, x(p.time))} y={2} width={2} height={ROW_HEIGHT - 4} fill={p.partial ? PARTIAL : GOOD}>
                    <title>{`${p.name} · ${dateTime(p.time)}`}</title>
                  </rect>
                ))}
              </svg>
            </FlexItem>
            <FlexItem style={{ width: '6rem', flexShrink: 0, textAlign: 'right' }}>
              <small title={t('Restore points')}>{points.length}</small>
            </FlexItem>
          </Flex>
        );
      })}
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} style={{ marginLeft: '10rem', marginRight: '6rem' }}>
        <FlexItem>
          <small>{dateTime(w.from)}</small>
        </FlexItem>
        <FlexItem>
          <small>{t('now')}</small>
        </FlexItem>
      </Flex>
    </div>
  );
};
