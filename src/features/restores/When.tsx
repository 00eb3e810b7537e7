import { Tooltip } from '@patternfly/react-core';
import { useFormatters } from '../../components/format';

/** A date in the user's language and time zone, with "3 hours ago" on hover and the ISO instant for machines. */
export const When = ({ date, now }: { date?: Date; now?: Date }) => {
  const { dateTime, relative } = useFormatters();
  if (!date) return <>—</>;
  return (
    <Tooltip content={relative(date, now)}>
      <time dateTime={date.toISOString()} tabIndex={0}>
        {dateTime(date)}
      </time>
    </Tooltip>
  );
};
