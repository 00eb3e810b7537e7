import { useState, type ReactNode } from 'react';
import { Button } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  CircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InProgressIcon,
  InfoCircleIcon,
  PauseCircleIcon,
  QuestionCircleIcon,
} from '@patternfly/react-icons';
import { usePluginTranslation } from '../i18n';
import { useFormatters } from './format';
import type { Severity } from './SeverityLabel';
import './Timeline.css';

export type TimelineItem = {
  id: string;
  /** When it happened; entries without a time of their own are placed by the caller. */
  time?: Date;
  severity: Severity;
  /** Already translated. */
  title: ReactNode;
  /** Details under the title: explanations, what to check, links, commands. */
  body?: ReactNode;
  /** The entry that shows the current state, emphasised. */
  current?: boolean;
};

const MARKERS: Record<Severity, ReactNode> = {
  healthy: <CheckCircleIcon />,
  warning: <ExclamationTriangleIcon />,
  critical: <ExclamationCircleIcon />,
  unknown: <QuestionCircleIcon />,
  info: <InfoCircleIcon />,
  progress: <InProgressIcon />,
  paused: <PauseCircleIcon />,
};

const SEVERITY_WORDS = (t: (k: string) => string): Record<Severity, string> => ({
  healthy: t('Succeeded'),
  warning: t('Warning'),
  critical: t('Error'),
  unknown: t('Unknown'),
  info: t('Information'),
  progress: t('In progress'),
  paused: t('Paused'),
});

/**
 * A vertical list of what happened, in the order given (the caller sorts: the order of events
 * that share a second is domain knowledge). The marker's icon, not only its colour, carries the
 * severity, and screen readers hear it in words.
 */
type TimelineProps = {
  items: TimelineItem[];
  ariaLabel: string;
  emptyText?: string;
  /** Show only the newest entries at first (a long-running history has hundreds); the rest on demand. */
  visibleAtFirst?: number;
};

export const Timeline = ({ items, ariaLabel, emptyText, visibleAtFirst }: TimelineProps) => {
  const { t } = usePluginTranslation();
  const { dateTime, relative } = useFormatters();
  const [showAll, setShowAll] = useState(false);
  const words = SEVERITY_WORDS(t);
  if (items.length === 0) return <p>{emptyText ?? t('Nothing has happened yet.')}</p>;
  const hidden = !showAll && visibleAtFirst !== undefined ? Math.max(0, items.length - visibleAtFirst) : 0;
  return (
    <>
      {hidden > 0 && (
        <Button variant="link" isInline onClick={() => setShowAll(true)} className="pf-v6-u-mb-md" data-testid="timeline-show-earlier">
          {t('Show {{count}} earlier entries', { count: hidden })}
        </Button>
      )}
      <ol className="bc-timeline" aria-label={ariaLabel} data-testid="timeline">
        {items.slice(hidden).map((item) => (
          <li
            key={item.id}
            className={`bc-timeline__item${item.current ? ' bc-timeline__item--current' : ''}`}
            data-testid="timeline-item"
            data-severity={item.severity}
            data-entry-id={item.id}
          >
            <span className={`bc-timeline__marker bc-timeline__marker--${item.severity}`} role="img" aria-label={words[item.severity]}>
              {MARKERS[item.severity] ?? <CircleIcon />}
            </span>
            <div className="bc-timeline__body">
              <div className="bc-timeline__time">
                {item.time ? (
                  <time dateTime={item.time.toISOString()} title={item.time.toISOString()}>
                    {dateTime(item.time)} · {relative(item.time)}
                  </time>
                ) : item.current ? (
                  t('Current status')
                ) : (
                  t('Time not recorded')
                )}
              </div>
              <div className="bc-timeline__title">{item.title}</div>
              {item.body}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
};
