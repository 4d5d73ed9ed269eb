import type { Consumer } from '../consumers/consumer.type';
import type { Projection } from '../projection.type';

/** Checkpoint name of an async projection; the rebuild moves this checkpoint when it swaps tables. */
export function projectionConsumerName(projection: Pick<Projection, 'name'>): string {
  return `projection:${projection.name}`;
}

/** Feeds an async projection from the log through a checkpointed, leased consumer. */
export function projectionConsumer(projection: Projection): Consumer {
  return {
    name: projectionConsumerName(projection),
    batchSize: projection.batchSize,
    handle: (events, tx) => projection.apply(events, tx),
  };
}
