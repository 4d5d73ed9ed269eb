import { ServiceUnavailableException } from '@nestjs/common';

/**
 * BullMQ's connections wait for Redis forever by design (workers must survive an
 * outage); an HTTP request must not. Past `ms`, the caller gets a 503.
 */
export async function withQueueTimeout<T>(work: Promise<T>, ms = 3000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ServiceUnavailableException({ error: 'queue-unavailable', message: 'The job queue is not reachable right now; try again shortly' })), ms);
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
