import { Fragment, useState } from 'react';
import { Label, List, ListItem, Title } from '@patternfly/react-core';
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { VALIDATION_POLICY_NAME } from '../../k8s/names';
import type { HistoryEntry, TemplateCompliance, TemplateHealth } from '../../insight/policyHealth';
import { SeverityLabel, type Severity } from '../../components/SeverityLabel';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';

type TFunc = (key: string, params?: Record<string, unknown>) => string;

export const COMPLIANCE_SEVERITY: Record<TemplateCompliance, Severity> = {
  Compliant: 'healthy',
  NonCompliant: 'critical',
  Pending: 'progress',
  Unknown: 'unknown',
};

export const complianceWord = (t: TFunc, c: TemplateCompliance): string =>
  ({
    Compliant: t('Compliant'),
    NonCompliant: t('Not compliant'),
    Pending: t('Pending'),
    Unknown: t('Not reported'),
  })[c];

const severityWord = (t: TFunc, s: string | undefined): string => {
  if (s === 'high') return t('High');
  if (s === 'medium') return t('Medium');
  if (s === 'low') return t('Low');
  if (s === 'critical') return t('Critical');
  return s ?? '—';
};

const RANK: Record<TemplateCompliance, number> = { NonCompliant: 0, Pending: 1, Unknown: 2, Compliant: 3 };

const History = ({ entries }: { entries: HistoryEntry[] }) => {
  const { t } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  if (!entries.length) return <p>{t('The policy reports no history for this template yet.')}</p>;
  return (
    <List isPlain data-testid="template-history">
      {entries.map((h, i) => (
        <ListItem key={i}>
          {h.time ? (
            <time dateTime={h.time.toISOString()} className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">
              {dateTime(h.time)} · {relative(h.time)}
            </time>
          ) : (
            <span className="pf-v6-u-font-size-sm pf-v6-u-text-color-subtle">{t('Time not recorded')}</span>
          )}{' '}
          {h.compliance && <SeverityLabel severity={COMPLIANCE_SEVERITY[h.compliance]}>{complianceWord(t, h.compliance)}</SeverityLabel>}{' '}
          <span>{h.text || '—'}</span>
        </ListItem>
      ))}
    </List>
  );
};

/**
 * Every template of the validation policy as this hub's replicated policy reports it: what it
 * checks in plain words, its state, the latest message and, expanded, the remedy and the history.
 * Problems come first; the remedy of a failing template is shown without expanding.
 */
export const TemplateTable = ({ templates }: { templates: TemplateHealth[] }) => {
  const { t, tm } = usePluginTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = [...templates].sort((a, b) => RANK[a.compliance] - RANK[b.compliance]);
  const toggle = (name: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  return (
    <Table aria-label={t('Validation policy templates')} data-testid="template-table">
      <Thead>
        <Tr>
          <Th screenReaderText={t('Show details')} />
          <Th width={35}>{t('What is checked')}</Th>
          <Th>{t('Status')}</Th>
          <Th>{t('Severity')}</Th>
          <Th width={40}>{t('Latest message')}</Th>
        </Tr>
      </Thead>
      {rows.map((tpl, rowIndex) => {
        const isOpen = expanded.has(tpl.name);
        const failing = tpl.compliance === 'NonCompliant';
        return (
          <Tbody key={tpl.name} isExpanded={isOpen} data-testid="template-row" data-template={tpl.name} data-compliance={tpl.compliance}>
            <Tr>
              <Td expand={{ rowIndex, isExpanded: isOpen, onToggle: () => toggle(tpl.name), expandId: `template-${tpl.name}` }} />
              <Td dataLabel={t('What is checked')}>
                <div>{tm(tpl.title)}</div>
                <code className="pf-v6-u-font-size-sm">{tpl.name}</code>
                {tpl.policy !== VALIDATION_POLICY_NAME && (
                  <>
                    {' '}
                    <Label isCompact>{tpl.policy}</Label>
                  </>
                )}
              </Td>
              <Td dataLabel={t('Status')}>
                <SeverityLabel severity={COMPLIANCE_SEVERITY[tpl.compliance]}>{complianceWord(t, tpl.compliance)}</SeverityLabel>
              </Td>
              <Td dataLabel={t('Severity')}>{severityWord(t, tpl.severity)}</Td>
              <Td dataLabel={t('Latest message')}>
                <div>{tpl.latestMessage ?? '—'}</div>
                {failing && (
                  <div className="pf-v6-u-mt-sm" data-testid="template-remedy">
                    <strong>{t('How to fix:')}</strong> {tm(tpl.remedy)}
                  </div>
                )}
              </Td>
            </Tr>
            <Tr isExpanded={isOpen}>
              <Td colSpan={5}>
                <ExpandableRowContent>
                  {isOpen && (
                    <Fragment>
                      {!failing && (
                        <p className="pf-v6-u-mb-sm">
                          <strong>{t('If it fails:')}</strong> {tm(tpl.remedy)}
                        </p>
                      )}
                      <Title headingLevel="h4" size="md">
                        {t('History (newest first)')}
                      </Title>
                      <History entries={tpl.history} />
                    </Fragment>
                  )}
                </ExpandableRowContent>
              </Td>
            </Tr>
          </Tbody>
        );
      })}
    </Table>
  );
};
