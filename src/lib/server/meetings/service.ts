// Changes to meetings: planning, moving and cancelling one, attendance, the
// bodies' rules and requests for an extra meeting; what was said at them is in
// agenda.ts. Validated, authorised, in one transaction, audited.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { agendaItem, attendance, body, bodyRules, extraMeetingRequest, meeting, meetingBody, person } from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import {
	attendanceInput,
	bodyRulesInput,
	cancelInput,
	extraMeetingRequestInput,
	meetingInput,
	type MeetingInput
} from '../../schemas/meetings.ts';
import { stockholmToUtc } from '../../core/meetings.ts';
import { assertUnlocked, bodyIdsOf, isMemberOn, meetingDate, meetingForChange } from './guards.ts';
import { carryStandingItems } from './agenda.ts';
import { sendInvitationChange } from './notices.ts';

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
			// What a calendar holds: a change of any of these is sent to those who got the notice.
			const rescheduled =
				moved ||
				(values.endsAt?.getTime() ?? null) !== (current.endsAt?.getTime() ?? null) ||
				values.place !== current.place ||
				values.hostMunicipalityId !== current.hostMunicipalityId;
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
			if (rescheduled && after.status === 'planned') await sendInvitationChange(tx, actor, id, 'REQUEST');
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
		await sendInvitationChange(tx, actor, id, 'CANCEL');
		return after;
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
