import type { ReactNode } from 'react';
import { DocumentTitle, ListPageHeader } from '@openshift-console/dynamic-plugin-sdk';
import { PageSection } from '@patternfly/react-core';
import { CollisionBanner } from './CollisionBanner';

type PluginPageProps = {
  /** Already translated. */
  title: string;
  /** Buttons shown at the right of the header. */
  actions?: ReactNode;
  children: ReactNode;
};

/**
 * The chrome every page of the plugin shares: document title, console header, body section, and
 * the backup-collision warning, which must be seen wherever the admin is.
 */
export const PluginPage = ({ title, actions, children }: PluginPageProps) => (
  <>
    <DocumentTitle>{title}</DocumentTitle>
    <ListPageHeader title={title}>{actions}</ListPageHeader>
    <PageSection>
      <CollisionBanner />
      {children}
    </PageSection>
  </>
);
