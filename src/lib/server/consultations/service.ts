// Changing the consultations register: remisser, their response, their
// submission, the meetings and decisions behind them, and the priority objects.
// Each change is validated, authorised, in one transaction and audited.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	consultation,
	consultationDecision,
	consultationDrafter,
	consultationMeeting,
	consultationPriorityObject,
	decision,
	meeting,
	priorityObject
} from '../db/schema/index.ts';
import { ConflictError, fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, loadForUpdate, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import {
	chairDecisionInput,
	consultationInput,
	consultationMeetingInput,
	priorityObjectInput,
	submitInput,
	type ConsultationInput
} from '../../schemas/consultations.ts';
import { storeFile, type Attachment } from '../mail/outbox.ts';
import { sendRegistrarNotice } from './notices.ts';
import { createEntry, updateEntry, type Register } from '../register.ts';

/** PostgreSQL cuts names at 63 bytes, so the long foreign keys are matched by what it reports. */
export const pgNames = (fields: ConstraintFields): ConstraintFields =>
	Object.fromEntries(Object.entries(fields).map(([name, field]) => [name.slice(0, 63), field]));

export const consultationConstraints: ConstraintFields = pgNames({
	consultation_deadline_after_received: ['deadline', 'Sista svarsdag kan inte vara före datumet då remissen kom in.'],
	consultation_submitted_has_response: [
		'submittedOn',
		'Svaret kan inte markeras som skickat utan ett svarsdokument: ladda upp det eller skriv svaret först.'
	],
	consultation_not_joint_reason: ['notJointReason', 'Skriv varför samarbetet inte svarar gemensamt.'],
	consultation_issuer_id_organisation_id_fk: ['issuerId', 'Remittenten finns inte.'],
	consultation_working_group_id_body_id_fk: ['workingGroupId', 'Arbetsgruppen finns inte.'],
	consultation_drafter_person_id_person_id_fk: ['drafterIds', 'En vald skribent finns inte.'],
	consultation_priority_object_priority_object_id_priority_object_id_fk: ['priorityObjectIds', 'Ett valt prioriterat objekt finns inte.'],
	priority_object_name_unique: ['name', 'Det finns redan ett prioriterat objekt med det namnet.'],
	priority_object_decision_id_decision_id_fk: ['decisionId', 'Beslutet finns inte.']
});

const NO_RESPONSE = 'Svaret kan inte markeras som skickat utan ett svarsdokument: ladda upp det eller skriv svaret först.';

/** The columns of the remiss itself; the lists beside it are rows of their own. */
function columnsOf(v: ConsultationInput) {
	const { drafterIds: _d, priorityObjectIds: _p, ...columns } = v;
	return columns;
}

async function setLinks(tx: Tx, id: number, v: ConsultationInput) {
	await tx.delete(consultationDrafter).where(eq(consultationDrafter.consultationId, id));
	await tx.delete(consultationPriorityObject).where(eq(consultationPriorityObject.consultationId, id));
	const drafters = [...new Set(v.drafterIds)];
	const objects = [...new Set(v.priorityObjectIds)];
	if (drafters.length) await tx.insert(consultationDrafter).values(drafters.map((personId) => ({ consultationId: id, personId })));
	if (objects.length)
		await tx.insert(consultationPriorityObject).values(objects.map((priorityObjectId) => ({ consultationId: id, priorityObjectId })));
}

export async function createConsultation(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(consultationInput, input);
	if ((v.submittedOn || v.submittedYear !== null) && !v.responseText) throw fieldError('submittedOn', NO_RESPONSE);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(consultation).values(columnsOf(v)).returning();
			await setLinks(tx, row.id, v);
			await writeAudit(tx, actor, {
				action: 'create',
				entity: 'consultation',
				entityId: row.id,
				after: { ...row, drafterIds: v.drafterIds, priorityObjectIds: v.priorityObjectIds }
			});
			return row;
		},
		consultationConstraints
	);
}

export async function updateConsultation(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(consultationInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const current = await loadForUpdate(tx, consultation, id, 'Remissen');
			if ((v.submittedOn || v.submittedYear !== null) && !v.responseText && !current.responseFileId)
				throw fieldError('submittedOn', NO_RESPONSE);
			const { before, after } = await updateVersioned(tx, consultation, id, version, columnsOf(v), 'Remissen');
			await setLinks(tx, id, v);
			await writeAudit(tx, actor, {
				action: 'update',
				entity: 'consultation',
				entityId: id,
				before,
				after: { ...after, drafterIds: v.drafterIds, priorityObjectIds: v.priorityObjectIds }
			});
			return after;
		},
		consultationConstraints
	);
}

/** Largest response file accepted: a Word or PDF document, not an archive. */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

/** Stores the response document (Word, PDF …) and points the remiss to it; a new upload replaces the old. */
export async function uploadResponse(db: Db, actor: Actor, id: number, input: { version: unknown; file: Attachment | null }) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const file = input.file;
	if (!file || file.content.byteLength === 0) throw fieldError('file', 'Svarsdokument: välj en fil att ladda upp.');
	if (file.content.byteLength > MAX_RESPONSE_BYTES) throw fieldError('file', 'Svarsdokument: filen får vara högst 20 MB.');
	return inTransaction(db, async (tx) => {
		const fileId = await storeFile(tx, file);
		const current = await loadForUpdate(tx, consultation, id, 'Remissen');
		const status = current.status === 'watched' ? 'drafting' : current.status;
		const { before, after } = await updateVersioned(tx, consultation, id, version, { responseFileId: fileId, status }, 'Remissen');
		await writeAudit(tx, actor, {
			action: 'upload_response',
			entity: 'consultation',
			entityId: id,
			before: { responseFileId: before.responseFileId },
			after: { responseFileId: fileId, name: file.name, size: file.content.byteLength }
		});
		return after;
	});
}

/**
 * Marks the joint response as sent: it needs a response, and a remiss the
 * cooperation decided not to answer jointly has no joint response to send.
 * With notifyRegistrars the final text goes to every member municipality's registrar.
 */
export async function submitResponse(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(submitInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const current = await loadForUpdate(tx, consultation, id, 'Remissen');
			if (!current.responseText && !current.responseFileId) throw fieldError('submittedOn', NO_RESPONSE);
			if (current.answerJointly === 'no')
				throw fieldError('submittedOn', 'Samarbetet har beslutat att inte svara gemensamt på remissen; ändra det först.');
			if (current.receivedOn && v.submittedOn < (current.receivedOn as string))
				throw fieldError('submittedOn', 'Skickat datum kan inte vara före datumet då remissen kom in.');
			const { before, after } = await updateVersioned(
				tx,
				consultation,
				id,
				version,
				{
					submittedOn: v.submittedOn,
					submittedYear: Number(v.submittedOn.slice(0, 4)),
					submittedTo: v.submittedTo ?? current.submittedTo,
					status: 'answered',
					answerJointly: 'yes',
					writtenYear: current.writtenYear ?? Number(v.submittedOn.slice(0, 4))
				},
				'Remissen'
			);
			await writeAudit(tx, actor, { action: 'submit', entity: 'consultation', entityId: id, before, after });
			const notice = v.notifyRegistrars ? await sendRegistrarNotice(tx, actor, id, { stage: 'final', message: null }) : null;
			return { consultation: after, notice };
		},
		consultationConstraints
	);
}

async function assertExists(tx: Tx, id: number) {
	const [c] = await tx.select({ id: consultation.id }).from(consultation).where(eq(consultation.id, id));
	if (!c) throw new NotFoundError('Remissen');
}

export async function linkMeeting(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(consultationMeetingInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await assertExists(tx, id);
			const [m] = await tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.id, v.meetingId));
			if (!m) throw fieldError('meetingId', 'Mötet finns inte.');
			await tx
				.insert(consultationMeeting)
				.values({ consultationId: id, ...v })
				.onConflictDoUpdate({
					target: [consultationMeeting.consultationId, consultationMeeting.meetingId],
					set: { role: v.role, note: v.note }
				});
			await writeAudit(tx, actor, { action: 'link_meeting', entity: 'consultation', entityId: id, after: v });
		},
		consultationConstraints
	);
}

export async function unlinkMeeting(db: Db, actor: Actor, id: number, meetingId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const removed = await tx
			.delete(consultationMeeting)
			.where(and(eq(consultationMeeting.consultationId, id), eq(consultationMeeting.meetingId, meetingId)))
			.returning();
		if (removed.length === 0) throw new NotFoundError('Kopplingen till mötet');
		await writeAudit(tx, actor, { action: 'unlink_meeting', entity: 'consultation', entityId: id, before: removed[0] });
	});
}

/** The chair decides alone when the deadline falls before the next meeting; the decision is a record of its own. */
export async function addChairDecision(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(chairDecisionInput, input);
	return inTransaction(db, async (tx) => {
		await assertExists(tx, id);
		const [d] = await tx
			.insert(decision)
			.values({ decidedOn: v.decidedOn, decidedBy: 'chair', bodyId: v.bodyId, title: v.title, description: v.description })
			.returning();
		await tx.insert(consultationDecision).values({ consultationId: id, decisionId: d.id });
		await writeAudit(tx, actor, { action: 'create', entity: 'decision', entityId: d.id, after: d });
		await writeAudit(tx, actor, { action: 'link_decision', entity: 'consultation', entityId: id, after: { decisionId: d.id } });
		return d;
	});
}

export async function notifyRegistrars(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	return inTransaction(db, (tx) => sendRegistrarNotice(tx, actor, id, input));
}

/** Priority objects are one row each: the register's generic create and update serve them. */
export const priorityObjects: Register<typeof priorityObjectInput> = {
	entity: 'priority_object',
	what: 'Det prioriterade objektet',
	table: priorityObject,
	input: priorityObjectInput,
	constraints: consultationConstraints
};

export const createPriorityObject = (db: Db, actor: Actor, input: unknown) => createEntry(db, actor, priorityObjects, input);
export const updatePriorityObject = (db: Db, actor: Actor, id: number, input: unknown) =>
	updateEntry(db, actor, priorityObjects, id, input);

/** For the API's generic delete: a remiss registered by mistake, with nothing sent about it. */
export async function removeConsultation(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	return inTransaction(db, async (tx) => {
		const before = await loadForUpdate(tx, consultation, id, 'Remissen');
		if (before.version !== version) throw new ConflictError();
		const [{ n }] = await tx
			.execute<{ n: number }>(sql`select count(*)::int as n from consultation_notice where consultation_id = ${id}`)
			.then((r) => r.rows);
		if (n > 0)
			throw fieldError('_', 'Registratorerna har fått besked om remissen; den kan inte tas bort, bara markeras som att samarbetet avstår.');
		await tx.delete(consultation).where(eq(consultation.id, id));
		await writeAudit(tx, actor, { action: 'delete', entity: 'consultation', entityId: id, before });
	});
}
