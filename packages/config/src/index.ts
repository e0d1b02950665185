export { commonSettings, parseHostPort } from './common-settings.js';
export { ConfigError, loadConfig, resolveFileVariables } from './load-config.js';
