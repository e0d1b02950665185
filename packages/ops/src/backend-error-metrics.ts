// Metrics every stage has under the same names, so one dashboard panel and one
// alert cover them all: Kafka and Redis errors, and dead letters by stage.
import { classifyKafkaError, isKafkaError, kafkaErrorCodes } from '@wire/kafka';
import { classifyRedisError } from '@wire/redis';
import { Counter, type Registry } from 'prom-client';

/** wire_dead_letters_total: the same name in every stage that dead-letters, with its stage. */
export function createDeadLetterCounter(registry: Registry): Counter<'stage' | 'reason'> {
  return new Counter({
    name: 'wire_dead_letters_total',
    help: 'Records written to wire.dlq.v1, by stage and reason code.',
    labelNames: ['stage', 'reason'],
    registers: [registry],
  });
}

export interface BackendErrorCounters {
  redis: Counter<'kind'>;
  /** Counts a failure by what raised it; other errors are not counted here. */
  record(err: unknown): void;
}

export function createBackendErrorCounters(registry: Registry): BackendErrorCounters {
  const kafka = new Counter({
    name: 'wire_kafka_errors_total',
    help: 'Kafka requests that failed, by code (KAFKA_UNAVAILABLE, KAFKA_REJECTED, KAFKA_TIMEOUT, KAFKA_DENIED).',
    labelNames: ['code'],
    registers: [registry],
  });
  const redis = new Counter({
    name: 'wire_redis_errors_total',
    help: 'Redis errors: connection (the client reconnects) or command (a command failed).',
    labelNames: ['kind'],
    registers: [registry],
  });
  // Every known series from the start, so rates work from the first scrape.
  for (const code of Object.keys(kafkaErrorCodes)) {
    kafka.inc({ code }, 0);
  }
  for (const kind of ['connection', 'command']) redis.inc({ kind }, 0);
  return {
    redis,
    record(err) {
      if (isKafkaError(err)) kafka.inc({ code: classifyKafkaError(err).code });
      else if (classifyRedisError(err) !== undefined) redis.inc({ kind: 'command' });
    },
  };
}
