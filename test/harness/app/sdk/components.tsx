import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import type { K8sGroupVersionKind } from '@openshift-console/dynamic-plugin-sdk';
import { Button, PageSection, Popover, Split, SplitItem, Title, Tooltip } from '@patternfly/react-core';
// Icon by icon: the package index would pull every icon into the harness bundle.
import CheckCircleIcon from '@patternfly/react-icons/dist/esm/icons/check-circle-icon';
import ExclamationCircleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon';
import ExclamationTriangleIcon from '@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon';
import GlobeAmericasIcon from '@patternfly/react-icons/dist/esm/icons/globe-americas-icon';
import InfoCircleIcon from '@patternfly/react-icons/dist/esm/icons/info-circle-icon';
import InProgressIcon from '@patternfly/react-icons/dist/esm/icons/in-progress-icon';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { discoveryStore, findModel, referenceFor } from './discovery';
import { createStore, useStore } from './store';

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ');

const gvkFromReference = (kind?: string): K8sGroupVersionKind | undefined => {
  const parts = kind?.split('~');
  return parts?.length === 3 ? { group: parts[0] === 'core' ? undefined : parts[0], version: parts[1], kind: parts[2] } : undefined;
};

/** The console's resource URL: `/k8s/ns/<ns>/<ref>/<name>` or `/k8s/cluster/<ref>/<name>`. */
const resourceURL = (gvk: K8sGroupVersionKind | undefined, kind: string | undefined, name?: string, namespace?: string) => {
  const model = findModel(discoveryStore.get().models, gvk ?? kind);
  const ref = model ? (model.crd ? referenceFor({ group: model.apiGroup, version: model.apiVersion, kind: model.kind }) : model.plural) : gvk ? referenceFor(gvk) : kind;
  const namespaced = model ? model.namespaced : Boolean(namespace);
  const scope = namespaced ? (namespace ? `ns/${namespace}` : 'all-namespaces') : 'cluster';
  return `/k8s/${scope}/${ref}${name ? `/${encodeURIComponent(name)}` : ''}`;
};

export const ResourceIcon: typeof SDK.ResourceIcon = ({ groupVersionKind, kind, className }) => {
  const gvk = groupVersionKind ?? gvkFromReference(kind);
  const kindName = gvk?.kind ?? kind ?? '';
  const model = useStore(discoveryStore, (d) => findModel(d.models, gvk ?? kind));
  const abbr = model?.abbr ?? (kindName.replace(/[^A-Z]/g, '') || kindName.toUpperCase()).slice(0, 4);
  return (
    <span className={classes('co-m-resource-icon', className)} title={kindName}>
      {abbr}
    </span>
  );
};

export const ResourceLink: typeof SDK.ResourceLink = ({
  kind,
  groupVersionKind,
  name,
  namespace,
  displayName,
  className,
  inline,
  linkTo = true,
  hideIcon,
  title,
  dataTest,
  onClick,
  truncate,
  nameSuffix,
  children,
}) => {
  if (!kind && !groupVersionKind) return null;
  const value = displayName || name;
  const gvk = groupVersionKind ?? gvkFromReference(kind);
  const label = (
    <>
      {value}
      {nameSuffix}
    </>
  );
  return (
    <span className={classes('co-resource-item', inline && 'co-resource-item--inline', truncate && 'co-resource-item--truncate', className)}>
      {!hideIcon && <ResourceIcon groupVersionKind={groupVersionKind} kind={kind} />}
      {linkTo ? (
        <Link
          to={resourceURL(gvk, kind, name, namespace)}
          title={title}
          className="co-resource-item__resource-name"
          data-test-id={value}
          data-test={dataTest ?? value}
          onClick={onClick}
        >
          {label}
        </Link>
      ) : (
        <span className="co-resource-item__resource-name" data-test-id={value} data-test={dataTest ?? value}>
          {label}
        </span>
      )}
      {children}
    </span>
  );
};

/** One shared clock, so every timestamp on a page moves together. */
const clock = createStore(Date.now());
let ticking = false;
const useNow = () => {
  if (!ticking) {
    ticking = true;
    window.setInterval(() => clock.set(Date.now()), 10_000);
  }
  return useStore(clock, (now) => now);
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

const relativeTime = (date: Date, now: number, lng: string, t: (key: string) => string, omitSuffix?: boolean) => {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const found = UNITS.find(([, size]) => Math.abs(seconds) >= size);
  if (!found) return t('Just now');
  const [unit, size] = found;
  const value = Math.round(seconds / size);
  return omitSuffix
    ? new Intl.NumberFormat(lng, { style: 'unit', unit, unitDisplay: 'long' }).format(Math.abs(value))
    : new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(value, unit);
};

/** Relative time, with the absolute local and UTC time in a tooltip. */
export const Timestamp: typeof SDK.Timestamp = ({ timestamp, simple, omitSuffix, className }) => {
  const { t, i18n } = useTranslation('harness');
  const now = useNow();
  const date = new Date(timestamp);
  if (!timestamp || Number.isNaN(date.getTime())) return <span className={classes('co-timestamp', className)}>-</span>;
  const relative = relativeTime(date, now, i18n.language, t, omitSuffix);
  if (simple) return <>{relative}</>;
  const absolute = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  return (
    <span className={classes('co-timestamp', 'co-icon-and-text', className)}>
      <GlobeAmericasIcon className="co-icon-and-text__icon" />
      <Tooltip content={[<span key="local">{absolute}</span>, <br key="br" />, <span key="utc">{date.toISOString()}</span>]}>
        <span data-test="timestamp" tabIndex={0}>
          {relative}
        </span>
      </Tooltip>
    </span>
  );
};

export const ListPageHeader: typeof SDK.ListPageHeader = ({ title, badge, helpText, helpAlert, children }) => (
  <PageSection hasBodyWrapper={false} className="co-m-nav-title">
    <Split hasGutter>
      <SplitItem isFilled>
        {title && (
          <Title headingLevel="h1" data-test="page-heading">
            {title} {badge}
          </Title>
        )}
        {helpText && <p className="co-m-pane__help-text">{helpText}</p>}
      </SplitItem>
      {children && <SplitItem>{children}</SplitItem>}
    </Split>
    {helpAlert}
  </PageSection>
);

export const ListPageBody: typeof SDK.ListPageBody = ({ children }) => <PageSection hasBodyWrapper={false}>{children}</PageSection>;

export const DocumentTitle: typeof SDK.DocumentTitle = ({ children }) => {
  useEffect(() => {
    document.title = `${children} · Red Hat OpenShift`;
  }, [children]);
  return null;
};

const statusIcon = (color: string, Icon: typeof CheckCircleIcon) => {
  const StatusIcon = ({ title, className }: { title?: string; className?: string; size?: string }) => (
    <Icon color={`var(--pf-t--global--icon--color--status--${color}--default)`} title={title} className={className} />
  );
  return StatusIcon;
};

export const GreenCheckCircleIcon: typeof SDK.GreenCheckCircleIcon = statusIcon('success', CheckCircleIcon);
export const RedExclamationCircleIcon: typeof SDK.RedExclamationCircleIcon = statusIcon('danger', ExclamationCircleIcon);
export const YellowExclamationTriangleIcon: typeof SDK.YellowExclamationTriangleIcon = statusIcon('warning', ExclamationTriangleIcon);
export const BlueInfoCircleIcon: typeof SDK.BlueInfoCircleIcon = statusIcon('info', InfoCircleIcon);

export const StatusIconAndText: typeof SDK.StatusIconAndText = ({ icon, title, iconOnly, className, noTooltip }) => {
  if (!title) return <>-</>;
  return (
    <span className={classes('co-icon-and-text', className)} title={iconOnly && !noTooltip ? title : undefined}>
      {icon && <span className="co-icon-and-text__icon">{icon}</span>}
      {!iconOnly && title}
    </span>
  );
};

export const GenericStatus: typeof SDK.GenericStatus = ({ Icon, children, popoverTitle, title, ...rest }) => {
  const status = <StatusIconAndText {...rest} title={title} icon={<Icon title={title} />} />;
  if (!children) return status;
  return (
    <Popover headerContent={popoverTitle} bodyContent={children as ReactNode}>
      <Button variant="link" isInline>
        {status}
      </Button>
    </Popover>
  );
};

export const SuccessStatus: typeof SDK.SuccessStatus = (props) => <GenericStatus {...props} Icon={GreenCheckCircleIcon} />;
export const ErrorStatus: typeof SDK.ErrorStatus = (props) => <GenericStatus {...props} Icon={RedExclamationCircleIcon} />;
export const InfoStatus: typeof SDK.InfoStatus = (props) => <GenericStatus {...props} Icon={BlueInfoCircleIcon} />;
export const ProgressStatus: typeof SDK.ProgressStatus = (props) => <GenericStatus {...props} Icon={InProgressIcon} />;
