// The cooperation agreement as a record: its versions with the decision behind
// each, paragraph by paragraph; notices to leave (§2, §9) with the parties told
// through the outbox and the leaver's fees stopped; the settlement a
// dissolution would make (§10); and the municipalities' comments on a draft plan (§4).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	agreement,
	agreementNotice,
	agreementNoticeMail,
	agreementParagraph,
	agreementParty,
	agreementVersion,
	decision,
	municipality,
	outbox,
	plan,
	planComment,
	project
} from '../db/schema/index.ts';
import { NotFoundError, fieldError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { amendmentInput, noticeInput, planCommentAnswerInput, planCommentSendInput } from '../../schemas/governance.ts';
import { dayBefore, noticePeriod, splitSigned } from '../../core/governance.ts';
import { largestRemainder } from '../../core/finance.ts';
import { formatDate } from '../../core/format.ts';
import { enqueue } from '../mail/outbox.ts';
import { memberRegistrars } from '../organisation/queries.ts';
import { yearClosing } from '../finance/closing.ts';
import { populationsOn } from '../finance/sharing.ts';
import { swedish } from '../db/order.ts';
import { z } from 'zod';
import { versionField } from '../../schemas/fields.ts';

type Reader = Db | Tx;

const constraints: ConstraintFields = {
	agreement_notice_once: ['municipalityId', 'Kommunen har redan sagt upp avtalet.'],
	agreement_notice_order: ['receivedOn', 'Ordföranden kan inte ha mottagit uppsägningen före fullmäktiges beslut.'],
	agreement_version_decided: ['decidedOn', 'En ändring av avtalet måste ha ett beslut.'],
	plan_comment_once: ['municipalityIds', 'Planen är redan skickad till en av kommunerna.'],
	plan_comment_answered: ['answeredOn', 'Svarsdatum kan inte vara före dagen planen skickades.']
};

export async function currentAgreement(db: Reader) {
	const [a] = await db.select().from(agreement).orderBy(asc(agreement.id)).limit(1);
	return a ?? null;
}

async function requireAgreement(db: Reader) {
	const a = await currentAgreement(db);
	if (!a) throw new NotFoundError('Samarbetsavtalet');
	return a;
}

/** The agreement with one version's text (the latest, or the one numbered) and the list of all versions. */
export async function getAgreement(db: Reader, versionNumber?: number) {
	const a = await requireAgreement(db);
	const versions = await db
		.select({
			id: agreementVersion.id,
			number: agreementVersion.number,
			validFrom: agreementVersion.validFrom,
			decisionId: agreementVersion.decisionId,
			decision: decision.title,
			decidedOn: decision.decidedOn,
			note: agreementVersion.note,
			preamble: agreementVersion.preamble,
			source: agreementVersion.source
		})
		.from(agreementVersion)
		.leftJoin(decision, eq(decision.id, agreementVersion.decisionId))
		.where(eq(agreementVersion.agreementId, a.id))
		.orderBy(desc(agreementVersion.number));
	const shown = versionNumber === undefined ? versions[0] : versions.find((v) => v.number === versionNumber);
	if (!shown) throw new NotFoundError('Avtalsversionen');
	const paragraphs = await db
		.select({ number: agreementParagraph.number, title: agreementParagraph.title, text: agreementParagraph.text })
		.from(agreementParagraph)
		.where(eq(agreementParagraph.versionId, shown.id))
		.orderBy(asc(agreementParagraph.number));
	const parties = await db
		.select({ id: municipality.id, name: municipality.name })
		.from(agreementParty)
		.innerJoin(municipality, eq(municipality.id, agreementParty.municipalityId))
		.where(eq(agreementParty.versionId, shown.id))
		.orderBy(swedish(municipality.name));
	return { ...a, version: { ...shown, paragraphs, parties, current: shown.id === versions[0].id }, versions };
}

export async function listNotices(db: Reader) {
	const rows = await db
		.select({
			id: agreementNotice.id,
			municipalityId: agreementNotice.municipalityId,
			municipality: municipality.name,
			councilDecidedOn: agreementNotice.councilDecidedOn,
			councilReference: agreementNotice.councilReference,
			receivedOn: agreementNotice.receivedOn,
			periodStarts: agreementNotice.periodStarts,
			effective: agreementNotice.effective,
			note: agreementNotice.note,
			createdBy: agreementNotice.createdBy,
			createdAt: agreementNotice.createdAt
		})
		.from(agreementNotice)
		.innerJoin(municipality, eq(municipality.id, agreementNotice.municipalityId))
		.orderBy(desc(agreementNotice.receivedOn));
	const mails = rows.length
		? await db
				.select({
					noticeId: agreementNoticeMail.noticeId,
					municipality: municipality.name,
					recipient: outbox.recipient,
					status: outbox.status,
					sentAt: outbox.sentAt
				})
				.from(agreementNoticeMail)
				.innerJoin(outbox, eq(outbox.id, agreementNoticeMail.outboxId))
				.leftJoin(municipality, eq(municipality.id, agreementNoticeMail.municipalityId))
				.where(
					inArray(
						agreementNoticeMail.noticeId,
						rows.map((r) => r.id)
					)
				)
		: [];
	return rows.map((r) => ({ ...r, mails: mails.filter((m) => m.noticeId === r.id) }));
}

/**
 * Records a municipality's notice to leave. The period starts on the first day
 * of the month after the chair received it and the exit takes effect twelve
 * months later (§2); the municipality is a member until the day before, so no
 * fee is raised for a year after it has left. The other parties' registrars are
 * told through the outbox in the same transaction. Nothing paid is refunded (§9).
 */
export async function recordNotice(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(noticeInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const a = await requireAgreement(tx);
			if (v.receivedOn < a.validFrom)
				throw fieldError('receivedOn', `Avtalet gäller från ${formatDate(a.validFrom)}: en uppsägning kan inte ha kommit in före det.`);
			const [m] = await tx.select().from(municipality).where(eq(municipality.id, v.municipalityId));
			if (!m) throw fieldError('municipalityId', 'Kommun: den valda kommunen finns inte.');
			const [earlier] = await tx
				.select({ receivedOn: agreementNotice.receivedOn })
				.from(agreementNotice)
				.where(and(eq(agreementNotice.agreementId, a.id), eq(agreementNotice.municipalityId, m.id)));
			if (earlier) throw fieldError('municipalityId', `${m.name} har redan sagt upp avtalet (mottaget ${formatDate(earlier.receivedOn)}).`);
			if (m.memberTo && m.memberTo < v.receivedOn) throw fieldError('municipalityId', `${m.name} är inte längre part i avtalet.`);
			const period = noticePeriod(v.receivedOn);
			const [row] = await tx
				.insert(agreementNotice)
				.values({ ...v, agreementId: a.id, periodStarts: period.periodStarts, effective: period.effective, createdBy: actor.name })
				.returning();
			const lastDay = dayBefore(period.effective);
			await tx
				.update(municipality)
				.set({ memberTo: lastDay, version: sql`${municipality.version} + 1`, updatedAt: new Date() })
				.where(eq(municipality.id, m.id));
			const others = (await memberRegistrars(tx, v.receivedOn)).filter((r) => r.id !== m.id && r.email);
			const body =
				`Hej!\n\n${m.name} har sagt upp ${a.title}.\n\n` +
				`Kommunfullmäktiges beslut: ${formatDate(v.councilDecidedOn)}${v.councilReference ? ` (${v.councilReference})` : ''}.\n` +
				`Uppsägningen kom ordföranden tillhanda: ${formatDate(v.receivedOn)}.\n` +
				`Uppsägningstiden räknas från: ${formatDate(period.periodStarts)} (§ 2).\n` +
				`Utträdet gäller från: ${formatDate(period.effective)}; ${m.name} är part till och med ${formatDate(lastDay)}.\n\n` +
				`Utträdande kommun har inte rätt att återfå erlagda avgifter, ej heller särskilt tillskjutna projektmedel eller andra tillskjutna medel (§ 9).\n` +
				`De kvarvarande kommunerna ska anta de ändringar i avtalet som uppsägningen föranleder (§ 9).\n`;
			const ids = await enqueue(
				tx,
				actor.name,
				others.map((r) => ({
					kind: 'agreement' as const,
					recipient: r.email!,
					recipientName: `Registrator, ${r.name}`,
					subject: `Uppsägning av samarbetsavtalet: ${m.name}`,
					body
				}))
			);
			if (ids.length)
				await tx
					.insert(agreementNoticeMail)
					.values(ids.map((outboxId, i) => ({ noticeId: row.id, outboxId, municipalityId: others[i].id })));
			await writeAudit(tx, actor, {
				action: 'notice',
				entity: 'agreement',
				entityId: a.id,
				after: { ...row, memberTo: lastDay, notified: others.map((o) => o.name) }
			});
			return { ...row, memberTo: lastDay, notified: ids.length };
		},
		constraints
	);
}

/** A new version of the agreement: its text, its parties, and the decision behind it (a new one, or one on record). */
export async function amendAgreement(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(amendmentInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const a = await requireAgreement(tx);
			const [last] = await tx
				.select()
				.from(agreementVersion)
				.where(eq(agreementVersion.agreementId, a.id))
				.orderBy(desc(agreementVersion.number))
				.limit(1);
			if (last && v.validFrom <= last.validFrom)
				throw fieldError('validFrom', `Gäller från måste vara efter den förra versionens startdag (${formatDate(last.validFrom)}).`);
			let decisionId = v.decisionId;
			if (decisionId === null) {
				const [d] = await tx
					.insert(decision)
					.values({
						decidedOn: v.decidedOn,
						decidedBy: v.decisionBodyId ? 'body' : 'other',
						bodyId: v.decisionBodyId,
						title: v.decisionTitle ?? `Ändring av ${a.title}`
					})
					.returning();
				decisionId = d.id;
			}
			const [version] = await tx
				.insert(agreementVersion)
				.values({
					agreementId: a.id,
					number: (last?.number ?? 0) + 1,
					validFrom: v.validFrom,
					decisionId,
					preamble: v.preamble,
					note: v.note
				})
				.returning();
			await tx.insert(agreementParagraph).values(v.paragraphs.map((p) => ({ ...p, versionId: version.id })));
			await tx.insert(agreementParty).values([...new Set(v.partyIds)].map((municipalityId) => ({ versionId: version.id, municipalityId })));
			await writeAudit(tx, actor, { action: 'amend', entity: 'agreement', entityId: a.id, after: { ...version, ...v, decisionId } });
			return version;
		},
		{
			...constraints,
			agreement_party_municipality_id_municipality_id_fk: ['partyIds', 'Parter: en vald kommun finns inte.'],
			agreement_version_decision_id_decision_id_fk: ['decisionId', 'Det valda beslutet finns inte.'],
			decision_body_id_body_id_fk: ['decisionBodyId', 'Det valda organet finns inte.']
		}
	);
}

/**
 * What a dissolution would share (§10): each fund's balance at the end of the
 * year and each open project's remaining budget, split among the parties by
 * the fee key (population on the chosen date), every split summing exactly.
 */
export async function settlementPreview(db: Db, date: string) {
	const year = Number(date.slice(0, 4));
	const parties = await memberRegistrars(db, date);
	const pops = await populationsOn(db, date);
	const missing = parties.filter((p) => pops.get(p.id)?.population == null).map((p) => p.name);
	const closing = await yearClosing(db, year);
	const funds = closing.funds.filter((f) => f.closing !== 0).map((f) => ({ what: f.name, amount: f.closing }));
	const open = await db
		.select({
			name: project.name,
			budget: project.budget,
			// Table names spelt out: inside a one-table select drizzle leaves columns unqualified.
			spent: sql<string>`coalesce((select sum(le.amount) from ledger_entry le join ledger_category lc on lc.id = le.category_id where le.project_id = "project"."id" and lc.kind = 'cost'), 0)`
		})
		.from(project)
		.where(and(inArray(project.status, ['planned', 'ongoing']), sql`${project.budget} is not null`));
	const commitments = open
		.map((p) => ({ what: `Åtagande: ${p.name} (återstående budget)`, amount: -Math.max(0, (p.budget ?? 0) - Number(p.spent)) }))
		.filter((c) => c.amount !== 0);
	const rows = [...funds, ...commitments];
	if (missing.length || !parties.length)
		return { date, year, status: closing.status, parties, populations: [], rows, shares: null, totals: null, missing };
	const weights = parties.map((p) => BigInt(pops.get(p.id)!.population!));
	const shares = rows.map((r) => splitSigned(r.amount, weights, largestRemainder));
	const totals = parties.map((_, i) => shares.reduce((s, row) => s + row[i], 0));
	return {
		date,
		year,
		status: closing.status,
		parties,
		populations: parties.map((p) => pops.get(p.id)!.population!),
		rows,
		shares,
		totals,
		missing
	};
}

/**
 * §4: the draft plan and budget to each member municipality for comment, with
 * a deadline. A draft becomes "sent for comment"; a plan already sent can go to
 * a municipality it has not gone to; an adopted plan is not sent.
 */
export async function sendPlanForComment(db: Db, actor: Actor, planId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(planCommentSendInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [p] = await tx.select().from(plan).where(eq(plan.id, planId)).for('update');
			if (!p) throw new NotFoundError('Planen');
			if (p.status === 'adopted') throw fieldError('sentOn', 'Planen är redan antagen: den skickas ut för synpunkter innan den antas.');
			const members = await memberRegistrars(tx, v.sentOn);
			const chosen = v.municipalityIds.length ? members.filter((m) => v.municipalityIds.includes(m.id)) : members;
			const already = new Set(
				(await tx.select({ m: planComment.municipalityId }).from(planComment).where(eq(planComment.planId, planId))).map((r) => r.m)
			);
			const fresh = chosen.filter((m) => !already.has(m.id));
			if (!fresh.length) throw fieldError('municipalityIds', 'Planen är redan skickad till de valda kommunerna.');
			const rows = await tx
				.insert(planComment)
				.values(fresh.map((m) => ({ planId, municipalityId: m.id, sentOn: v.sentOn, deadline: v.deadline })))
				.returning();
			if (p.status === 'draft')
				await tx
					.update(plan)
					.set({ status: 'consultation', version: sql`${plan.version} + 1`, updatedAt: new Date() })
					.where(eq(plan.id, planId));
			await writeAudit(tx, actor, {
				action: 'send_for_comment',
				entity: 'plan',
				entityId: planId,
				before: { status: p.status },
				after: { ...v, status: 'consultation', municipalities: fresh.map((m) => m.name) }
			});
			return rows;
		},
		constraints
	);
}

export async function answerPlanComment(db: Db, actor: Actor, commentId: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(planCommentAnswerInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, planComment, commentId, version, v, 'Remissen av planen');
			await writeAudit(tx, actor, { action: 'answer', entity: 'plan_comment', entityId: commentId, before, after });
			return after;
		},
		constraints
	);
}

export async function planComments(db: Reader, planId: number) {
	return db
		.select({
			id: planComment.id,
			municipalityId: planComment.municipalityId,
			municipality: municipality.name,
			sentOn: planComment.sentOn,
			deadline: planComment.deadline,
			answeredOn: planComment.answeredOn,
			answer: planComment.answer,
			version: planComment.version
		})
		.from(planComment)
		.innerJoin(municipality, eq(municipality.id, planComment.municipalityId))
		.where(eq(planComment.planId, planId))
		.orderBy(swedish(municipality.name));
}
