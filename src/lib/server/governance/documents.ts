// The governing documents register (the agreement, the communication platform,
// the network directive …) with versions, files and the decision behind each,
// and who appointed a member under which version of the directive.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	decision,
	governingDocument,
	governingDocumentVersion,
	membership,
	membershipAppointment,
	person,
	storedFile
} from '../db/schema/index.ts';
import { NotFoundError, fieldError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import { documentVersionInput, governingDocumentInput } from '../../schemas/governance.ts';
import { storeFile, type Attachment } from '../mail/outbox.ts';
import { isPartialDate, precisionOf } from '../../core/partial-date.ts';
import { dayBefore } from '../../core/governance.ts';

type Reader = Db | Tx;

const constraints: ConstraintFields = {
	governing_document_title_unique: ['title', 'Det finns redan ett styrdokument med den titeln.'],
	governing_document_version_label: ['label', 'Dokumentet har redan en version med den beteckningen.'],
	governing_document_version_period: ['validTo', 'Gäller till kan inte vara före Gäller från.'],
	governing_document_version_decision_id_decision_id_fk: ['decisionId', 'Det valda beslutet finns inte.']
};

export async function listGoverningDocuments(db: Reader, id?: number) {
	const docs = await db
		.select()
		.from(governingDocument)
		.where(id === undefined ? undefined : eq(governingDocument.id, id))
		.orderBy(asc(governingDocument.title));
	const versions = await versionsQuery(db)
		.where(id === undefined ? undefined : eq(governingDocumentVersion.documentId, id))
		.orderBy(sql`${governingDocumentVersion.validFrom} desc nulls last`, desc(governingDocumentVersion.id));
	return docs.map((d) => {
		const own = versions.filter((v) => v.documentId === d.id);
		return { ...d, versions: own, current: own.find((v) => !v.validTo) ?? own[0] ?? null };
	});
}

function versionsQuery(db: Reader) {
	return db
		.select({
			id: governingDocumentVersion.id,
			documentId: governingDocumentVersion.documentId,
			label: governingDocumentVersion.label,
			adoptedOn: governingDocumentVersion.adoptedOn,
			adoptedText: governingDocumentVersion.adoptedText,
			decisionId: governingDocumentVersion.decisionId,
			decision: decision.title,
			validFrom: governingDocumentVersion.validFrom,
			validTo: governingDocumentVersion.validTo,
			fileId: governingDocumentVersion.fileId,
			fileName: storedFile.name,
			summary: governingDocumentVersion.summary,
			source: governingDocumentVersion.source
		})
		.from(governingDocumentVersion)
		.leftJoin(decision, eq(decision.id, governingDocumentVersion.decisionId))
		.leftJoin(storedFile, eq(storedFile.id, governingDocumentVersion.fileId));
}

export async function getGoverningDocument(db: Reader, id: number) {
	const [d] = await listGoverningDocuments(db, id);
	if (!d) throw new NotFoundError('Styrdokumentet');
	const appointed = await db
		.select({ membershipId: membershipAppointment.membershipId, versionId: membershipAppointment.directiveVersionId })
		.from(membershipAppointment)
		.innerJoin(governingDocumentVersion, eq(governingDocumentVersion.id, membershipAppointment.directiveVersionId))
		.where(eq(governingDocumentVersion.documentId, id));
	return { ...d, appointedCount: appointed.length };
}

export async function createGoverningDocument(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(governingDocumentInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(governingDocument).values(v).returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'governing_document', entityId: row.id, after: row });
			return row;
		},
		constraints
	);
}

export async function updateGoverningDocument(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(governingDocumentInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, governingDocument, id, version, v, 'Styrdokumentet');
			await writeAudit(tx, actor, { action: 'update', entity: 'governing_document', entityId: id, before, after });
			return after;
		},
		constraints
	);
}

/**
 * A new version, with its file when one is given. The version before it that is
 * still open ends the day before the new one starts, so one version is in force.
 */
export async function addDocumentVersion(db: Db, actor: Actor, documentId: number, input: unknown, file?: Attachment | null) {
	requireRole(actor, 'editor');
	const v = validate(documentVersionInput, input);
	if (file && file.content.byteLength > 20 * 1024 * 1024) throw fieldError('file', 'Filen får vara högst 20 MB.');
	return inTransaction(
		db,
		async (tx) => {
			const [doc] = await tx.select({ id: governingDocument.id }).from(governingDocument).where(eq(governingDocument.id, documentId));
			if (!doc) throw new NotFoundError('Styrdokumentet');
			const fileId = file && file.content.byteLength ? await storeFile(tx, file) : null;
			if (v.validFrom) {
				const open = await tx
					.select()
					.from(governingDocumentVersion)
					.where(and(eq(governingDocumentVersion.documentId, documentId)));
				// An undated earlier version (only "november 2021" known) ends too: one version is in force.
				for (const o of open)
					if (!o.validTo && (!o.validFrom || o.validFrom < v.validFrom))
						await tx
							.update(governingDocumentVersion)
							.set({ validTo: dayBefore(v.validFrom) })
							.where(eq(governingDocumentVersion.id, o.id));
			}
			const [row] = await tx
				.insert(governingDocumentVersion)
				.values({ ...v, documentId, fileId })
				.returning();
			await writeAudit(tx, actor, { action: 'add_version', entity: 'governing_document', entityId: documentId, after: row });
			return row;
		},
		constraints
	);
}

export async function versionFile(db: Reader, documentId: number, versionId: number) {
	const [row] = await db
		.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content, sha256: storedFile.sha256 })
		.from(governingDocumentVersion)
		.innerJoin(storedFile, eq(storedFile.id, governingDocumentVersion.fileId))
		.where(and(eq(governingDocumentVersion.id, versionId), eq(governingDocumentVersion.documentId, documentId)));
	if (!row) throw new NotFoundError('Filen');
	return row;
}

/**
 * Who appointed a member, and under which directive version; written with the
 * membership. A field left out (undefined) keeps what is stored.
 */
export async function saveAppointment(
	tx: Tx,
	actor: Actor,
	membershipId: number,
	v: { appointedByPersonId?: number | null; directiveVersionId?: number | null; validFrom?: string | null }
) {
	if (v.appointedByPersonId === undefined && v.directiveVersionId === undefined) return;
	const [existing] = await tx.select().from(membershipAppointment).where(eq(membershipAppointment.membershipId, membershipId));
	const values = {
		appointedByPersonId: v.appointedByPersonId === undefined ? (existing?.appointedByPersonId ?? null) : v.appointedByPersonId,
		directiveVersionId: v.directiveVersionId === undefined ? (existing?.directiveVersionId ?? null) : v.directiveVersionId,
		// The day of appointment is known only when the start is known to the day.
		appointedOn:
			existing?.appointedOn ?? (v.validFrom && isPartialDate(v.validFrom) && precisionOf(v.validFrom) === 'day' ? v.validFrom : null)
	};
	if (!existing && values.appointedByPersonId === null && values.directiveVersionId === null) return;
	if (existing && existing.appointedByPersonId === values.appointedByPersonId && existing.directiveVersionId === values.directiveVersionId)
		return;
	const [row] = await tx
		.insert(membershipAppointment)
		.values({ membershipId, ...values })
		.onConflictDoUpdate({ target: membershipAppointment.membershipId, set: { ...values, updatedAt: new Date() } })
		.returning();
	await writeAudit(tx, actor, { action: 'appoint', entity: 'membership', entityId: membershipId, before: existing ?? null, after: row });
}

export async function appointmentOf(db: Reader, membershipId: number) {
	const [row] = await db
		.select({
			appointedByPersonId: membershipAppointment.appointedByPersonId,
			appointedBy: person.name,
			directiveVersionId: membershipAppointment.directiveVersionId,
			directive: governingDocumentVersion.label,
			appointedOn: membershipAppointment.appointedOn
		})
		.from(membershipAppointment)
		.leftJoin(person, eq(person.id, membershipAppointment.appointedByPersonId))
		.leftJoin(governingDocumentVersion, eq(governingDocumentVersion.id, membershipAppointment.directiveVersionId))
		.where(eq(membershipAppointment.membershipId, membershipId));
	return row ?? null;
}

/** Appointments of a body's memberships, for its page. */
export async function appointmentsOfBody(db: Reader, bodyId: number) {
	return db
		.select({
			membershipId: membershipAppointment.membershipId,
			appointedBy: person.name,
			directive: governingDocumentVersion.label
		})
		.from(membershipAppointment)
		.innerJoin(membership, eq(membership.id, membershipAppointment.membershipId))
		.leftJoin(person, eq(person.id, membershipAppointment.appointedByPersonId))
		.leftJoin(governingDocumentVersion, eq(governingDocumentVersion.id, membershipAppointment.directiveVersionId))
		.where(eq(membership.bodyId, bodyId));
}
