// Once a batch's transaction committed, its offset is final: the events are out.
// Remembering their ids (so an upstream repeat is not sent again) must not undo
// that by throwing, or kafkajs would deliver the batch again and publish it
// twice. So a Redis that is away is waited out, with the consumer's heartbeat
// kept, and only a consumer that is stopping gives up.
import pRetry from 'p-retry';

export interface RememberSettings {
  /** Keeps the consumer's group membership alive between tries. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping: then the ids are left unremembered. */
  isRunning(): boolean;
  onError(err: unknown): void;
  /** The longest wait between tries. */
  maxDelayMs?: number;
}

export async function rememberCommitted(
  remember: () => Promise<void>,
  settings: RememberSettings,
): Promise<boolean> {
  try {
    await pRetry(remember, {
      retries: Number.POSITIVE_INFINITY,
      minTimeout: 100,
      maxTimeout: settings.maxDelayMs ?? 5_000,
      onFailedAttempt: async ({ error }) => {
        settings.onError(error);
        await settings.heartbeat().catch(() => undefined);
      },
      shouldRetry: () => settings.isRunning(),
    });
    return true;
  } catch {
    return false;
  }
}
