import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type Consumer, ConsumerRunner, EventStore } from '@secondlook/event-store';

export const LOG_CONSUMERS = Symbol('LOG_CONSUMERS');

/**
 * Runs every log consumer of this process. Each worker replica starts them all;
 * the store's lease makes sure only one replica runs a given consumer at a time,
 * and another takes over from its checkpoint if that one dies.
 */
@Injectable()
export class LogConsumersService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(LogConsumersService.name);
  private runners: ConsumerRunner[] = [];

  constructor(
    private readonly eventStore: EventStore,
    @Inject(LOG_CONSUMERS) private readonly consumers: Consumer[],
  ) {}

  onApplicationBootstrap(): void {
    this.runners = this.consumers.map(
      (consumer) =>
        new ConsumerRunner(this.eventStore, consumer, {
          onError: (error, name) => this.logger.error({ err: error, consumer: name }, 'log consumer batch failed; retrying'),
        }),
    );
    for (const runner of this.runners) runner.start();
  }

  // Before the shutdown hooks that close the database pool: handing the leases back needs it, and a
  // lease left behind stalls every consumer until it expires (30 s) in the replica taking over.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
