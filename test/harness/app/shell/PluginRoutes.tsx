import { isRoutePage } from '@openshift-console/dynamic-plugin-sdk/lib/extensions';
import type { RoutePage } from '@openshift-console/dynamic-plugin-sdk';
import type { LoadedExtension } from '@openshift-console/dynamic-plugin-sdk/lib/types';
import { Bullseye, EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core';
import { type ComponentType, lazy, type LazyExoticComponent, useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom-v5-compat';
import { pluginState } from '../plugin/plugins';
import { useActivePerspective } from '../sdk/console-state';
import { useExtensions } from '../sdk/extensions';
import { useStore } from '../sdk/store';
import { useLandingHref } from './Nav';

export const Loading = () => (
  <Bullseye className="harness-loading">
    <Spinner aria-label="Loading" />
  </Bullseye>
);

const pages = new Map<string, LazyExoticComponent<ComponentType>>();

/** One lazy component per route extension, resolved through its code reference on first use. */
const PluginPage = ({ extension }: { extension: LoadedExtension<RoutePage> }) => {
  let Page = pages.get(extension.uid);
  if (!Page) {
    const component = extension.properties.component as unknown as () => Promise<ComponentType>;
    Page = lazy(async () => ({ default: await component() }));
    pages.set(extension.uid, Page);
  }
  return <Page />;
};

/** A route of another perspective: switch to it and stay on the address, as the console does. */
const SwitchPerspective = ({ to }: { to: string }) => {
  const [, setPerspective] = useActivePerspective();
  useEffect(() => setPerspective(to), [setPerspective, to]);
  return <Loading />;
};

const NotFound = () => {
  const loading = useStore(pluginState, (s) => s.pending > 0);
  if (loading) return <Loading />;
  return (
    <EmptyState titleText="Page not found" headingLevel="h1" data-test="harness-not-found">
      <EmptyStateBody>No plugin route matches this address. Console pages outside the plugin are not part of the harness.</EmptyStateBody>
    </EmptyState>
  );
};

const Landing = () => {
  const href = useLandingHref();
  const loading = useStore(pluginState, (s) => s.pending > 0);
  if (href) return <Navigate to={href} replace />;
  return loading ? <Loading /> : <NotFound />;
};

/**
 * `console.page/route` extensions as the console renders them: react-router v6 routes (through
 * react-router-dom-v5-compat), `<path>/*` unless `exact`, so a page's nested `<Routes>` are relative
 * to its own path and `useParams()` sees the route's parameters.
 */
export const PluginRoutes = () => {
  const [perspective] = useActivePerspective();
  const routes = useExtensions(isRoutePage);
  return (
    <Routes>
      {routes.flatMap((extension) => {
        const { path, exact, perspective: own } = extension.properties;
        const active = !own || own === perspective;
        return (Array.isArray(path) ? path : [path]).map((p) => (
          <Route
            key={`${extension.uid}:${p}`}
            path={exact ? p : `${p.replace(/\/$/, '')}/*`}
            element={active ? <PluginPage extension={extension} /> : <SwitchPerspective to={own as string} />}
          />
        ));
      })}
      <Route path="/" element={<Landing />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
};
