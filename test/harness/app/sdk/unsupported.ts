import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

/**
 * SDK exports the harness does not implement. Each fails loudly, naming itself, the moment a
 * plugin calls or renders it, instead of an anonymous "undefined is not a function".
 * Several are deprecated (VirtualizedTable, ListPageFilter, useModal, YAMLEditor) and the plugin
 * must not use them anyway.
 */
const unsupported = <T,>(name: string): T =>
  (() => {
    throw new Error(`${name} from @openshift-console/dynamic-plugin-sdk is not implemented by the console harness`);
  }) as unknown as T;

export const ActionServiceProvider = unsupported<typeof SDK.ActionServiceProvider>('ActionServiceProvider');
export const CamelCaseWrap = unsupported<typeof SDK.CamelCaseWrap>('CamelCaseWrap');
export const CodeEditor = unsupported<typeof SDK.CodeEditor>('CodeEditor');
export const ErrorBoundaryFallbackPage = unsupported<typeof SDK.ErrorBoundaryFallbackPage>('ErrorBoundaryFallbackPage');
export const HorizontalNav = unsupported<typeof SDK.HorizontalNav>('HorizontalNav');
export const InventoryItem = unsupported<typeof SDK.InventoryItem>('InventoryItem');
export const InventoryItemBody = unsupported<typeof SDK.InventoryItemBody>('InventoryItemBody');
export const InventoryItemLoading = unsupported<typeof SDK.InventoryItemLoading>('InventoryItemLoading');
export const InventoryItemStatus = unsupported<typeof SDK.InventoryItemStatus>('InventoryItemStatus');
export const InventoryItemTitle = unsupported<typeof SDK.InventoryItemTitle>('InventoryItemTitle');
export const ListPageCreate = unsupported<typeof SDK.ListPageCreate>('ListPageCreate');
export const ListPageCreateButton = unsupported<typeof SDK.ListPageCreateButton>('ListPageCreateButton');
export const ListPageCreateDropdown = unsupported<typeof SDK.ListPageCreateDropdown>('ListPageCreateDropdown');
export const ListPageCreateLink = unsupported<typeof SDK.ListPageCreateLink>('ListPageCreateLink');
export const ListPageFilter = unsupported<typeof SDK.ListPageFilter>('ListPageFilter');
export const NamespaceBar = unsupported<typeof SDK.NamespaceBar>('NamespaceBar');
export const Overview = unsupported<typeof SDK.Overview>('Overview');
export const OverviewGrid = unsupported<typeof SDK.OverviewGrid>('OverviewGrid');
export const PopoverStatus = unsupported<typeof SDK.PopoverStatus>('PopoverStatus');
export const QueryBrowser = unsupported<typeof SDK.QueryBrowser>('QueryBrowser');
export const ResourceEventStream = unsupported<typeof SDK.ResourceEventStream>('ResourceEventStream');
export const ResourceStatus = unsupported<typeof SDK.ResourceStatus>('ResourceStatus');
export const ResourceYAMLEditor = unsupported<typeof SDK.ResourceYAMLEditor>('ResourceYAMLEditor');
export const StatusComponent = unsupported<typeof SDK.StatusComponent>('StatusComponent');
export const StatusPopupItem = unsupported<typeof SDK.StatusPopupItem>('StatusPopupItem');
export const StatusPopupSection = unsupported<typeof SDK.StatusPopupSection>('StatusPopupSection');
export const TableData = unsupported<typeof SDK.TableData>('TableData');
export const VirtualizedTable = unsupported<typeof SDK.VirtualizedTable>('VirtualizedTable');
export const YAMLEditor = unsupported<typeof SDK.YAMLEditor>('YAMLEditor');
export const useActiveColumns = unsupported<typeof SDK.useActiveColumns>('useActiveColumns');
export const useAnnotationsModal = unsupported<typeof SDK.useAnnotationsModal>('useAnnotationsModal');
export const useDeleteModal = unsupported<typeof SDK.useDeleteModal>('useDeleteModal');
export const useLabelsModal = unsupported<typeof SDK.useLabelsModal>('useLabelsModal');
export const useListPageFilter = unsupported<typeof SDK.useListPageFilter>('useListPageFilter');
export const useModal = unsupported<typeof SDK.useModal>('useModal');
export const usePrometheusPoll = unsupported<typeof SDK.usePrometheusPoll>('usePrometheusPoll');
export const useQuickStartContext = unsupported<typeof SDK.useQuickStartContext>('useQuickStartContext');
export const useSafetyFirst = unsupported<typeof SDK.useSafetyFirst>('useSafetyFirst');
