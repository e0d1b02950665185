// Counts Redis round trips the honest way: one per write to the socket. ioredis
// writes a single command, a pipeline or a MULTI/EXEC block in one write each,
// so a pipeline or a multi counts once however many commands it holds.
import type { Redis } from '@wire/redis';

export interface RoundTripCounter {
  readonly count: number;
  reset(): void;
}

export function countRoundTrips(redis: Redis): RoundTripCounter {
  const socket = (redis as unknown as { stream: { write: (...args: unknown[]) => boolean } })
    .stream;
  let count = 0;
  const write = socket.write.bind(socket);
  socket.write = (...args: unknown[]) => {
    count++;
    return write(...args);
  };
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
