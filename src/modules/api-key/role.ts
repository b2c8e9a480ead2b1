import { registerEnumType } from 'type-graphql';

/** What a key may do: ADMIN everything (keys included), EDITOR all content, PARTNER read only. */
export enum Role {
  PARTNER = 'PARTNER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, { name: 'Role' });

const RANK: Record<Role, number> = { [Role.PARTNER]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

/** True when `role` grants at least what `needed` grants (ADMIN ⊇ EDITOR ⊇ PARTNER). */
export function roleAtLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}
