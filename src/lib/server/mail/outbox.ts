// Mail goes through a table: a change enqueues its messages in its own
// transaction, and any instance delivers them later, claiming each row with
// FOR UPDATE SKIP LOCKED, retrying with growing pauses, keeping the status.
import { createHash } from 'node:crypto';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { consultationNotice, consultationNoticeMail, outbox, outboxAttachment, storedFile } from '../db/schema/index.ts';
import { undeliverableReason } from '../../core/mail.ts';

export interface Attachment {
	name: string;
	mediaType: string;
	content: Uint8Array;
}

/** A text/calendar part (iMIP, RFC 6047): the calendar's METHOD and the iCalendar text. */
export interface CalendarPart {
	method: 'REQUEST' | 'CANCEL';
	content: string;
}

export interface OutgoingMail {
	kind: 'notice' | 'cancellation' | 'minutes' | 'reminder' | 'remiss' | 'agreement' | 'password';
	recipient: string;
	recipientName: string | null;
	subject: string;
	body: string;
	meetingId?: number | null;
	actionItemId?: number | null;
	attachments?: Attachment[];
	calendar?: CalendarPart | null;
	/** Extra header fields: Auto-Submitted on what a machine sends, List-Unsubscribe on a digest. */
	headers?: Record<string, string>;
}

export interface DeliverableMail {
	to: string;
	toName: string | null;
	subject: string;
	text: string;
	attachments: Attachment[];
	calendar: CalendarPart | null;
	headers: Record<string, string>;
}

/** RFC 3834: sent by a program, not a person; mail programs send no out-of-office reply to it. */
export const AUTO_SUBMITTED = { 'Auto-Submitted': 'auto-generated' } as const;

export type Send = (mail: DeliverableMail) => Promise<void>;

export const PASSWORD_BODY_SENT = '(Länken för att välja ett nytt lösenord togs bort när meddelandet skickats.)';

/** Pauses after the 1st, 2nd … failure; after the last one the message is marked failed. */
export const RETRY_MINUTES = [1, 5, 30, 120];

export const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Stores a file once per content and returns its id. */
export async function storeFile(tx: Tx, f: Attachment): Promise<number> {
	const hash = sha256(f.content);
	const [existing] = await tx
		.select({ id: storedFile.id })
		.from(storedFile)
		.where(and(eq(storedFile.sha256, hash), eq(storedFile.name, f.name)))
		.limit(1);
	if (existing) return existing.id;
	const [row] = await tx
		.insert(storedFile)
		.values({ name: f.name, mediaType: f.mediaType, size: f.content.byteLength, sha256: hash, content: f.content })
		.returning({ id: storedFile.id });
	return row.id;
}

/** Queues messages in the caller's transaction: they go only if the change commits. */
export async function enqueue(tx: Tx, createdBy: string, mails: OutgoingMail[]) {
	const ids: number[] = [];
	const fileIds = new Map<Attachment, number>();
	for (const m of mails) {
		const [row] = await tx
			.insert(outbox)
			.values({
				kind: m.kind,
				recipient: m.recipient,
				recipientName: m.recipientName,
				subject: m.subject,
				body: m.body,
				meetingId: m.meetingId ?? null,
				actionItemId: m.actionItemId ?? null,
				createdBy,
				calendar: m.calendar?.content ?? null,
				calendarMethod: m.calendar?.method ?? null,
				headers: m.headers ?? {}
			})
			.returning({ id: outbox.id });
		for (const a of m.attachments ?? []) {
			if (!fileIds.has(a)) fileIds.set(a, await storeFile(tx, a));
			await tx.insert(outboxAttachment).values({ outboxId: row.id, fileId: fileIds.get(a)! });
		}
		ids.push(row.id);
	}
	return ids;
}

/**
 * Delivers what is due, one message per transaction, until none is left or the
 * limit is reached. Another instance working at the same time skips the rows
 * this one holds.
 */
export async function deliverDue(db: Db, send: Send, limit = 50): Promise<{ sent: number; failed: number }> {
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < limit; i++) {
		const outcome = await db.transaction(async (tx) => {
			const [row] = await tx
				.select()
				.from(outbox)
				.where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)))
				.orderBy(asc(outbox.id))
				.limit(1)
				.for('update', { skipLocked: true });
			if (!row) return null;
			// Never handed to the mail server: marked as not delivered at once, with the reason, and not retried.
			const undeliverable = undeliverableReason(row.recipient);
			if (undeliverable) {
				await tx
					.update(outbox)
					.set({ status: 'failed', attempts: row.attempts + 1, lastError: undeliverable })
					.where(eq(outbox.id, row.id));
				return 'failed' as const;
			}
			const files = await tx
				.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content })
				.from(outboxAttachment)
				.innerJoin(storedFile, eq(storedFile.id, outboxAttachment.fileId))
				.where(eq(outboxAttachment.outboxId, row.id));
			try {
				await send({
					to: row.recipient,
					toName: row.recipientName,
					subject: row.subject,
					text: row.body,
					attachments: files,
					calendar: calendarOf(row),
					headers: row.headers
				});
				// A password link is kept only until it is sent: the table then holds no usable link.
				const body = row.kind === 'password' ? PASSWORD_BODY_SENT : row.body;
				await tx
					.update(outbox)
					.set({ status: 'sent', sentAt: sql`now()`, attempts: row.attempts + 1, lastError: null, body })
					.where(eq(outbox.id, row.id));
				return 'sent' as const;
			} catch (e) {
				const attempts = row.attempts + 1;
				const pause = RETRY_MINUTES[attempts - 1];
				await tx
					.update(outbox)
					.set({
						attempts,
						lastError: e instanceof Error ? e.message.slice(0, 500) : String(e),
						status: pause === undefined ? 'failed' : 'pending',
						nextAttemptAt: pause === undefined ? row.nextAttemptAt : sql`now() + make_interval(mins => ${pause})`
					})
					.where(eq(outbox.id, row.id));
				return 'failed' as const;
			}
		});
		if (outcome === null) break;
		if (outcome === 'sent') sent++;
		else failed++;
	}
	return { sent, failed };
}

export async function listOutbox(db: Db, f: { meetingId?: number; limit?: number } = {}) {
	return db
		.select({
			id: outbox.id,
			kind: outbox.kind,
			recipient: outbox.recipient,
			recipientName: outbox.recipientName,
			subject: outbox.subject,
			status: outbox.status,
			attempts: outbox.attempts,
			nextAttemptAt: outbox.nextAttemptAt,
			lastError: outbox.lastError,
			sentAt: outbox.sentAt,
			meetingId: outbox.meetingId,
			consultationId: consultationNotice.consultationId,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.leftJoin(consultationNoticeMail, eq(consultationNoticeMail.outboxId, outbox.id))
		.leftJoin(consultationNotice, eq(consultationNotice.id, consultationNoticeMail.noticeId))
		.where(f.meetingId ? eq(outbox.meetingId, f.meetingId) : undefined)
		.orderBy(sql`${outbox.id} desc`)
		.limit(f.limit ?? 200);
}

function calendarOf(row: { calendar: string | null; calendarMethod: string | null }): CalendarPart | null {
	if (row.calendar === null || row.calendarMethod === null) return null;
	return { method: row.calendarMethod as CalendarPart['method'], content: row.calendar };
}

/** One message as it was queued, for the outbox's viewer; a password link is never shown. */
export async function getOutboxMessage(db: Db, id: number) {
	const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
	if (!row) return null;
	const files = await db
		.select({ id: storedFile.id, name: storedFile.name, mediaType: storedFile.mediaType, size: storedFile.size })
		.from(outboxAttachment)
		.innerJoin(storedFile, eq(storedFile.id, outboxAttachment.fileId))
		.where(eq(outboxAttachment.outboxId, id))
		.orderBy(asc(storedFile.id));
	const body = row.kind === 'password' && row.status !== 'sent' ? PASSWORD_BODY_HIDDEN : row.body;
	return { ...row, body, attachments: files };
}

export const PASSWORD_BODY_HIDDEN = '(Meddelandet innehåller en personlig länk för att välja ett nytt lösenord och visas inte här.)';

/** An attachment of one message, only through that message. */
export async function getOutboxAttachment(db: Db, outboxId: number, fileId: number) {
	const [file] = await db
		.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content })
		.from(outboxAttachment)
		.innerJoin(storedFile, eq(storedFile.id, outboxAttachment.fileId))
		.where(and(eq(outboxAttachment.outboxId, outboxId), eq(outboxAttachment.fileId, fileId)));
	return file ?? null;
}

/** One message's state: what a retry reports back. */
export async function outboxState(db: Db, id: number) {
	const [row] = await db
		.select({ status: outbox.status, recipient: outbox.recipient, lastError: outbox.lastError })
		.from(outbox)
		.where(eq(outbox.id, id));
	return row ?? null;
}
