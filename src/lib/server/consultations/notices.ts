// The municipal registrars hear directly of coming remisser, their timelines
// and the final texts (seed 001, chapter 4). Each notice is one outbox row per
// member municipality, written in the same transaction as the change, and kept
// with the remiss so its page shows who was told what and when.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { consultation, consultationNotice, consultationNoticeMail, organisation, storedFile } from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { validate, writeAudit } from '../service.ts';
import { registrarNoticeInput } from '../../schemas/consultations.ts';
import { NOTICE_STAGE_LABELS, type NoticeStage } from '../../core/consultations.ts';
import { formatDate, todayIso } from '../../core/format.ts';
import { namesInWords } from '../../core/mail.ts';
import { getCooperation, memberRegistrars } from '../organisation/queries.ts';
import { enqueue, type Attachment } from '../mail/outbox.ts';

const SUBJECT: Record<NoticeStage, string> = {
	coming: 'Kommande remiss',
	timeline: 'Tidplan för remiss',
	final: 'Slutligt remissvar'
};

function bodyText(
	stage: NoticeStage,
	c: typeof consultation.$inferSelect,
	issuer: string | null,
	message: string | null,
	cooperationName: string,
	attached: boolean
): string {
	const lines = [`Remiss: ${c.title}`];
	if (issuer) lines.push(`Remittent: ${issuer}`);
	if (c.reference) lines.push(`Diarienummer: ${c.reference}`);
	if (c.receivedOn) lines.push(`Inkom: ${formatDate(c.receivedOn)}`);
	if (c.deadline) lines.push(`Sista svarsdag: ${formatDate(c.deadline)}`);
	if (c.targetOn) lines.push(`Samarbetets eget måldatum: ${formatDate(c.targetOn)}`);
	if (stage === 'final' && c.submittedOn)
		lines.push(`Svaret skickades: ${formatDate(c.submittedOn)}${c.submittedTo ? ` till ${c.submittedTo}` : ''}`);
	const intro: Record<NoticeStage, string> = {
		coming: `${cooperationName} avser att lämna ett gemensamt svar på en remiss som kommer till kommunerna. Vi meddelar er direkt så att ni kan planera ert eget arbete med den.`,
		timeline: 'Här är tidplanen för det gemensamma remissvaret.',
		final: attached
			? 'Här är det slutliga gemensamma remissvaret, bifogat, för diarieföring.'
			: 'Här är det slutliga gemensamma remissvaret, för diarieföring.'
	};
	const response = stage === 'final' && !attached && c.responseText ? `\n\n${c.responseText}` : '';
	return `Hej,\n\n${intro[stage]}\n\n${lines.join('\n')}${message ? `\n\n${message}` : ''}${response}\n\nMed vänliga hälsningar\n${cooperationName}`;
}

/** Queues the notice to every member municipality's registrar; refused when none has an address. */
export async function sendRegistrarNotice(tx: Tx, actor: Actor, consultationId: number, input: unknown) {
	const v = validate(registrarNoticeInput, input);
	const [row] = await tx
		.select({ c: consultation, issuer: organisation.name })
		.from(consultation)
		.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
		.where(eq(consultation.id, consultationId));
	if (!row) throw new NotFoundError('Remissen');
	const c = row.c;
	if (v.stage === 'final' && !c.responseText && !c.responseFileId)
		throw fieldError('stage', 'Det finns inget svar att skicka: ladda upp svarsdokumentet eller skriv svaret först.');
	const registrars = await memberRegistrars(tx, todayIso());
	const reachable = registrars.filter((r) => r.email);
	if (registrars.length === 0)
		throw fieldError('stage', `Inga kommuner är medlemmar den ${formatDate(todayIso())}; beskedet skickades inte.`);
	if (reachable.length === 0)
		throw fieldError(
			'stage',
			`Ingen av medlemskommunerna har en registratorsadress: ${namesInWords(registrars.map((r) => r.name))}. Fyll i adresserna under Organisation → Kommuner; beskedet skickades inte.`
		);
	const attachments: Attachment[] = [];
	if (v.stage === 'final' && c.responseFileId) {
		const [file] = await tx
			.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content })
			.from(storedFile)
			.where(eq(storedFile.id, c.responseFileId));
		attachments.push(file);
	}
	const cooperationName = (await getCooperation(tx))?.name ?? '';
	const [notice] = await tx
		.insert(consultationNotice)
		.values({ consultationId, stage: v.stage, message: v.message, createdBy: actor.name })
		.returning();
	const outboxIds = await enqueue(
		tx,
		actor.name,
		reachable.map((r) => ({
			kind: 'remiss' as const,
			recipient: r.email!,
			recipientName: `Registrator, ${r.name}`,
			subject: `${SUBJECT[v.stage]}: ${c.title}`,
			body: bodyText(v.stage, c, row.issuer, v.message, cooperationName, attachments.length > 0),
			attachments
		}))
	);
	await tx
		.insert(consultationNoticeMail)
		.values(reachable.map((r, i) => ({ noticeId: notice.id, outboxId: outboxIds[i], municipalityId: r.id })));
	const missing = registrars.filter((r) => !r.email).map((r) => r.name);
	await writeAudit(tx, actor, {
		action: 'notify_registrars',
		entity: 'consultation',
		entityId: consultationId,
		after: { stage: v.stage, label: NOTICE_STAGE_LABELS[v.stage], to: reachable.map((r) => r.name), missing }
	});
	return { noticeId: notice.id, sentTo: reachable.map((r) => r.name), missing };
}
