export const ROLES = ['vpa', 'community', 'vpa_manager', 'client_manager', 'shift', 'admin', 'conny'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** German names for cards and messages. */
export const ROLE_LABELS: Record<Role, string> = {
  vpa: 'VPA',
  community: 'Community-Team',
  vpa_manager: 'VPA-Manager',
  client_manager: 'Kundenmanager',
  shift: 'Schicht',
  admin: 'Admin-Team',
  conny: 'Account Conny',
};

export const MANAGER_ROLES: readonly Role[] = ['vpa_manager', 'client_manager'];

/** The inactive-management account ("Account Conny"): exactly one person holds it (CONTRACT.md, Roles). */
export const CONNY_ROLE: Role = 'conny';
