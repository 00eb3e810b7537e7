import { EmptyState, EmptyStateBody } from '@patternfly/react-core';

type SectionPlaceholderProps = {
  /** Already translated: what the admin will be able to do here. */
  headline: string;
  body: string;
};

/** Stands in for a section whose page is not built yet, saying what it will answer. */
export const SectionPlaceholder = ({ headline, body }: SectionPlaceholderProps) => (
  <EmptyState titleText={headline} headingLevel="h2" data-testid="section-placeholder">
    <EmptyStateBody>{body}</EmptyStateBody>
  </EmptyState>
);
