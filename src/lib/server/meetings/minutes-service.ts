// The minutes' life: who writes and who adjusts them; the secretary's and the
// adjuster's approval, which locks them; a new version with a reason; and the
// delivery to every municipality through its registrar (the agreement's §3).
import { namesInWords } from '../../core/mail.ts';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { SYSTEM, hasRole, type Actor } from '../actor.ts';
import { meeting, minutes } from '../db/schema/index.ts';
import { fieldError, ForbiddenError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { minutesPeopleInput, newMinutesVersionInput } from '../../schemas/meetings.ts';
import { formatDate, todayIso } from '../../core/format.ts';
import type { MeetingDocument } from '../../core/meetings.ts';
import { getCooperation, memberRegistrars } from '../organisation/queries.ts';
import { assertUnlocked, currentMinutes, meetingDate, meetingForChange } from './guards.ts';
import { getMeeting } from './queries.ts';
import { documentOf } from './document.ts';
import { enqueue } from '../mail/outbox.ts';
import { meetingPdf } from '../documents/meeting-pdf.ts';

export async function setMinutesPeople(db: Db, actor: Actor, meetingId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(minutesPeopleInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await meetingForChange(tx, meetingId);
			const current = await assertUnlocked(tx, meetingId);
			const values = {
				secretaryPersonId: v.secretaryPersonId,
				adjusterPersonId: v.adjusterPersonId,
				// Approvals were given to the old pair; a new pair approves anew.
				secretaryApprovedAt: null,
				secretaryApprovedBy: null,
				adjusterApprovedAt: null,
				adjusterApprovedBy: null
			};
			const [after] = current
				? await tx.update(minutes).set(values).where(eq(minutes.id, current.id)).returning()
				: await tx
						.insert(minutes)
						.values({ meetingId, version: 1, ...values })
						.returning();
			await writeAudit(tx, actor, { action: current ? 'update' : 'create', entity: 'minutes', entityId: after.id, before: current, after });
			return after;
		},
		{
			minutes_secretary_person_id_person_id_fk: ['secretaryPersonId', 'Vid anteckningarna: personen finns inte.'],
			minutes_adjuster_person_id_person_id_fk: ['adjusterPersonId', 'Justerare: personen finns inte.']
		}
	);
}

async function snapshotOf(tx: Tx, meetingId: number, version: number, reason: string | null, adjustedOn: string): Promise<MeetingDocument> {
	const detail = await getMeeting(tx, SYSTEM, meetingId);
	const coop = await getCooperation(tx);
	const doc = documentOf(detail, coop?.name ?? '', 'minutes');
	return {
		...doc,
		versionNote: `Justerade ${formatDate(adjustedOn)}${version > 1 ? `. Version ${version}${reason ? `, ändrad: ${reason}` : ''}` : ''}.`
	};
}

/**
 * The secretary's or the adjuster's approval. When both have approved, the
 * minutes are adjusted: locked, and their text frozen as this version.
 */
export async function approveMinutes(db: Db, actor: Actor, meetingId: number, as: 'secretary' | 'adjuster') {
	requireRole(actor, 'member');
	return inTransaction(db, async (tx) => {
		const m = await meetingForChange(tx, meetingId);
		if (m.status === 'cancelled') throw fieldError('_', 'Mötet är inställt och har inga anteckningar att justera.');
		const current = await currentMinutes(tx, meetingId);
		if (current && current.status !== 'draft')
			throw fieldError('_', `Anteckningarna är redan justerade (version ${current.version}). De kan inte justeras en gång till.`);
		if (!current?.secretaryPersonId || !current.adjusterPersonId)
			throw fieldError('adjusterPersonId', 'Justerare: välj vem som för anteckningarna och vem som justerar innan de godkänns.');
		const personId = as === 'secretary' ? current.secretaryPersonId : current.adjusterPersonId;
		if (!hasRole(actor, 'editor') && actor.personId !== personId) throw new ForbiddenError();
		if (as === 'secretary' ? current.secretaryApprovedAt : current.adjusterApprovedAt)
			throw fieldError(
				'_',
				as === 'secretary' ? 'Sekreteraren har redan godkänt anteckningarna.' : 'Justeraren har redan godkänt anteckningarna.'
			);
		const now = new Date();
		const approval =
			as === 'secretary'
				? { secretaryApprovedAt: now, secretaryApprovedBy: actor.name }
				: { adjusterApprovedAt: now, adjusterApprovedBy: actor.name };
		const both = as === 'secretary' ? current.adjusterApprovedAt : current.secretaryApprovedAt;
		const adjusted = both
			? { status: 'adjusted', adjustedAt: now, snapshot: await snapshotOf(tx, meetingId, current.version, current.reason, todayIso(now)) }
			: {};
		const [after] = await tx
			.update(minutes)
			.set({ ...approval, ...adjusted, rowVersion: sql`${minutes.rowVersion} + 1` })
			.where(eq(minutes.id, current.id))
			.returning();
		if (both && m.status === 'planned')
			await tx
				.update(meeting)
				.set({ status: 'held', version: sql`${meeting.version} + 1` })
				.where(eq(meeting.id, meetingId));
		await writeAudit(tx, actor, {
			action: both ? 'adjust' : `approve_${as}`,
			entity: 'minutes',
			entityId: current.id,
			before: { ...current, snapshot: undefined },
			after: { ...after, snapshot: undefined }
		});
		return after;
	});
}

/** Adjusted minutes change only as a new version, with the reason; the old one stays readable. */
export async function openNewMinutesVersion(db: Db, actor: Actor, meetingId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(newMinutesVersionInput, input);
	return inTransaction(db, async (tx) => {
		await meetingForChange(tx, meetingId);
		const current = await currentMinutes(tx, meetingId);
		if (!current || current.status === 'draft')
			throw fieldError('reason', 'Anledning till ändringen: anteckningarna är inte justerade än och kan ändras direkt.');
		const [after] = await tx
			.insert(minutes)
			.values({
				meetingId,
				version: current.version + 1,
				reason: v.reason,
				secretaryPersonId: current.secretaryPersonId,
				adjusterPersonId: current.adjusterPersonId
			})
			.returning();
		await writeAudit(tx, actor, { action: 'new_version', entity: 'minutes', entityId: after.id, after });
		return after;
	});
}

/** Delivers the adjusted minutes to every member municipality, as PDF, through the outbox. */
export async function distributeMinutes(db: Db, actor: Actor, meetingId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const m = await meetingForChange(tx, meetingId);
		const current = await currentMinutes(tx, meetingId);
		if (!current || current.status === 'draft') throw fieldError('_', 'Anteckningarna måste justeras innan de delges kommunerna.');
		if (current.status === 'distributed')
			throw fieldError('_', `Version ${current.version} av anteckningarna är redan delgiven kommunerna.`);
		const to = await memberRegistrars(tx, todayIso());
		const reachable = to.filter((r) => r.email);
		if (to.length === 0) throw fieldError('_', 'Inga kommuner är medlemmar i dag; anteckningarna delgavs inte.');
		if (reachable.length === 0)
			throw fieldError(
				'_',
				`Ingen av medlemskommunerna har en registratorsadress: ${namesInWords(to.map((r) => r.name))}. Fyll i adresserna under Organisation → Kommuner; anteckningarna delgavs inte.`
			);
		const doc = current.snapshot as MeetingDocument;
		const pdf = await meetingPdf(doc);
		const date = meetingDate(m);
		const attachment = { name: `minnesanteckningar-${date}-v${current.version}.pdf`, mediaType: 'application/pdf', content: pdf };
		await enqueue(
			tx,
			actor.name,
			reachable.map((r) => ({
				kind: 'minutes' as const,
				recipient: r.email!,
				recipientName: `Registrator, ${r.name}`,
				subject: doc.title,
				body: `Hej,\n\nHär kommer ${doc.title.charAt(0).toLowerCase()}${doc.title.slice(1)}, ${doc.when.charAt(0).toLowerCase()}${doc.when.slice(1)}, för diarieföring${current.version > 1 ? ` (version ${current.version}: ${current.reason})` : ''}.\n\nAnteckningarna delges varje medlemskommun enligt samarbetsavtalet.\n\nMed vänliga hälsningar\n${doc.cooperationName}`,
				meetingId,
				attachments: [attachment]
			}))
		);
		const [after] = await tx
			.update(minutes)
			.set({ status: 'distributed', distributedAt: new Date(), rowVersion: sql`${minutes.rowVersion} + 1` })
			.where(eq(minutes.id, current.id))
			.returning();
		await writeAudit(tx, actor, {
			action: 'distribute',
			entity: 'minutes',
			entityId: current.id,
			after: { version: current.version, to: reachable.map((r) => r.name), missing: to.filter((r) => !r.email).map((r) => r.name) }
		});
		return { minutes: after, sentTo: reachable.map((r) => r.name), missing: to.filter((r) => !r.email).map((r) => r.name) };
	});
}
