// Browsing the audit log: administrators only.
import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import type { Actor } from '../actor.ts';
import { requireRole } from '../service.ts';
import type { Page } from '../organisation/queries.ts';

export interface AuditFilter {
	entity?: string;
	entityId?: string;
	action?: string;
	accountId?: number;
	from?: string;
	to?: string;
}

export async function listAudit(db: Db, actor: Actor, f: AuditFilter, page: Page) {
	requireRole(actor, 'admin');
	const where = and(
		f.entity ? eq(auditLog.entity, f.entity) : undefined,
		f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
		f.action ? eq(auditLog.action, f.action) : undefined,
		f.accountId ? eq(auditLog.accountId, f.accountId) : undefined,
		f.from ? gte(auditLog.at, sql`(${f.from}::date)::timestamp at time zone 'Europe/Stockholm'`) : undefined,
		f.to ? lt(auditLog.at, sql`((${f.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`) : undefined
	);
	const [items, [{ total }]] = await Promise.all([
		db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(page.limit).offset(page.offset),
		db.select({ total: count() }).from(auditLog).where(where)
	]);
	return { items, total, ...page };
}

export async function auditEntities(db: Db) {
	const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
	return rows.map((r) => r.entity);
}
