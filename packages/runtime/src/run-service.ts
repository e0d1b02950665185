// The life of a service process: start it, and on SIGTERM or SIGINT stop intake,
// let in-flight work finish and exit within a bound. A failed start or an
// unexpected error exits non-zero; uncommitted Kafka offsets mean nothing is lost.
export interface ServiceLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
  fatal(obj: object, msg: string): void;
}

export interface RunningService {
  /** Stops intake, finishes in-flight work, commits, closes connections. */
  stop(): Promise<void>;
}

export interface RunServiceSettings {
  logger: ServiceLogger;
  shutdownTimeoutMs: number;
  exit?: (code: number) => void;
}

/** Given to a starting service: ends the process with an error, stopping it in order first. */
export type FailService = (err: unknown) => void;

export async function runService(
  start: (fail: FailService) => Promise<RunningService>,
  settings: RunServiceSettings,
): Promise<void> {
  const { logger } = settings;
  const exit = settings.exit ?? ((code: number) => process.exit(code));
  let service: RunningService | undefined;
  let stopping = false;

  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'stopping');
    const timeout = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), settings.shutdownTimeoutMs).unref(),
    );
    try {
      const result = await Promise.race([service?.stop().then(() => 'stopped' as const), timeout]);
      if (result === 'timeout') {
        logger.error(
          { timeoutMs: settings.shutdownTimeoutMs },
          'stop took too long; exiting anyway',
        );
        exit(code || 1);
        return;
      }
      logger.info({}, 'stopped');
      exit(code);
    } catch (err) {
      logger.error({ err }, 'stop failed');
      exit(code || 1);
    }
  };

  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled rejection');
    void shutdown('unhandled rejection', 1);
  });

  const fail: FailService = (err) => {
    logger.fatal({ err }, 'cannot go on');
    void shutdown('fatal error', 1);
  };

  try {
    service = await start(fail);
    logger.info({}, 'started');
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    exit(1);
  }
}
