export { commonSettings, parseHostPort } from './common-settings.js';
export { ConfigError, loadConfig, loadConfigOrExit, resolveFileVariables } from './load-config.js';
