// At most N requests at a time to one host, whatever the number of its feeds:
// politeness towards an agency that publishes fifty section feeds.
export interface HostLimiter {
  run<T>(host: string, work: () => Promise<T>): Promise<T>;
}

export function createHostLimiter(perHost: number): HostLimiter {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  const release = (host: string) => {
    const next = waiting.get(host)?.shift();
    if (next) return next();
    const count = (active.get(host) ?? 1) - 1;
    if (count === 0) active.delete(host);
    else active.set(host, count);
  };
  return {
    async run(host, work) {
      if ((active.get(host) ?? 0) < perHost) {
        active.set(host, (active.get(host) ?? 0) + 1);
      } else {
        // The releasing request hands its slot over: the count stays the same.
        await new Promise<void>((resolve) => {
          const queue = waiting.get(host) ?? [];
          queue.push(resolve);
          waiting.set(host, queue);
        });
      }
      try {
        return await work();
      } finally {
        release(host);
      }
    },
  };
}
