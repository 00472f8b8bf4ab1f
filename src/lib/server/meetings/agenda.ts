// What was said at a meeting: its agenda items (and the standing ones that come
// back), their minutes text, documents and tabling; decisions, action items and
// the notes on open matters. Validated, authorised, in one transaction, audited.
import { and, asc, desc, eq, inArray, lt, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	actionItem,
	actionItemNote,
	activity,
	agendaItem,
	agendaItemActivity,
	agendaItemDecision,
	agendaItemFile,
	decision,
	decisionActivity,
	meeting,
	meetingBody
} from '../db/schema/index.ts';
import { fieldError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import { requiredId, versionField } from '../../schemas/fields.ts';
import { actionItemInput, agendaItemInput, itemDecisionInput, minutesTextInput, openMatterInput } from '../../schemas/meetings.ts';
import { assertUnlocked, bodyIdsOf, itemForChange, meetingDate, meetingForChange } from './guards.ts';
import { openMattersAt } from './matters.ts';
import { storeFile } from '../mail/outbox.ts';

const versioned = z.object({ version: versionField });

/** The number after the meeting's last item. */
async function nextItemNumber(tx: Tx, meetingId: number) {
	const [{ last }] = await tx
		.select({ last: max(agendaItem.number) })
		.from(agendaItem)
		.where(eq(agendaItem.meetingId, meetingId));
	return (last ?? 0) + 1;
}

/** Standing items come back on every meeting: copied from the body's latest earlier meeting that had any. */
export async function carryStandingItems(tx: Tx, meetingId: number, startsAt: Date, bodyIds: number[]) {
	const [previous] = await tx
		.select({ id: meeting.id })
		.from(meeting)
		.where(
			and(
				lt(meeting.startsAt, startsAt),
				inArray(meeting.id, tx.select({ id: meetingBody.meetingId }).from(meetingBody).where(inArray(meetingBody.bodyId, bodyIds))),
				inArray(meeting.id, tx.select({ id: agendaItem.meetingId }).from(agendaItem).where(eq(agendaItem.standing, true)))
			)
		)
		.orderBy(desc(meeting.startsAt))
		.limit(1);
	if (!previous) return;
	const standing = await tx
		.select()
		.from(agendaItem)
		.where(and(eq(agendaItem.meetingId, previous.id), eq(agendaItem.standing, true)))
		.orderBy(asc(agendaItem.number));
	if (standing.length)
		await tx
			.insert(agendaItem)
			.values(standing.map((i, n) => ({ meetingId, number: n + 1, kind: i.kind, title: i.title, presenter: i.presenter, standing: true })));
}

// ---------------------------------------------------------------------------
// Agenda items.

async function linkActivities(tx: Tx, itemId: number, activityIds: number[]) {
	await tx.delete(agendaItemActivity).where(eq(agendaItemActivity.agendaItemId, itemId));
	if (activityIds.length === 0) return;
	const found = await tx.select({ id: activity.id }).from(activity).where(inArray(activity.id, activityIds));
	if (found.length !== new Set(activityIds).size) throw fieldError('activityIds', 'Aktiviteter: en vald aktivitet finns inte.');
	await tx.insert(agendaItemActivity).values([...new Set(activityIds)].map((activityId) => ({ agendaItemId: itemId, activityId })));
}

export async function addAgendaItem(db: Db, actor: Actor, meetingId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(agendaItemInput, input);
	return inTransaction(db, async (tx) => {
		await meetingForChange(tx, meetingId);
		await assertUnlocked(tx, meetingId);
		const [row] = await tx
			.insert(agendaItem)
			.values({
				meetingId,
				number: v.number ?? (await nextItemNumber(tx, meetingId)),
				title: v.title,
				kind: v.kind,
				presenter: v.presenter,
				standing: v.standing
			})
			.returning();
		await linkActivities(tx, row.id, v.activityIds);
		await writeAudit(tx, actor, {
			action: 'create',
			entity: 'agenda_item',
			entityId: row.id,
			after: { ...row, activityIds: v.activityIds }
		});
		return row;
	});
}

export async function updateAgendaItem(db: Db, actor: Actor, itemId: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versioned, input);
	const v = validate(agendaItemInput, input);
	return inTransaction(db, async (tx) => {
		const { item } = await itemForChange(tx, itemId);
		await assertUnlocked(tx, item.meetingId);
		const { before, after } = await updateVersioned(
			tx,
			agendaItem,
			itemId,
			version,
			{ number: v.number ?? item.number, title: v.title, kind: v.kind, presenter: v.presenter, standing: v.standing },
			'Punkten'
		);
		await linkActivities(tx, itemId, v.activityIds);
		await writeAudit(tx, actor, { action: 'update', entity: 'agenda_item', entityId: itemId, before, after });
		return after;
	});
}

/** The minutes text of one item. */
export async function saveMinutesText(db: Db, actor: Actor, itemId: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versioned, input);
	const v = validate(minutesTextInput, input);
	return inTransaction(db, async (tx) => {
		const { item } = await itemForChange(tx, itemId);
		await assertUnlocked(tx, item.meetingId);
		const { before, after } = await updateVersioned(tx, agendaItem, itemId, version, { minutesText: v.minutesText }, 'Punkten');
		await writeAudit(tx, actor, { action: 'write_minutes', entity: 'agenda_item', entityId: itemId, before, after });
		return after;
	});
}

/** Tables an item to a later meeting of the same body: a new item there, the trace kept both ways. */
export async function tableItem(db: Db, actor: Actor, itemId: number, input: unknown) {
	requireRole(actor, 'editor');
	const { toMeetingId } = validate(z.object({ toMeetingId: requiredId('Möte') }), input);
	return inTransaction(db, async (tx) => {
		const { item, meeting: from } = await itemForChange(tx, itemId);
		await assertUnlocked(tx, from.id);
		if (item.tabledToMeetingId) throw fieldError('toMeetingId', 'Punkten är redan bordlagd.');
		const to = await meetingForChange(tx, toMeetingId).catch(() => {
			throw fieldError('toMeetingId', 'Möte: mötet finns inte.');
		});
		if (to.startsAt <= from.startsAt) throw fieldError('toMeetingId', 'Möte: en punkt kan bara bordläggas till ett senare möte.');
		if (to.status === 'cancelled') throw fieldError('toMeetingId', 'Möte: mötet är inställt.');
		await assertUnlocked(tx, to.id);
		const number = await nextItemNumber(tx, to.id);
		const [moved] = await tx
			.insert(agendaItem)
			.values({
				meetingId: to.id,
				number,
				title: item.title,
				kind: item.kind,
				presenter: item.presenter,
				tabledFromItemId: item.id
			})
			.returning();
		const links = await tx.select().from(agendaItemActivity).where(eq(agendaItemActivity.agendaItemId, item.id));
		if (links.length) await tx.insert(agendaItemActivity).values(links.map((l) => ({ agendaItemId: moved.id, activityId: l.activityId })));
		await tx
			.update(agendaItem)
			.set({ tabledToMeetingId: to.id, version: sql`${agendaItem.version} + 1` })
			.where(eq(agendaItem.id, item.id));
		await writeAudit(tx, actor, {
			action: 'table',
			entity: 'agenda_item',
			entityId: item.id,
			before: item,
			after: { tabledToMeetingId: to.id, newItemId: moved.id }
		});
		return moved;
	});
}

// ---------------------------------------------------------------------------
// Decisions and action items.

/** A decision under an item: the body's, or the chair's alone. It concerns the item's activities too. */
export async function addDecision(db: Db, actor: Actor, itemId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(itemDecisionInput, input);
	return inTransaction(db, async (tx) => {
		const { item, meeting: m } = await itemForChange(tx, itemId);
		if (m.status === 'cancelled')
			throw fieldError('title', 'Beslut: mötet är inställt. Ett beslut kan inte fattas på en punkt i ett inställt möte.');
		await assertUnlocked(tx, m.id);
		const bodyIds = await bodyIdsOf(tx, m.id);
		const [made] = await tx
			.insert(decision)
			.values({
				decidedOn: meetingDate(m),
				decidedBy: v.chairDecision ? 'chair' : 'body',
				bodyId: bodyIds[0] ?? null,
				title: v.title,
				source: `Möte ${meetingDate(m)}, punkt ${item.number}`
			})
			.returning();
		const [{ n }] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(agendaItemDecision)
			.where(eq(agendaItemDecision.agendaItemId, itemId));
		await tx.insert(agendaItemDecision).values({ agendaItemId: itemId, decisionId: made.id, position: Number(n) });
		const links = await tx.select().from(agendaItemActivity).where(eq(agendaItemActivity.agendaItemId, itemId));
		if (links.length)
			await tx
				.insert(decisionActivity)
				.values(links.map((l) => ({ decisionId: made.id, activityId: l.activityId })))
				.onConflictDoNothing();
		await writeAudit(tx, actor, { action: 'create', entity: 'decision', entityId: made.id, after: { ...made, agendaItemId: itemId } });
		return made;
	});
}

export async function addActionItem(db: Db, actor: Actor, itemId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(actionItemInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { item, meeting: m } = await itemForChange(tx, itemId);
			await assertUnlocked(tx, m.id);
			const [row] = await tx
				.insert(actionItem)
				.values({ meetingId: m.id, agendaItemId: item.id, ...v })
				.returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'action_item', entityId: row.id, after: row });
			return row;
		},
		{ action_item_responsible_person_id_person_id_fk: ['responsiblePersonId', 'Ansvarig: personen finns inte.'] }
	);
}

/** A meeting's note on an open matter, and whether it closes it. */
export async function noteOpenMatter(db: Db, actor: Actor, meetingId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(openMatterInput, input);
	return inTransaction(db, async (tx) => {
		const m = await meetingForChange(tx, meetingId);
		await assertUnlocked(tx, meetingId);
		const offered = await openMattersAt(tx, { id: m.id, startsAt: m.startsAt, bodyIds: await bodyIdsOf(tx, m.id) });
		const matter = offered.find((o) => o.id === v.actionItemId);
		if (!matter) throw fieldError('actionItemId', 'Ärende: ärendet hör inte till de öppna ärendena från tidigare möten.');
		if (v.note) {
			await tx
				.insert(actionItemNote)
				.values({ actionItemId: v.actionItemId, meetingId, note: v.note })
				.onConflictDoUpdate({
					target: [actionItemNote.actionItemId, actionItemNote.meetingId],
					set: { note: v.note, updatedAt: sql`now()` }
				});
		} else {
			await tx.delete(actionItemNote).where(and(eq(actionItemNote.actionItemId, v.actionItemId), eq(actionItemNote.meetingId, meetingId)));
		}
		const closing = v.close && matter.closedAtMeetingId == null;
		const reopening = !v.close && matter.closedAtMeetingId === meetingId;
		if (closing || reopening) {
			await tx
				.update(actionItem)
				.set({
					closedAtMeetingId: closing ? meetingId : null,
					closedOn: closing ? meetingDate(m) : null,
					version: sql`${actionItem.version} + 1`,
					updatedAt: sql`now()`
				})
				.where(eq(actionItem.id, v.actionItemId));
		}
		await writeAudit(tx, actor, {
			action: closing ? 'close' : reopening ? 'reopen' : 'note',
			entity: 'action_item',
			entityId: v.actionItemId,
			before: { note: matter.note, closedAtMeetingId: matter.closedAtMeetingId },
			after: { meetingId, note: v.note, closed: v.close }
		});
		return { closed: v.close };
	});
}

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A document for an agenda item, stored in the database with its checksum; it goes out with the notice. */
export async function attachDocument(db: Db, actor: Actor, itemId: number, file: { name: string; type: string; bytes: Uint8Array } | null) {
	requireRole(actor, 'editor');
	if (!file || file.bytes.byteLength === 0 || !file.name) throw fieldError('file', 'Handling: välj en fil att ladda upp.');
	if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) throw fieldError('file', 'Handling: filen får vara högst 20 MB.');
	return inTransaction(db, async (tx) => {
		const { item } = await itemForChange(tx, itemId);
		await assertUnlocked(tx, item.meetingId);
		const fileId = await storeFile(tx, {
			name: file.name.slice(0, 200),
			mediaType: file.type || 'application/octet-stream',
			content: file.bytes
		});
		await tx.insert(agendaItemFile).values({ agendaItemId: itemId, fileId }).onConflictDoNothing();
		await writeAudit(tx, actor, {
			action: 'attach',
			entity: 'agenda_item',
			entityId: itemId,
			after: { fileId, name: file.name, size: file.bytes.byteLength }
		});
		return { fileId };
	});
}
