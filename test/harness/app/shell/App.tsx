import { Alert, Page, PageSidebar, PageSidebarBody } from '@patternfly/react-core';
import { Suspense } from 'react';
import { BrowserRouter, useLocation } from 'react-router-dom';
import { CompatRouter } from 'react-router-dom-v5-compat';
import { pluginState } from '../plugin/plugins';
import { useStore } from '../sdk/store';
import { HarnessMasthead } from './Masthead';
import { HarnessNav, PerspectiveSwitch } from './Nav';
import { PageErrorBoundary } from './PageErrorBoundary';
import { PerspectiveProvider } from './perspective';
import { Loading, PluginRoutes } from './PluginRoutes';

const PluginErrors = () => {
  const errors = useStore(pluginState, (s) => s.errors);
  return (
    <>
      {errors.map((error) => (
        <Alert key={error} variant="danger" isInline title="A console plugin failed to load" data-test="plugin-error">
          {error}
        </Alert>
      ))}
    </>
  );
};

const Content = () => {
  const { pathname } = useLocation();
  return (
    // A new page gets a fresh boundary, so one crashed page does not stick to the next.
    <PageErrorBoundary key={pathname}>
      <Suspense fallback={<Loading />}>
        <PluginRoutes />
      </Suspense>
    </PageErrorBoundary>
  );
};

const Sidebar = () => (
  <PageSidebar>
    <PageSidebarBody>
      <PerspectiveSwitch />
      <HarnessNav />
    </PageSidebarBody>
  </PageSidebar>
);

/** The console's frame: router (v5 with the v6 compatibility layer, as the console), masthead, nav, pages. */
export const App = () => (
  <BrowserRouter>
    <CompatRouter>
      <PerspectiveProvider>
        <Suspense fallback={<Loading />}>
          <Page masthead={<HarnessMasthead />} sidebar={<Sidebar />} isManagedSidebar>
            <PluginErrors />
            <Content />
          </Page>
        </Suspense>
      </PerspectiveProvider>
    </CompatRouter>
  </BrowserRouter>
);
