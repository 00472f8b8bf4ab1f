// Changes to meetings and what was said at them: planning, moving and
// cancelling a meeting; agenda items, decisions, action items, the open
// matters' notes, attendance; the bodies' rules and requests for an extra
// meeting. Validated, authorised, in one transaction, audited.
import { and, asc, desc, eq, inArray, isNull, lt, max, sql } from 'drizzle-orm';
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
	attendance,
	body,
	bodyRules,
	decision,
	decisionActivity,
	extraMeetingRequest,
	meeting,
	meetingBody,
	person
} from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import {
	actionItemInput,
	agendaItemInput,
	attendanceInput,
	bodyRulesInput,
	cancelInput,
	extraMeetingRequestInput,
	itemDecisionInput,
	meetingInput,
	minutesTextInput,
	openMatterInput,
	type MeetingInput
} from '../../schemas/meetings.ts';
import { stockholmToUtc } from '../../core/meetings.ts';
import { assertUnlocked, bodyIdsOf, isMemberOn, itemForChange, meetingDate, meetingForChange } from './guards.ts';
import { openMattersAt } from './queries.ts';
import { storeFile } from '../mail/outbox.ts';

const versioned = z.object({ version: versionField });

function timesOf(v: MeetingInput) {
	const startsAt = stockholmToUtc(v.date, v.start);
	const endsAt = v.end ? stockholmToUtc(v.endDate ?? v.date, v.end) : null;
	return { startsAt, endsAt };
}

async function assertBodies(tx: Tx, ids: number[]) {
	const found = await tx.select({ id: body.id }).from(body).where(inArray(body.id, ids));
	if (found.length !== new Set(ids).size) throw fieldError('bodyIds', 'Organ: ett valt organ finns inte.');
}

const meetingConstraints = {
	meeting_period: ['end', 'Sluttid: mötet kan inte sluta innan det börjar.'],
	meeting_host_municipality_id_municipality_id_fk: ['hostMunicipalityId', 'Värdkommun: kommunen finns inte.'],
	meeting_chair_person_id_person_id_fk: ['chairPersonId', 'Mötets ordförande: personen finns inte.']
} as const satisfies Record<string, [string, string]>;

function meetingValues(v: MeetingInput) {
	return {
		kind: v.kind,
		title: v.title,
		...timesOf(v),
		place: v.place,
		hostMunicipalityId: v.hostMunicipalityId,
		format: v.format,
		chairPersonId: v.chairPersonId,
		chairNote: v.chairNote,
		source: v.source
	};
}

/** Plans a meeting of one or several bodies. An extra meeting answers the open requests for one. */
export async function createMeeting(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(meetingInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await assertBodies(tx, v.bodyIds);
			const [row] = await tx.insert(meeting).values(meetingValues(v)).returning();
			await tx.insert(meetingBody).values(v.bodyIds.map((bodyId) => ({ meetingId: row.id, bodyId })));
			await carryStandingItems(tx, row.id, row.startsAt, v.bodyIds);
			if (v.kind === 'extra') {
				await tx
					.update(extraMeetingRequest)
					.set({ meetingId: row.id })
					.where(and(inArray(extraMeetingRequest.bodyId, v.bodyIds), isNull(extraMeetingRequest.meetingId)));
			}
			await writeAudit(tx, actor, { action: 'create', entity: 'meeting', entityId: row.id, after: { ...row, bodyIds: v.bodyIds } });
			return row;
		},
		meetingConstraints
	);
}

/** Standing items come back on every meeting: copied from the body's latest earlier meeting that had any. */
async function carryStandingItems(tx: Tx, meetingId: number, startsAt: Date, bodyIds: number[]) {
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

/** Edits a meeting; a new time on a meeting not yet held is a move, and the first planned time is kept. */
export async function updateMeeting(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versioned, input);
	const v = validate(meetingInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const current = await meetingForChange(tx, id);
			await assertBodies(tx, v.bodyIds);
			const values = meetingValues(v);
			const moved = values.startsAt.getTime() !== current.startsAt.getTime();
			const { before, after } = await updateVersioned(
				tx,
				meeting,
				id,
				version,
				{ ...values, movedFrom: moved ? (current.movedFrom ?? current.startsAt) : current.movedFrom },
				'Mötet'
			);
			await tx.delete(meetingBody).where(eq(meetingBody.meetingId, id));
			await tx.insert(meetingBody).values(v.bodyIds.map((bodyId) => ({ meetingId: id, bodyId })));
			await writeAudit(tx, actor, { action: moved ? 'move' : 'update', entity: 'meeting', entityId: id, before, after });
			return after;
		},
		meetingConstraints
	);
}

/** Cancels a meeting; the record stays, marked inställt. */
export async function cancelMeeting(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versioned, input);
	const v = validate(cancelInput, input);
	return inTransaction(db, async (tx) => {
		const current = await meetingForChange(tx, id);
		if (current.status === 'cancelled') throw fieldError('_', 'Mötet är redan inställt.');
		if (current.status === 'held') throw fieldError('_', 'Mötet är redan genomfört och kan inte ställas in.');
		const { before, after } = await updateVersioned(tx, meeting, id, version, { status: 'cancelled', statusNote: v.statusNote }, 'Mötet');
		await writeAudit(tx, actor, { action: 'cancel', entity: 'meeting', entityId: id, before, after });
		return after;
	});
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
		const [{ last }] = await tx
			.select({ last: max(agendaItem.number) })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, meetingId));
		const [row] = await tx
			.insert(agendaItem)
			.values({
				meetingId,
				number: v.number ?? (last ?? 0) + 1,
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
	const { toMeetingId } = validate(
		z.object({ toMeetingId: z.coerce.number({ error: 'Möte: välj ett senare möte.' }).int().positive() }),
		input
	);
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
		const [{ last }] = await tx
			.select({ last: max(agendaItem.number) })
			.from(agendaItem)
			.where(eq(agendaItem.meetingId, to.id));
		const [moved] = await tx
			.insert(agendaItem)
			.values({
				meetingId: to.id,
				number: (last ?? 0) + 1,
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

// ---------------------------------------------------------------------------
// Attendance.

/** Records one person's attendance; a non-member only as an invited guest. */
export async function recordAttendance(db: Db, actor: Actor, meetingId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(attendanceInput, input);
	return inTransaction(db, async (tx) => {
		const m = await meetingForChange(tx, meetingId);
		await assertUnlocked(tx, meetingId);
		const [who] = await tx.select({ id: person.id, name: person.name }).from(person).where(eq(person.id, v.personId));
		if (!who) throw fieldError('personId', 'Person: personen finns inte.');
		const bodyIds = await bodyIdsOf(tx, meetingId);
		if (!v.guest && !(await isMemberOn(tx, v.personId, bodyIds, meetingDate(m))))
			throw fieldError(
				'personId',
				`Person: ${who.name} är inte ledamot i mötets organ den dagen. Markera personen som inbjuden gäst om hen var inbjuden.`
			);
		if (v.onlyItems.length) {
			const numbers = new Set(
				(await tx.select({ n: agendaItem.number }).from(agendaItem).where(eq(agendaItem.meetingId, meetingId))).map((r) => r.n)
			);
			const missing = v.onlyItems.filter((n) => !numbers.has(n));
			if (missing.length) throw fieldError('onlyItems', `Endast punkt: mötet har ingen punkt ${missing.join(', ')}.`);
			if (v.status === 'absent') throw fieldError('onlyItems', 'Endast punkt: gäller bara den som är närvarande.');
		}
		const values = { status: v.status, guest: v.guest, onlyItems: v.onlyItems, role: v.role };
		const [before] = await tx
			.select()
			.from(attendance)
			.where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, v.personId)));
		const [row] = await tx
			.insert(attendance)
			.values({ meetingId, personId: v.personId, ...values })
			.onConflictDoUpdate({
				target: [attendance.meetingId, attendance.personId],
				set: { ...values, version: sql`${attendance.version} + 1`, updatedAt: sql`now()` }
			})
			.returning();
		await writeAudit(tx, actor, {
			action: before ? 'update' : 'create',
			entity: 'attendance',
			entityId: row.id,
			before: before ?? null,
			after: row
		});
		return row;
	});
}

export async function removeAttendance(db: Db, actor: Actor, attendanceId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const [row] = await tx.select().from(attendance).where(eq(attendance.id, attendanceId)).for('update');
		if (!row) throw new NotFoundError('Närvaroraden');
		await meetingForChange(tx, row.meetingId);
		await assertUnlocked(tx, row.meetingId);
		await tx.delete(attendance).where(eq(attendance.id, attendanceId));
		await writeAudit(tx, actor, { action: 'delete', entity: 'attendance', entityId: attendanceId, before: row });
	});
}

// ---------------------------------------------------------------------------
// The bodies' rules and requests for an extra meeting.

export async function saveBodyRules(db: Db, actor: Actor, bodyId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(bodyRulesInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [b] = await tx.select({ id: body.id }).from(body).where(eq(body.id, bodyId));
			if (!b) throw new NotFoundError('Organet');
			if (v.preparesForBodyId === bodyId) throw fieldError('preparesForBodyId', 'Förbereder möten för: välj ett annat organ.');
			const [before] = await tx.select().from(bodyRules).where(eq(bodyRules.bodyId, bodyId)).for('update');
			const [after] = await tx
				.insert(bodyRules)
				.values({ bodyId, ...v })
				.onConflictDoUpdate({ target: bodyRules.bodyId, set: { ...v, version: sql`${bodyRules.version} + 1`, updatedAt: sql`now()` } })
				.returning();
			await writeAudit(tx, actor, {
				action: before ? 'update' : 'create',
				entity: 'body_rules',
				entityId: bodyId,
				before: before ?? null,
				after
			});
			return after;
		},
		{ body_rules_prepares_for_body_id_body_id_fk: ['preparesForBodyId', 'Förbereder möten för: organet finns inte.'] }
	);
}

/**
 * A member asks for an extra meeting (the agreement's §4). A member records
 * their own request; the secretariat records one received by mail.
 */
export async function requestExtraMeeting(db: Db, actor: Actor, bodyId: number, input: unknown) {
	requireRole(actor, 'member');
	const v = validate(extraMeetingRequestInput, input);
	if (actor.role === 'member' && actor.personId !== v.personId)
		throw fieldError('personId', 'Ledamot: du kan bara begära extra möte i ditt eget namn.');
	return inTransaction(db, async (tx) => {
		const [rules] = await tx.select().from(bodyRules).where(eq(bodyRules.bodyId, bodyId));
		if (!rules?.extraMeetingThreshold) throw fieldError('_', 'Organet har ingen regel om extra möte på begäran av ledamöter.');
		if (!(await isMemberOn(tx, v.personId, [bodyId], v.requestedOn)))
			throw fieldError('personId', 'Ledamot: personen är inte ledamot i organet det datumet.');
		const [open] = await tx
			.select({ id: extraMeetingRequest.id })
			.from(extraMeetingRequest)
			.where(
				and(eq(extraMeetingRequest.bodyId, bodyId), eq(extraMeetingRequest.personId, v.personId), isNull(extraMeetingRequest.meetingId))
			);
		if (open) throw fieldError('personId', 'Ledamot: personen har redan en öppen begäran om extra möte.');
		const [row] = await tx
			.insert(extraMeetingRequest)
			.values({ bodyId, ...v })
			.returning();
		await writeAudit(tx, actor, { action: 'create', entity: 'extra_meeting_request', entityId: row.id, after: row });
		return row;
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
