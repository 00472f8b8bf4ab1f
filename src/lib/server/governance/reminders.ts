// Reminders and the weekly digest of the year's cycle, through the mail outbox
// to the secretariat: each reminder once per task, the digest once per week,
// whichever instance sends them.
import { and, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { SYSTEM } from '../actor.ts';
import { body, membership, person, task, taskDigest } from '../db/schema/index.ts';
import { writeAudit } from '../service.ts';
import { LATE_DAYS, addDays, reminderDue, taskState, weekStart } from '../../core/governance.ts';
import { formatDate } from '../../core/format.ts';
import { AUTO_SUBMITTED, enqueue, type OutgoingMail } from '../mail/outbox.ts';
import { listTasks, tasksQuery } from './cycle.ts';
import { digestOptOuts } from './digest.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

type Reader = Db | Tx;

/** The secretariat's addresses: the people with a membership in the secretariat body. */
export async function secretariatRecipients(db: Reader, today: string) {
	const rows = await db
		.selectDistinct({ id: person.id, name: person.name, email: person.email })
		.from(membership)
		.innerJoin(body, eq(body.id, membership.bodyId))
		.innerJoin(person, eq(person.id, membership.personId))
		.where(and(eq(body.kind, 'secretariat'), membershipHeldOn(today)));
	return rows.filter((r): r is { id: number; name: string; email: string } => !!r.email);
}

const line = (t: { title: string; dueOn: string; owner: string | null }) =>
	`- ${formatDate(t.dueOn)}: ${t.title}${t.owner ? ` (${t.owner})` : ''}`;

/**
 * Queues a reminder for each open task whose reminder window has opened, once:
 * the task is marked reminded in the same transaction, and rows are claimed
 * with SKIP LOCKED so two instances never remind twice.
 */
export async function sendReminders(db: Db, today: string, baseUrl = '') {
	return db.transaction(async (tx) => {
		const candidates = await tx
			.select({ id: task.id, dueOn: task.dueOn, doneOn: task.doneOn, remindedAt: task.remindedAt })
			.from(task)
			.where(
				and(
					isNull(task.doneOn),
					eq(task.doneUndated, false),
					isNull(task.remindedAt),
					gte(task.dueOn, today),
					lte(task.dueOn, addDays(today, 366))
				)
			)
			.for('update', { skipLocked: true });
		if (!candidates.length) return 0;
		const rows = await tasksQuery(tx).where(
			inArray(
				task.id,
				candidates.map((c) => c.id)
			)
		);
		const due = rows.filter((t) => reminderDue(t, t.remindDaysBefore, today));
		const to = await secretariatRecipients(tx, today);
		if (!due.length || !to.length) return 0;
		const mails: OutgoingMail[] = due.flatMap((t) =>
			to.map((r) => ({
				kind: 'reminder' as const,
				recipient: r.email,
				recipientName: r.name,
				subject: `Påminnelse: ${t.title} senast ${formatDate(t.dueOn)}`,
				body: `Hej!\n\nPåminnelse från årshjulet:\n\n${line(t)}\n\n${t.material ? `${t.material}\n\n` : ''}Se veckans uppgifter: ${baseUrl}/governance/week\n`,
				headers: { ...AUTO_SUBMITTED }
			}))
		);
		await enqueue(tx, SYSTEM.name, mails);
		await tx
			.update(task)
			.set({ remindedAt: new Date() })
			.where(
				inArray(
					task.id,
					due.map((t) => t.id)
				)
			);
		await writeAudit(tx, SYSTEM, { action: 'remind', entity: 'task', after: { tasks: due.map((t) => t.id), recipients: to.length } });
		return due.length;
	});
}

/**
 * A digest is machine-sent (RFC 3834) and says where to stop it (RFC 2369's
 * List-Unsubscribe, which wants an absolute URI: without ORIGIN there is none).
 */
export function digestHeaders(baseUrl: string): Record<string, string> {
	return /^https?:\/\//.test(baseUrl) ? { ...AUTO_SUBMITTED, 'List-Unsubscribe': `<${baseUrl}${DIGEST_SETTINGS}>` } : { ...AUTO_SUBMITTED };
}

/** Where a person of the secretariat turns the weekly digest off. */
export const DIGEST_SETTINGS = '/account#digest';

/**
 * The weekly digest to the secretariat: what is late, due this week and in the
 * next 30 days. Once per week: the week's row in task_digest is the lock.
 */
export async function sendWeeklyDigest(db: Db, today: string, baseUrl = '') {
	const monday = weekStart(today);
	return db.transaction(async (tx) => {
		const claimed = await tx.insert(taskDigest).values({ weekStart: monday, outboxCount: 0 }).onConflictDoNothing().returning();
		if (!claimed.length) return 0;
		const open = (await listTasks(tx, { open: true, from: addDays(today, -LATE_DAYS), to: addDays(today, 30) })).map((t) => ({
			...t,
			state: taskState(t, today)
		}));
		// Those who turned the digest off on their account page are left out.
		const off = await digestOptOuts(tx);
		const to = (await secretariatRecipients(tx, today)).filter((r) => !off.has(r.id));
		const section = (title: string, rows: typeof open) => (rows.length ? `${title}\n${rows.map(line).join('\n')}\n\n` : '');
		const text =
			section(
				'Försenat:',
				open.filter((t) => t.state === 'late')
			) +
				section(
					'Denna vecka:',
					open.filter((t) => t.state === 'this_week')
				) +
				section(
					'Inom 30 dagar:',
					open.filter((t) => t.state === 'soon')
				) || 'Inget förfaller de närmaste 30 dagarna.\n\n';
		const mails: OutgoingMail[] = to.map((r) => ({
			kind: 'reminder',
			recipient: r.email,
			recipientName: r.name,
			subject: `Veckans uppgifter, vecka från ${formatDate(monday)}`,
			body: `Hej!\n\nÅrshjulet denna vecka:\n\n${text}Se veckan: ${baseUrl}/governance/week\n`,
			headers: digestHeaders(baseUrl)
		}));
		await enqueue(tx, SYSTEM.name, mails);
		await tx.update(taskDigest).set({ outboxCount: mails.length }).where(eq(taskDigest.weekStart, monday));
		await writeAudit(tx, SYSTEM, { action: 'digest', entity: 'task', entityId: monday, after: { recipients: mails.length } });
		return mails.length;
	});
}
