export { createLogger, type Logger, type LoggerSettings, redactedPaths } from './create-logger.js';
