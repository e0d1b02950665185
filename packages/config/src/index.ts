export {
  type ClientConfig,
  clientConfigSchema,
  commonSettings,
  commonSettingsProblems,
  parseHostPort,
} from './common-settings.js';
export {
  ConfigError,
  loadConfig,
  loadConfigOrExit,
  resolveFileVariables,
  schemaVariables,
} from './load-config.js';
