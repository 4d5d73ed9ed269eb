/*
 * Rebuilds one projection from the event log into shadow tables and swaps them in.
 *
 *   npm run projections:rebuild -- <projection-name> [--registry <module>]
 *
 * The registry module (default: $PROJECTION_REGISTRY, else apps/api/src/projections/projection-registry.ts)
 * exports `projections` (Projection[] or a ProjectionRegistry), optionally `upcasters`, and optionally
 * `createDataSource()` (needed when projections use entities); otherwise DATABASE_URL is used.
 */
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import {
  runRebuild,
  type Projection,
  type ProjectionRegistry,
  type RebuildReport,
  type RunRebuildOptions,
  type Upcaster,
} from '@secondlook/event-store';

export interface ProjectionRegistryModule {
  projections: readonly Projection[] | ProjectionRegistry;
  upcasters?: Upcaster[];
  createDataSource?: () => DataSource | Promise<DataSource>;
}

/** `runRebuild` with a progress bar on stderr: done/total, events/s, ETA. */
export async function runRebuildWithProgress(
  dataSource: DataSource,
  projections: readonly Projection[] | ProjectionRegistry,
  name: string,
  options: Omit<RunRebuildOptions, 'onProgress'> & { progress?: boolean } = {},
): Promise<RebuildReport> {
  const draw = options.progress ?? process.stderr.isTTY;
  const bar = new SingleBar(
    {
      format: `${name} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted} | {phase}`,
      etaBuffer: 20,
      fps: 5,
      noTTYOutput: draw,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  try {
    return await runRebuild(dataSource, projections, name, {
      ...options,
      onProgress: ({ done, total, phase }) => {
        if (!draw) return;
        const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
        if (!barStarted) {
          bar.start(total, done, { rate, phase });
          barStarted = true;
        }
        bar.setTotal(total);
        bar.update(done, { rate, phase });
      },
    });
  } finally {
    if (barStarted) bar.stop();
  }
}

async function loadRegistry(modulePath: string): Promise<ProjectionRegistryModule> {
  // A plain path, not a file URL: under @swc-node/register this import() becomes require().
  const loaded = (await import(path.resolve(modulePath))) as Partial<ProjectionRegistryModule>;
  if (!loaded.projections) throw new Error(`${modulePath} does not export \`projections\``);
  return loaded as ProjectionRegistryModule;
}

async function main(argv: string[]): Promise<void> {
  const registryFlag = argv.indexOf('--registry');
  const registryPath =
    registryFlag >= 0
      ? argv[registryFlag + 1]
      : (process.env.PROJECTION_REGISTRY ?? 'apps/api/src/projections/projection-registry.ts');
  const name = argv.find((arg, i) => !arg.startsWith('--') && (registryFlag < 0 || i !== registryFlag + 1));
  if (!name) {
    console.error('usage: projections-rebuild <projection-name> [--registry <module>]');
    process.exitCode = 2;
    return;
  }
  const registry = await loadRegistry(registryPath);
  const dataSource = registry.createDataSource
    ? await registry.createDataSource()
    : new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  if (!dataSource.isInitialized) await dataSource.initialize();
  try {
    const report = await runRebuildWithProgress(dataSource, registry.projections, name, { upcasters: registry.upcasters });
    const seconds = report.durationMs / 1000;
    console.log(
      `Rebuilt ${report.projection}: ${report.events} events in ${seconds.toFixed(1)} s ` +
        `(${Math.round(report.events / Math.max(seconds, 0.001))} events/s), swapped in at position ${report.checkpoint.globalPosition}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
