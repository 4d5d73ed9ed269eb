import type { DataSource } from 'typeorm';
import { EventStore } from '../event-store';
import type { Projection } from '../projection.type';
import type { Upcaster } from '../upcaster.type';
import { rebuildProjection, type RebuildProgress, type RebuildReport } from './projection-rebuilder';
import { ProjectionRegistry } from './projection-registry';

export interface RunRebuildOptions {
  /** The same upcasters the live store uses, so the rebuild sees the same event shapes. */
  upcasters?: Upcaster[];
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/** The rebuild CLI's core: finds `name` in the app's projection list and rebuilds it. */
export async function runRebuild(
  dataSource: DataSource,
  projections: readonly Projection[] | ProjectionRegistry,
  name: string,
  options: RunRebuildOptions = {},
): Promise<RebuildReport> {
  const registry = projections instanceof ProjectionRegistry ? projections : new ProjectionRegistry(projections);
  const store = new EventStore(dataSource, { upcasters: options.upcasters });
  return rebuildProjection(store, registry.get(name), { batchSize: options.batchSize, onProgress: options.onProgress });
}
