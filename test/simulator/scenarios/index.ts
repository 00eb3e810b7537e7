/**
 * The named hub states the simulator can start from (see `catalog.ts`), and the ids and names
 * a UI test can rely on.
 */
export { SCENARIOS, type Scenario, type ScenarioOptions } from './catalog';
export { OLD_PRIMARY_HUB_ID, PRIMARY_HUB_ID, SOURCE_HUB_ID, THIS_HUB_CLUSTERS, THIS_HUB_ID, LARGE_FLEET_SIZE } from '../operator/inventory';
export { BSL_NAME, DPA_NAME } from '../operator/objects';
export { LARGE_HUB_EVENTS } from './large-hub';
