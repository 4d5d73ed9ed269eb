import type { StoredEvent } from './event.types';
import type { Upcaster } from './upcaster.type';

export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = UpcasterChain.key(upcaster.type, upcaster.fromVersion);
      // Two lifts of the same version would make the read shape depend on registration order.
      if (this.byKey.has(key)) {
        throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
      }
      this.byKey.set(key, upcaster);
    }
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  upcast(event: StoredEvent): StoredEvent {
    let current = event;
    for (;;) {
      const upcaster = this.byKey.get(UpcasterChain.key(current.type, current.schemaVersion));
      if (!upcaster) return current;
      current = { ...current, data: upcaster.upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
  }

  upcastAll(events: StoredEvent[]): StoredEvent[] {
    return this.isEmpty ? events : events.map((event) => this.upcast(event));
  }

  private static key(type: string, version: number): string {
    return `${type}\u0000${version}`;
  }
}
