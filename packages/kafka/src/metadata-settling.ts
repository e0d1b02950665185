// A broker just started, or a topic just created, can answer for a moment that it
// does not host a partition (UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE)
// while its metadata catches up: on a fresh machine the services subscribe to
// topics created a second before. A call that meets such a retriable answer is
// made again until it settles, within a bound; anything else is thrown at once.
import { setTimeout as sleep } from 'node:timers/promises';
import { classifyKafkaError } from './errors.js';

export async function whileMetadataSettles<T>(
  call: () => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      const classified = classifyKafkaError(err);
      if (!classified.retryable || Date.now() > deadline) throw classified;
      await sleep(500);
    }
  }
}
