import '@patternfly/react-core/dist/styles/base.css';
import './harness.css';
import { render } from 'react-dom';
import { initI18n } from './i18n';
import { followModelFlags, loadConsolePlugins } from './plugin/plugins';
import { startDiscovery } from './sdk/discovery';
import { App } from './shell/App';

// The console includes all of PatternFly's CSS (plugins bring none); component styles arrive with
// the components, the utility classes are loaded here.
const utilities = import.meta.webpackContext('@patternfly/react-styles/css/utilities', { recursive: true, regExp: /\.css$/, mode: 'sync' });
utilities.keys().forEach((key) => utilities(key));

void initI18n();
startDiscovery();
followModelFlags();
void loadConsolePlugins();

render(<App />, document.getElementById('app'));
