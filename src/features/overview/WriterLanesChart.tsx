import { useMemo } from 'react';
import { Label, List, ListItem, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { WriterLanes } from '../../insight/collision';
import { useFormatters } from '../../components/format';
import { usePluginTranslation } from '../../i18n';
import { notFuture } from './time';

const WIDTH = 880;
const LABEL_W = 250;
const RIGHT_PAD = 16;
const AXIS_H = 28;
const LANE_H = 34;
const BAR_H = 16;
const TICKS = 5;
const MIN_BAR_W = 4;

/**
 * Who wrote to the storage location over time: one lane per hub, a bar for each period it kept
 * writing, and a dashed line where a hub activated the managed clusters. Drawn in plain SVG (the
 * console shares no chart library); the table under it carries the same facts for screen readers.
 */
export const WriterLanesChart = ({ lanes, now }: { lanes: WriterLanes; now: Date }) => {
  const { t, tm } = usePluginTranslation();
  const { locale, dateTime, relative } = useFormatters();
  const tickFormat = useMemo(
    () => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    [locale],
  );

  if (!lanes.lanes.length && !lanes.markers.length) {
    return <p data-testid="lanes-empty">{t('No backup in the storage location names the hub that wrote it, so there is nothing to draw.')}</p>;
  }

  const start = lanes.start?.getTime() ?? now.getTime();
  // The axis runs to now, so a hub that stopped writing shows as a gap before the right edge.
  const end = Math.max(lanes.end?.getTime() ?? start, now.getTime());
  const span = Math.max(end - start, 60_000);
  const plotW = WIDTH - LABEL_W - RIGHT_PAD;
  const x = (ms: number) => LABEL_W + ((ms - start) / span) * plotW;
  const height = AXIS_H + Math.max(lanes.lanes.length, 1) * LANE_H + 8;
  const ticks = Array.from({ length: TICKS }, (_, i) => start + (span * i) / (TICKS - 1));
  const lastWriterLabel = t('wrote last');

  const summary = t('Backups written per hub from {{start}} to {{end}}. Last writer: {{hub}}.', {
    start: dateTime(new Date(start)),
    end: dateTime(new Date(end)),
    hub: lanes.lastWriter ?? t('unknown'),
  });

  return (
    <div data-testid="writer-lanes">
      <div className="bc-lanes">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary}>
          {ticks.map((tick, i) => (
            <g key={i}>
              <line className="bc-lanes__axis" x1={x(tick)} x2={x(tick)} y1={AXIS_H - 6} y2={height - 4} strokeOpacity={0.35} />
              <text className="bc-lanes__tick" x={x(tick)} y={AXIS_H - 10} textAnchor={i === 0 ? 'start' : i === TICKS - 1 ? 'end' : 'middle'}>
                {tickFormat.format(new Date(tick))}
              </text>
            </g>
          ))}
          {lanes.lanes.map((lane, row) => {
            const top = AXIS_H + row * LANE_H;
            const barY = top + (LANE_H - BAR_H) / 2;
            return (
              <g key={lane.hubId} data-testid="writer-lane" data-hub-id={lane.hubId} data-this-hub={lane.isThisHub} data-wrote-last={lane.wroteLast}>
                <text className="bc-lanes__label" x={4} y={top + LANE_H / 2 + 4}>
                  {lane.hubId.length > 24 ? `${lane.hubId.slice(0, 23)}…` : lane.hubId}
                  {lane.isThisHub ? ` (${t('this hub')})` : ''}
                </text>
                <line className="bc-lanes__axis" x1={LABEL_W} x2={WIDTH - RIGHT_PAD} y1={top + LANE_H / 2} y2={top + LANE_H / 2} />
                {lane.spans.map((s, i) => {
                  const x1 = x(s.start.getTime());
                  const w = Math.max(x(s.end.getTime()) - x1, MIN_BAR_W);
                  const isLast = lane.wroteLast && i === lane.spans.length - 1;
                  return (
                    <rect
                      key={i}
                      className={`bc-lanes__span${lane.isThisHub ? ' bc-lanes__span--this' : ''}${isLast ? ' bc-lanes__span--last' : ''}`}
                      x={x1}
                      y={barY}
                      width={w}
                      height={BAR_H}
                      rx={3}
                    >
                      <title>
                        {t('Hub {{hub}}: {{count}} backups from {{start}} to {{end}}', {
                          hub: lane.hubId,
                          count: s.backups,
                          start: dateTime(s.start),
                          end: dateTime(s.end),
                        })}
                      </title>
                    </rect>
                  );
                })}
                {lane.wroteLast && (
                  <text className="bc-lanes__tick" x={Math.min(x(lane.last.getTime()) + 6, WIDTH - RIGHT_PAD - 60)} y={barY - 2}>
                    {lastWriterLabel}
                  </text>
                )}
              </g>
            );
          })}
          {lanes.markers.map((m) =>
            m.time ? (
              <g key={m.name} data-testid="activation-marker">
                <line className="bc-lanes__marker" x1={x(m.time.getTime())} x2={x(m.time.getTime())} y1={AXIS_H - 4} y2={height - 4} />
                <polygon
                  className="bc-lanes__marker-head"
                  points={`${x(m.time.getTime()) - 5},${AXIS_H - 6} ${x(m.time.getTime()) + 5},${AXIS_H - 6} ${x(m.time.getTime())},${AXIS_H + 2}`}
                />
                <title>{`${tm(m.message)} ${dateTime(m.time)}`}</title>
              </g>
            ) : null,
          )}
        </svg>
      </div>

      <Table variant="compact" aria-label={t('Hubs that wrote to the storage location')} className="pf-v6-u-mt-md" data-testid="lanes-table">
        <Thead>
          <Tr>
            <Th>{t('Hub cluster id')}</Th>
            <Th>{t('Backups')}</Th>
            <Th>{t('First write')}</Th>
            <Th>{t('Last write')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {lanes.lanes.map((lane) => (
            <Tr key={lane.hubId}>
              <Td dataLabel={t('Hub cluster id')}>
                <code>{lane.hubId}</code>{' '}
                {lane.isThisHub && (
                  <Label isCompact color="green">
                    {t('this hub')}
                  </Label>
                )}{' '}
                {lane.wroteLast && (
                  <Label isCompact color="orange" data-testid="wrote-last">
                    {lastWriterLabel}
                  </Label>
                )}
              </Td>
              <Td dataLabel={t('Backups')}>{lane.backups}</Td>
              <Td dataLabel={t('First write')}>{dateTime(lane.first)}</Td>
              <Td dataLabel={t('Last write')}>
                {dateTime(lane.last)} · {relative(notFuture(lane.last, now), now)}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>

      {lanes.markers.length > 0 && (
        <>
          <Title headingLevel="h3" size="md" className="pf-v6-u-mt-md">
            {t('Activations recorded in storage')}
          </Title>
          <List data-testid="activation-list">
            {lanes.markers.map((m) => (
              <ListItem key={m.name}>
                {tm(m.message)} {m.time ? `${dateTime(m.time)} · ${relative(notFuture(m.time, now), now)}` : t('Time not recorded')}
              </ListItem>
            ))}
          </List>
        </>
      )}
      {lanes.unattributed > 0 && (
        <p className="pf-v6-u-mt-sm pf-v6-u-text-color-subtle">
          {t('{{count}} backups carry no hub id (made by hand or by an old release) and are not drawn.', { count: lanes.unattributed })}
        </p>
      )}
    </div>
  );
};
