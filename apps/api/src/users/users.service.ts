import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { ActiveActorCache } from '../auth/active-actor-cache';
import type { CreateUserBody, UpdateUserBody, UserAccount } from '@secondlook/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password-hasher.service';
import { normalizeEmail, toUserAccount, USER_COLUMNS, type UserRow } from './user-account';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly actors: ActiveActorCache,
  ) {}

  /** 409 when the email is taken; the unique index decides, so two racing creates cannot both win. */
  async create(body: CreateUserBody): Promise<UserAccount> {
    const created = await this.insert(body);
    if (!created) throw new ConflictException({ error: 'email-taken', message: 'A user with that email already exists' });
    return created;
  }

  /** The user, creating it when no user has that email yet (start-up and demo seeding). */
  async ensure(body: CreateUserBody): Promise<UserAccount> {
    const known = await this.findByEmail(body.email);
    if (known) return toUserAccount(known);
    const created = await this.insert(body);
    if (created) return created;
    const existing = await this.findByEmail(body.email);
    if (!existing) throw new Error('user vanished between insert and select');
    return toUserAccount(existing);
  }

  async list(): Promise<UserAccount[]> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(name), id`);
    return rows.map(toUserAccount);
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [normalizeEmail(email)]);
    return rows[0];
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0];
  }

  async update(id: string, changes: UpdateUserBody, actorId: string): Promise<UserAccount> {
    // An admin locking themselves out (or demoting themselves) is always a mistake.
    if (id === actorId && (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))) {
      throw new BadRequestException({ error: 'own-account', message: 'You cannot disable your own account or change your own role' });
    }
    // Wrapped in a CTE so the driver answers plain rows, as for a SELECT.
    const rows: UserRow[] = await this.dataSource.query(
      `WITH updated AS (
         UPDATE users
            SET role = coalesce($2, role),
                disabled_at = CASE WHEN $3::boolean IS NULL THEN disabled_at
                                   WHEN $3::boolean THEN coalesce(disabled_at, now())
                                   ELSE NULL END
          WHERE id = $1
          RETURNING ${USER_COLUMNS})
       SELECT * FROM updated`,
      [id, changes.role ?? null, changes.disabled ?? null],
    );
    const updated = rows[0];
    if (!updated) throw new NotFoundException({ error: 'user-not-found', message: 'No such user' });
    // Disabling ends every session at once, not at the next token expiry.
    if (changes.disabled === true) await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    await this.actors.invalidate({ userId: id });
    return toUserAccount(updated);
  }

  private async insert(body: CreateUserBody): Promise<UserAccount | undefined> {
    const hash = await this.hasher.hash(body.password);
    const rows: UserRow[] = await this.dataSource.query(
      `INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [randomUUID(), normalizeEmail(body.email), body.name.trim(), body.role, hash],
    );
    return rows[0] ? toUserAccount(rows[0]) : undefined;
  }
}
