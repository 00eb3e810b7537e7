import type { ComponentType } from 'react';
import { render, screen, within } from '@testing-library/react';
// Tests provide the router the console provides in production.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { MemoryRouter } from 'react-router-dom-v5-compat';
import extensions from '../../console-extensions.json';
import pkg from '../../package.json';
import { BackupScheduleModel, gvkOf, VeleroBackupModel } from '../k8s/models';
import { backupSet, HOUR, ME, mock, OTHER, schedule, seedCollision, seedHealthyPrimary } from './__fixtures__/hub';
import { PluginPage } from './PluginPage';

/** Every page the plugin contributes: each route's component, loaded the way the console loads it. */
const pageModules = (): [string, string][] => {
  const exposed = pkg.consolePlugin.exposedModules as Record<string, string>;
  const refs = new Set(
    (extensions as { type: string; properties: { component?: { $codeRef?: string } } }[])
      .filter((e) => e.type === 'console.page/route')
      .map((e) => e.properties.component?.$codeRef)
      .filter((r): r is string => Boolean(r)),
  );
  return [...refs].map((ref) => [ref, exposed[ref.split('.')[0]]]);
};

const loadPage = (modulePath: string): ComponentType => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`../${modulePath.replace(/^\.\//, '')}`) as { default: ComponentType };
  return mod.default;
};

const PAGE_URL: Record<string, string> = {
  OverviewPage: '/business-continuity/overview',
  SchedulesPage: '/business-continuity/schedules',
  RestoresPage: '/business-continuity/restores',
  ValidationPage: '/business-continuity/validation',
  VolSyncPage: '/business-continuity/volsync',
  PromotionPage: '/business-continuity/promotion',
};

const renderAt = (Page: ComponentType, url: string) =>
  render(
    <MemoryRouter initialEntries={[url]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Page />
    </MemoryRouter>,
  );

describe('the collision banner', () => {
  it('covers every routed page of the plugin', () => {
    const pages = pageModules().map(([ref]) => ref);
    expect(pages).toEqual(expect.arrayContaining(['OverviewPage', 'ValidationPage']));
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it.each(pageModules())('appears on %s when this hub is in BackupCollision', (ref, modulePath) => {
    seedCollision();
    const Page = loadPage(modulePath);
    renderAt(Page, PAGE_URL[ref] ?? '/business-continuity');
    const banner = screen.getByTestId('collision-banner');
    expect(within(banner).getByTestId('collision-this-hub')).toHaveTextContent(ME);
    expect(within(banner).getByTestId('collision-other-hubs')).toHaveTextContent(OTHER);
  });

  it.each(pageModules())('is absent from %s when no other hub writes to the storage', (ref, modulePath) => {
    seedHealthyPrimary();
    const Page = loadPage(modulePath);
    renderAt(Page, PAGE_URL[ref] ?? '/business-continuity');
    expect(screen.queryByTestId('collision-banner')).not.toBeInTheDocument();
  });

  it('names both hubs, when it started, the documented steps, and links to the collision view', () => {
    const { resourcesName } = seedCollision();
    renderAt(() => <PluginPage title="Any page">body</PluginPage>, '/business-continuity/volsync');
    const banner = screen.getByTestId('collision-banner');
    expect(banner).toHaveAttribute('data-collision-source', 'operator');
    expect(within(banner).getByTestId('collision-message')).toHaveTextContent(resourcesName);
    expect(within(banner).getByText('Since')).toBeInTheDocument();
    expect(within(banner).getByTestId('collision-steps').querySelectorAll('li').length).toBeGreaterThanOrEqual(3);
    expect(within(banner).getByTestId('collision-steps')).toHaveTextContent('BackupCollision');
    expect(within(banner).getByTestId('collision-view-link')).toHaveAttribute('href', '/business-continuity/overview/collision');
  });

  it('warns before the operator does, when the newest backup in storage comes from another hub', () => {
    seedHealthyPrimary({ backups: [...backupSet(2 * HOUR, ME), ...backupSet(HOUR, ME), ...backupSet(5 * 60_000, OTHER)] });
    renderAt(() => <PluginPage title="Any page">body</PluginPage>, '/business-continuity/schedules');
    expect(screen.getByTestId('collision-banner')).toHaveAttribute('data-collision-source', 'storage');
  });

  it('stays hidden while the schedules are still loading', () => {
    seedCollision();
    mock.setResources(gvkOf(BackupScheduleModel), [schedule('BackupCollision', { message: 'x' })], { loaded: false });
    renderAt(() => <PluginPage title="Any page">body</PluginPage>, '/business-continuity/volsync');
    expect(screen.queryByTestId('collision-banner')).not.toBeInTheDocument();
  });

  it('stays hidden while the backups are still loading, even with a foreign backup already seen', () => {
    seedHealthyPrimary();
    mock.setResources(gvkOf(VeleroBackupModel), backupSet(5 * 60_000, OTHER), { loaded: false });
    renderAt(() => <PluginPage title="Any page">body</PluginPage>, '/business-continuity/volsync');
    expect(screen.queryByTestId('collision-banner')).not.toBeInTheDocument();
  });
});
