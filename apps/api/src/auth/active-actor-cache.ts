import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, redisConnection } from '@secondlook/platform';
import Redis from 'ioredis';
import type { ActiveActor } from './sessions.service';

interface Entry {
  actor: ActiveActor;
  expiresAt: number;
}

/** What changed: one session signed out, or everything about one user (disabled, new role). */
export type ActorInvalidation = { sessionId: string } | { userId: string };

/**
 * Remembers for a moment (SESSION_CHECK_CACHE_MS) that a session was live, so a burst of
 * requests costs one PostgreSQL lookup instead of one each. Only positive answers are kept.
 * An invalidation drops the entries here at once and is published on Redis, so every other
 * replica drops them too; if Redis is down, the short lifetime bounds how long another
 * replica may still accept a signed-out session.
 */
@Injectable()
export class ActiveActorCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ActiveActorCache.name);
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: an answer read before one must not be remembered after it. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly channel: string;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlMs = config.SESSION_CHECK_CACHE_MS;
    this.channel = `${config.REDIS_PREFIX}:auth:invalidations`;
    const connection = redisConnection(config.REDIS_URL);
    // A sign-out must not hang on Redis: publish fails fast and the lifetime bound applies.
    this.publisher = new Redis({ ...connection, maxRetriesPerRequest: 1, connectTimeout: 1000, lazyConnect: true });
    this.subscriber = new Redis({ ...connection, lazyConnect: true });
  }

  async onModuleInit(): Promise<void> {
    if (this.ttlMs === 0) return;
    this.subscriber.on('message', (_channel: string, message: string) => this.dropLocally(parseInvalidation(message)));
    this.subscriber.on('error', () => undefined); // ioredis reconnects (and resubscribes) by itself
    this.publisher.on('error', () => undefined);
    // Not awaited: the subscriber waits for Redis indefinitely (and resubscribes after a reconnect),
    // and the api must start and serve while Redis is down; the cache lifetime bounds that gap.
    this.subscriber.subscribe(this.channel).catch((error: Error) => {
      this.logger.warn({ reason: error.message }, 'session-check cache: Redis unreachable, other replicas’ sign-outs apply after the cache lifetime');
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  get(userId: string, sessionId: string): ActiveActor | undefined {
    const entry = this.entries.get(keyOf(userId, sessionId));
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.actor;
    this.entries.delete(keyOf(userId, sessionId));
    return undefined;
  }

  /** Take before reading the session from PostgreSQL; hand back to `remember`. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Keeps a live answer, unless an invalidation arrived since it was read (it may predate the change). */
  remember(sessionId: string, actor: ActiveActor, readAtGeneration: number): void {
    if (this.ttlMs === 0 || readAtGeneration !== this.generation) return;
    // Expired entries are only ever read once more; an idle replica must not grow without bound.
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(keyOf(actor.id, sessionId), { actor, expiresAt: Date.now() + this.ttlMs });
  }

  /** Drops the entries on this replica now and tells the others. */
  async invalidate(change: ActorInvalidation): Promise<void> {
    this.dropLocally(change);
    if (this.ttlMs === 0) return;
    try {
      await this.publisher.publish(this.channel, JSON.stringify(change));
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'session-check cache: could not broadcast an invalidation');
    }
  }

  private dropLocally(change: ActorInvalidation | undefined): void {
    if (!change) return;
    this.generation++;
    for (const key of this.entries.keys()) {
      const [userId, sessionId] = key.split(' ');
      if (('userId' in change && change.userId === userId) || ('sessionId' in change && change.sessionId === sessionId)) this.entries.delete(key);
    }
  }
}

const keyOf = (userId: string, sessionId: string): string => `${userId} ${sessionId}`;

function parseInvalidation(message: string): ActorInvalidation | undefined {
  try {
    const parsed = JSON.parse(message) as Record<string, unknown>;
    if (typeof parsed.sessionId === 'string') return { sessionId: parsed.sessionId };
    if (typeof parsed.userId === 'string') return { userId: parsed.userId };
  } catch {
    // a malformed message changes nothing
  }
  return undefined;
}
