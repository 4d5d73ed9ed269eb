import type { Projection } from '../projection.type';
import { ProjectionRegistry } from './projection-registry';

const projection = (name: string, mode: Projection['mode'], tables: string[]): Projection => ({
  name,
  mode,
  tables,
  apply: async () => undefined,
});

describe('ProjectionRegistry', () => {
  it('splits inline from async projections and finds them by name', () => {
    const registry = new ProjectionRegistry([projection('cases', 'inline', ['case_summaries']), projection('counts', 'async', ['counts'])]);
    expect(registry.inline().map((p) => p.name)).toEqual(['cases']);
    expect(registry.async().map((p) => p.name)).toEqual(['counts']);
    expect(registry.get('counts').tables).toEqual(['counts']);
    expect(() => registry.get('nope')).toThrow(/Unknown projection nope; known: cases, counts/);
  });

  it('refuses duplicate names and shared tables', () => {
    const registry = new ProjectionRegistry([projection('cases', 'inline', ['case_summaries'])]);
    expect(() => registry.register(projection('cases', 'async', ['other']))).toThrow(/twice/);
    expect(() => registry.register(projection('more', 'async', ['case_summaries']))).toThrow(/shares a table/);
  });
});
