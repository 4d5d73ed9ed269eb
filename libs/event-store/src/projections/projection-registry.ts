import type { Projection } from '../projection.type';

/**
 * The one list of projections that the api (inline ones, into EventStore), the worker (async ones,
 * into ConsumerRunners) and the rebuild CLI share, so a rebuild always runs the live definition.
 */
export class ProjectionRegistry {
  private readonly byName = new Map<string, Projection>();

  constructor(projections: readonly Projection[] = []) {
    for (const projection of projections) this.register(projection);
  }

  register(projection: Projection): this {
    if (this.byName.has(projection.name)) throw new Error(`Projection ${projection.name} is registered twice`);
    const qualified = (p: Projection) => p.tables.map((table) => `${p.tableSchema ?? 'public'}.${table}`);
    const owners = this.all().filter((other) => qualified(other).some((table) => qualified(projection).includes(table)));
    // A table rebuilt by one projection would wipe what another wrote into it.
    if (owners.length > 0) throw new Error(`Projection ${projection.name} shares a table with ${owners[0].name}`);
    this.byName.set(projection.name, projection);
    return this;
  }

  get(name: string): Projection {
    const projection = this.byName.get(name);
    if (!projection) throw new Error(`Unknown projection ${name}; known: ${[...this.byName.keys()].join(', ') || 'none'}`);
    return projection;
  }

  all(): Projection[] {
    return [...this.byName.values()];
  }

  inline(): Projection[] {
    return this.all().filter((projection) => projection.mode === 'inline');
  }

  async(): Projection[] {
    return this.all().filter((projection) => projection.mode === 'async');
  }
}
