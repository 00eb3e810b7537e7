import {
  Alert,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  List,
  ListComponent,
  ListItem,
  OrderType,
} from '@patternfly/react-core';
import type { Collision } from '../insight/collision';
import { usePluginTranslation } from '../i18n';
import { Link, useLocation } from '../router';
import { useFormatters } from './format';
import { useCollision } from './useCollision';

/** The collision view of the overview (lanes per writing hub, and the actions that resolve it). */
export const COLLISION_VIEW_PATH = '/business-continuity/overview/collision';

/** Router hooks run only once a collision is shown: pages rendered without a router stay renderable otherwise. */
const BannerDetails = ({ collision }: { collision: Collision }) => {
  const { pathname } = useLocation();
  return <CollisionDetails collision={collision} showLink={!pathname.endsWith(COLLISION_VIEW_PATH)} />;
};

/** Who collided and what to do, shared by the banner and the collision view. */
export const CollisionDetails = ({ collision, showLink }: { collision: Collision; showLink: boolean }) => {
  const { t, tm } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  return (
    <>
      <p data-testid="collision-message">{tm(collision.message)}</p>
      <DescriptionList isCompact isHorizontal className="pf-v6-u-my-sm">
        <DescriptionListGroup>
          <DescriptionListTerm>{t('This hub')}</DescriptionListTerm>
          <DescriptionListDescription data-testid="collision-this-hub">
            {collision.thisHubId ?? t('Unknown cluster id')} <Label isCompact>{t('this hub')}</Label>
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{collision.otherHubIds.length > 1 ? t('Other hubs') : t('Other hub')}</DescriptionListTerm>
          <DescriptionListDescription data-testid="collision-other-hubs">
            {collision.otherHubIds.length ? collision.otherHubIds.join(', ') : t('Unknown cluster id')}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Since')}</DescriptionListTerm>
          <DescriptionListDescription>
            {collision.since ? (
              <time dateTime={collision.since.toISOString()}>
                {dateTime(collision.since)} · {relative(collision.since)}
              </time>
            ) : (
              t('Not known')
            )}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Detected by')}</DescriptionListTerm>
          <DescriptionListDescription>
            {collision.source === 'operator'
              ? t('The backup operator: BackupSchedule {{name}} is in BackupCollision and writes no backups.', { name: collision.scheduleName ?? '' })
              : t(
                  'This console, from the backups in storage. The operator checks every 5 minutes and will then stop BackupSchedule {{name}} with BackupCollision.',
                  { name: collision.scheduleName ?? '' },
                )}
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
      <p>{t('To resolve it:')}</p>
      <List component={ListComponent.ol} type={OrderType.number} data-testid="collision-steps">
        {collision.steps.map((step, i) => (
          <ListItem key={i}>{tm(step)}</ListItem>
        ))}
      </List>
      {showLink && (
        <p className="pf-v6-u-mt-sm">
          <Link to={COLLISION_VIEW_PATH} data-testid="collision-view-link">
            {t('See which hub wrote when, and resolve the collision')}
          </Link>
        </p>
      )}
    </>
  );
};

/**
 * The warning that must never be missed: another hub writes to this hub's storage location. Shown
 * on every page of the plugin, and only once all its sources have answered, so it neither flashes
 * while loading nor hides a collision behind a partial read.
 */
export const CollisionBanner = () => {
  const { t } = usePluginTranslation();
  const { settled, collision } = useCollision();
  if (!settled || !collision) return null;
  return (
    <Alert
      variant="danger"
      isInline
      className="pf-v6-u-mb-md"
      title={
        collision.source === 'operator'
          ? t('Backup collision: this hub stopped backing up because another hub writes to the same storage location')
          : t('Backup collision: another hub writes to the same storage location as this hub')
      }
      data-testid="collision-banner"
      data-collision-source={collision.source}
    >
      <BannerDetails collision={collision} />
    </Alert>
  );
};
