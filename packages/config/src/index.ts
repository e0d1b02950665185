export { commonSettings, commonSettingsProblems, parseHostPort } from './common-settings.js';
export { ConfigError, loadConfig, loadConfigOrExit, resolveFileVariables } from './load-config.js';
