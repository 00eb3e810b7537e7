import { Card, CardBody, CardTitle, Content, Flex, FlexItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { BackupAge, CheckStatus, Readiness, ReadinessCheck, Verdict } from '../../insight/readiness';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { Link } from '../../router';
import { FIX_PAGE_PATHS, overviewPaths } from './paths';
import { notFuture } from './time';

type TFunc = (key: string, params?: Record<string, unknown>) => string;

const VERDICT_SEVERITY: Record<Verdict, Severity> = {
  ready: 'healthy',
  atRisk: 'warning',
  notProtected: 'critical',
  unknown: 'unknown',
};

const STATUS_SEVERITY: Record<CheckStatus, Severity> = {
  pass: 'healthy',
  warn: 'warning',
  fail: 'critical',
  unknown: 'unknown',
  notApplicable: 'info',
};

const statusWord = (t: TFunc, check: ReadinessCheck): string => {
  if (check.status === 'fail') return check.blocking ? t('Blocker') : t('Failed');
  return {
    pass: t('Passed'),
    warn: t('Warning'),
    fail: t('Failed'),
    unknown: t('Unknown'),
    notApplicable: t('Not applicable'),
  }[check.status];
};

const fixLabel = (t: TFunc, check: ReadinessCheck): string =>
  ({
    overview: t('How to fix it'),
    schedules: t('Go to backup schedules'),
    restores: t('Go to restores'),
    validation: t('Go to validation'),
    volsync: t('Go to VolSync'),
    promotion: t('Go to promotion'),
  })[check.fixPage];

const verdictExplanation = (t: TFunc, verdict: Verdict): string =>
  ({
    ready: t('Every check passed: this hub could be recovered from its backups.'),
    atRisk: t('This hub could be recovered, but with data loss or manual work: see the checks marked below.'),
    notProtected: t('This hub could not be recovered today: fix the blockers below.'),
    unknown: t('Some facts could not be read, so readiness cannot be confirmed. It is not shown as ready on missing facts.'),
  })[verdict];

const ITEMS_SHOWN = 8;

const CheckItems = ({ items }: { items: string[] }) => {
  const { t } = usePluginTranslation();
  const shown = items.slice(0, ITEMS_SHOWN);
  return (
    <div className="pf-v6-u-font-size-sm pf-v6-u-mt-xs" data-testid="check-items">
      {shown.map((i, n) => (
        <span key={i}>
          {n > 0 && ', '}
          <code>{i}</code>
        </span>
      ))}
      {items.length > shown.length && <span> {t('and {{count}} more', { count: items.length - shown.length })}</span>}
    </div>
  );
};

const CheckRow = ({ check, index }: { check: ReadinessCheck; index: number }) => {
  const { t, tm } = usePluginTranslation();
  const actionable = check.status === 'fail' || check.status === 'warn' || check.status === 'unknown';
  // The operator check is fixed outside the plugin: its detail says how.
  const showLink = actionable && check.fixPage !== 'overview';
  // A collision is resolved from the collision view, which shows who wrote when.
  const to = check.id === 'collision' ? overviewPaths.collision : FIX_PAGE_PATHS[check.fixPage];
  return (
    <li className="bc-readiness__check" data-testid="readiness-check" data-check-id={check.id} data-status={check.status}>
      <Flex alignItems={{ default: 'alignItemsFlexStart' }} flexWrap={{ default: 'nowrap' }}>
        <FlexItem className="bc-readiness__index" aria-hidden>
          {index + 1}.
        </FlexItem>
        <FlexItem grow={{ default: 'grow' }}>
          <Flex spaceItems={{ default: 'spaceItemsSm' }} alignItems={{ default: 'alignItemsCenter' }}>
            <strong>{tm(check.title)}</strong>
            <SeverityLabel severity={STATUS_SEVERITY[check.status]}>{statusWord(t, check)}</SeverityLabel>
          </Flex>
          <div className="pf-v6-u-mt-xs">{tm(check.detail)}</div>
          {check.items && check.items.length > 0 && <CheckItems items={check.items} />}
          {showLink && (
            <div>
              <Link to={to} data-testid="fix-link" className="pf-v6-u-font-size-sm">
                {check.id === 'collision' ? t('Open the collision view') : fixLabel(t, check)}
              </Link>
            </div>
          )}
        </FlexItem>
      </Flex>
    </li>
  );
};

const BackupAges = ({ ages, now }: { ages: BackupAge[]; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const { relative } = useFormatters();
  const typeName: Record<string, string> = {
    credentials: t('Credentials'),
    resources: t('Hub resources'),
    resourcesGeneric: t('Generic resources'),
    managedClusters: t('Managed clusters'),
    validation: t('Heartbeat'),
  };
  const sev: Record<string, Severity> = { healthy: 'healthy', warning: 'warning', critical: 'critical', unknown: 'unknown' };
  return (
    <div className="pf-v6-u-mt-md" data-testid="backup-ages">
      <Title headingLevel="h3" size="md">
        {t('Newest good backup of each type')}
      </Title>
      <Table variant="compact" aria-label={t('Newest good backup of each type')}>
        <Thead>
          <Tr>
            <Th>{t('Type')}</Th>
            <Th>{t('Age')}</Th>
            <Th>{t('Why')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {ages.map((a) => (
            <Tr key={a.type}>
              <Td dataLabel={t('Type')}>{typeName[a.type] ?? a.type}</Td>
              <Td dataLabel={t('Age')}>
                <SeverityLabel severity={sev[a.rpo.severity] ?? 'unknown'}>
                  {a.newest ? relative(notFuture(a.newest.time, now), now) : t('None')}
                </SeverityLabel>
              </Td>
              <Td dataLabel={t('Why')} className="pf-v6-u-font-size-sm">
                {tm(a.rpo.reason)}
                {a.rpo.note && <div>{tm(a.rpo.note)}</div>}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
};

/** "Am I protected?": the verdict, the blockers by name, and every check in order with where to fix it. */
export const ReadinessCard = ({ readiness, now }: { readiness: Readiness; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const blockers = readiness.checks.filter((c) => c.status === 'fail' && c.blocking);
  const problems = readiness.checks.filter((c) => (c.status === 'fail' && !c.blocking) || c.status === 'warn');
  const unknowns = readiness.checks.filter((c) => c.status === 'unknown');
  return (
    <Card isFullHeight data-testid="readiness-card">
      <CardTitle>{t('Disaster recovery readiness')}</CardTitle>
      <CardBody>
        <Flex spaceItems={{ default: 'spaceItemsMd' }} alignItems={{ default: 'alignItemsCenter' }}>
          <span className="bc-readiness__verdict">
            <SeverityLabel severity={VERDICT_SEVERITY[readiness.verdict]}>
              <span data-testid="readiness-verdict" data-verdict={readiness.verdict}>
                {tm(readiness.verdictLabel)}
              </span>
            </SeverityLabel>
          </span>
          <span>{verdictExplanation(t, readiness.verdict)}</span>
        </Flex>
        {(blockers.length > 0 || problems.length > 0 || unknowns.length > 0) && (
          <Content component="p" className="pf-v6-u-mt-sm" data-testid="readiness-summary">
            {blockers.length > 0 && (
              <span data-testid="readiness-blockers">
                {t('Blocking checks not met: {{names}}.', { names: blockers.map((c) => tm(c.title)).join(', ') })}{' '}
              </span>
            )}
            {problems.length > 0 && (
              <span data-testid="readiness-problems">
                {t('Checks that need attention: {{names}}.', { names: problems.map((c) => tm(c.title)).join(', ') })}{' '}
              </span>
            )}
            {unknowns.length > 0 && <span>{t('Checks that could not be answered: {{names}}.', { names: unknowns.map((c) => tm(c.title)).join(', ') })}</span>}
          </Content>
        )}
        <ol className="bc-readiness" aria-label={t('Readiness checks, in order')}>
          {readiness.checks.map((c, i) => (
            <CheckRow key={c.id} check={c} index={i} />
          ))}
        </ol>
        {readiness.backupAges.length > 0 && <BackupAges ages={readiness.backupAges} now={now} />}
      </CardBody>
    </Card>
  );
};
