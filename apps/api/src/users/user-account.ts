import type { Role, UserAccount } from '@secondlook/contracts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
  created_at: Date;
}

export const USER_COLUMNS = 'id, email, name, role, password_hash, disabled_at, created_at';

export function toUserAccount(row: UserRow): UserAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Emails are compared lower-cased and trimmed everywhere; the table enforces lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
