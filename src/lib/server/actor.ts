// Who is acting, and what their role lets them do. Deny by default.

export const ACCOUNT_ROLES = { admin: 'Administratör', editor: 'Redaktör (kansliet)', member: 'Medlem' } as const;
export type AccountRole = keyof typeof ACCOUNT_ROLES;

export interface Actor {
	accountId: number | null;
	name: string;
	role: AccountRole | 'public' | 'system';
	personId: number | null;
}

export const PUBLIC: Actor = { accountId: null, name: 'Allmänheten', role: 'public', personId: null };
export const SYSTEM: Actor = { accountId: null, name: 'System', role: 'system', personId: null };

const RANK = { public: 0, member: 1, editor: 2, admin: 3, system: 4 } as const;

export function hasRole(actor: Actor, least: keyof typeof RANK): boolean {
	return RANK[actor.role] >= RANK[least];
}
