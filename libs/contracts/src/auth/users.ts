import { z } from 'zod';
import { ROLES, type Role } from './session';

export const PASSWORD_MIN_LENGTH = 12;

export const createUserBodySchema = z.strictObject({
  email: z.email('must be an email address').max(254),
  name: z.string().trim().min(1, 'is required').max(100),
  role: z.enum(ROLES),
  password: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(256),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .strictObject({ disabled: z.boolean().optional(), role: z.enum(ROLES).optional() })
  .refine((body) => body.disabled !== undefined || body.role !== undefined, 'needs disabled or role');
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export interface UserAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  createdAt: string;
}

export interface UserList {
  items: UserAccount[];
}

/** `GET /api/staff`: who cases can be assigned to, for every signed-in role; no emails (minimum necessary). */
export interface StaffMember {
  id: string;
  name: string;
  role: 'coordinator' | 'advocate';
}

export interface StaffList {
  items: StaffMember[];
}
