import { useState, type ReactNode } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';

type Option = { value: string; label: ReactNode; description?: ReactNode };

type CheckboxSelectProps = {
  /** Already translated. */
  label: string;
  options: Option[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  testId?: string;
};

/** A multi-choice filter: a toggle with the count of ticked options and a checkbox list. */
export const CheckboxSelect = ({ label, options, selected, onToggle, testId }: CheckboxSelectProps) => {
  const [open, setOpen] = useState(false);
  return (
    <Select
      role="menu"
      isOpen={open}
      selected={selected as string[]}
      onSelect={(_e, value) => onToggle(String(value))}
      onOpenChange={setOpen}
      // Options such as hub ids are long: the menu stays inside the page instead of widening it.
      popperProps={{ preventOverflow: true, maxWidth: '32rem' }}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen((o) => !o)}
          isExpanded={open}
          badge={selected.length > 0 ? <Badge isRead>{selected.length}</Badge> : undefined}
          data-testid={testId}
        >
          {label}
        </MenuToggle>
      )}
    >
      <SelectList>
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value} hasCheckbox isSelected={selected.includes(o.value)} description={o.description}>
            {o.label}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
