// At most N of something at a time: here, files open at once. Opening every attachment together
// ran out of file descriptors (EMFILE) at macOS's default of 256 with 320 attachments.

/** Attachments (and item files) read at the same time. */
export const MAX_OPEN_FILES = 8;

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs the tasks given to it with at most `limit` running at once, in the order given. */
export function createLimiter(limit: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** `fn` over `items` with at most `limit` at a time, results in order. */
export function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const run = createLimiter(limit);
  return Promise.all(items.map((item) => run(() => fn(item))));
}
