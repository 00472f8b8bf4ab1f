// The influence work register (seats in outside groups, statements, articles,
// seminars, commitments, processes monitored) with its links to priority
// objects, activities and external meetings; activity targets counted against
// the external meetings held; and news for the public site.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	activity,
	activityTarget,
	externalMeeting,
	externalMeetingOrganisation,
	influence,
	influenceActivity,
	influenceExternalMeeting,
	influencePriorityObject,
	news,
	organisation,
	person,
	plan,
	priorityObject
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import { activityTargetInput, influenceInput, newsInput, type INFLUENCE_KINDS } from '../../schemas/governance.ts';
import { pgNames } from '../consultations/service.ts';
import { targetState } from '../../core/governance.ts';
import { externalMeetingLine } from '../projects/queries.ts';

type Reader = Db | Tx;
type InfluenceKind = (typeof INFLUENCE_KINDS)[number];

const constraints: ConstraintFields = pgNames({
	influence_seat_organisation: ['organisationId', 'Organisation: en plats i en extern grupp måste höra till en organisation.'],
	influence_period: ['toOn', 'Till kan inte vara före Från.'],
	influence_organisation_id_organisation_id_fk: ['organisationId', 'Den valda organisationen finns inte.'],
	influence_holder_person_id_person_id_fk: ['holderPersonId', 'Den valda personen finns inte.'],
	influence_priority_object_priority_object_id_priority_object_id_fk: ['priorityObjectIds', 'Ett valt prioriterat objekt finns inte.'],
	influence_activity_activity_id_activity_id_fk: ['activityIds', 'En vald aktivitet finns inte.'],
	influence_external_meeting_external_meeting_id_external_meeting_id_fk: ['externalMeetingIds', 'Ett valt externt möte finns inte.'],
	activity_target_once: ['organisationId', 'Aktiviteten har redan ett mål för den organisationen.'],
	activity_target_organisation_id_organisation_id_fk: ['organisationId', 'Den valda organisationen finns inte.'],
	news_published: ['publishedOn', 'Publiceras måste vara ett datum.']
});

const influenceColumns = {
	id: influence.id,
	kind: influence.kind,
	title: influence.title,
	organisationId: influence.organisationId,
	organisation: organisation.name,
	holderPersonId: influence.holderPersonId,
	holder: sql<string | null>`coalesce(${person.name}, ${influence.holderText})`,
	holderText: influence.holderText,
	fromOn: influence.fromOn,
	toOn: influence.toOn,
	year: influence.year,
	description: influence.description,
	url: influence.url,
	source: influence.source,
	version: influence.version
};

/** The register, filtered by kind and by the year an entry touches (a seat held during it, or an item of it). */
export async function listInfluence(db: Reader, f: { kind?: InfluenceKind; year?: number } = {}) {
	const yearHit = (y: number) =>
		sql`(coalesce(${influence.year}, extract(year from ${influence.fromOn})::int) = ${y} or (${influence.kind} = 'seat' and coalesce(extract(year from ${influence.fromOn})::int, ${influence.year}, 0) <= ${y} and (${influence.toOn} is null or extract(year from ${influence.toOn})::int >= ${y})))`;
	const rows = await db
		.select(influenceColumns)
		.from(influence)
		.leftJoin(organisation, eq(organisation.id, influence.organisationId))
		.leftJoin(person, eq(person.id, influence.holderPersonId))
		.where(and(f.kind ? eq(influence.kind, f.kind) : undefined, f.year ? yearHit(f.year) : undefined))
		.orderBy(
			asc(influence.kind),
			sql`coalesce(${influence.fromOn}, make_date(${influence.year}, 1, 1)) desc nulls last`,
			asc(influence.title)
		);
	return rows;
}

export async function getInfluence(db: Reader, id: number) {
	const [row] = await db
		.select(influenceColumns)
		.from(influence)
		.leftJoin(organisation, eq(organisation.id, influence.organisationId))
		.leftJoin(person, eq(person.id, influence.holderPersonId))
		.where(eq(influence.id, id));
	if (!row) throw new NotFoundError('Posten');
	const [priorityObjects, activities, externalMeetings] = await Promise.all([
		db
			.select({ id: priorityObject.id, name: priorityObject.name })
			.from(influencePriorityObject)
			.innerJoin(priorityObject, eq(priorityObject.id, influencePriorityObject.priorityObjectId))
			.where(eq(influencePriorityObject.influenceId, id)),
		db
			.select({ id: activity.id, title: activity.title, year: plan.year })
			.from(influenceActivity)
			.innerJoin(activity, eq(activity.id, influenceActivity.activityId))
			.innerJoin(plan, eq(plan.id, activity.planId))
			.where(eq(influenceActivity.influenceId, id)),
		db
			.select(externalMeetingLine)
			.from(influenceExternalMeeting)
			.innerJoin(externalMeeting, eq(externalMeeting.id, influenceExternalMeeting.externalMeetingId))
			.where(eq(influenceExternalMeeting.influenceId, id))
	]);
	return {
		...row,
		priorityObjects,
		activities,
		externalMeetings,
		priorityObjectIds: priorityObjects.map((p) => p.id),
		activityIds: activities.map((a) => a.id),
		externalMeetingIds: externalMeetings.map((m) => m.id)
	};
}

async function linkInfluence(tx: Tx, id: number, v: z.infer<typeof influenceInput>) {
	await tx.delete(influencePriorityObject).where(eq(influencePriorityObject.influenceId, id));
	await tx.delete(influenceActivity).where(eq(influenceActivity.influenceId, id));
	await tx.delete(influenceExternalMeeting).where(eq(influenceExternalMeeting.influenceId, id));
	const uniq = (ids: number[]) => [...new Set(ids)];
	if (v.priorityObjectIds.length)
		await tx
			.insert(influencePriorityObject)
			.values(uniq(v.priorityObjectIds).map((priorityObjectId) => ({ influenceId: id, priorityObjectId })));
	if (v.activityIds.length)
		await tx.insert(influenceActivity).values(uniq(v.activityIds).map((activityId) => ({ influenceId: id, activityId })));
	if (v.externalMeetingIds.length)
		await tx
			.insert(influenceExternalMeeting)
			.values(uniq(v.externalMeetingIds).map((externalMeetingId) => ({ influenceId: id, externalMeetingId })));
}

const influenceColumnsOf = ({
	priorityObjectIds: _p,
	activityIds: _a,
	externalMeetingIds: _e,
	...columns
}: z.infer<typeof influenceInput>) => columns;

export async function createInfluence(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(influenceInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(influence).values(influenceColumnsOf(v)).returning();
			await linkInfluence(tx, row.id, v);
			await writeAudit(tx, actor, { action: 'create', entity: 'influence', entityId: row.id, after: { ...row, ...v } });
			return row;
		},
		constraints
	);
}

export async function updateInfluence(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(influenceInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, influence, id, version, influenceColumnsOf(v), 'Posten');
			await linkInfluence(tx, id, v);
			await writeAudit(tx, actor, { action: 'update', entity: 'influence', entityId: id, before, after: { ...after, ...v } });
			return after;
		},
		constraints
	);
}

/**
 * Each target of a year's activities against the external meetings held with
 * the organisation in that year (status "held" only: a planned or cancelled
 * meeting does not count).
 */
export async function targetsOf(db: Reader, f: { year?: number; activityId?: number; id?: number }) {
	const rows = await db
		.select({
			id: activityTarget.id,
			activityId: activity.id,
			activity: activity.title,
			year: plan.year,
			organisationId: activityTarget.organisationId,
			organisation: organisation.name,
			count: activityTarget.count,
			note: activityTarget.note,
			held: sql<number>`(select count(*)::int from ${externalMeeting} join ${externalMeetingOrganisation} on ${externalMeetingOrganisation.externalMeetingId} = ${externalMeeting.id}
				where ${externalMeetingOrganisation.organisationId} = ${activityTarget.organisationId} and ${externalMeeting.status} = 'held'
				and extract(year from ${externalMeeting.heldFrom})::int = ${plan.year})`
		})
		.from(activityTarget)
		.innerJoin(activity, eq(activity.id, activityTarget.activityId))
		.innerJoin(plan, eq(plan.id, activity.planId))
		.innerJoin(organisation, eq(organisation.id, activityTarget.organisationId))
		.where(
			and(
				f.year ? eq(plan.year, f.year) : undefined,
				f.activityId ? eq(activity.id, f.activityId) : undefined,
				f.id ? eq(activityTarget.id, f.id) : undefined
			)
		)
		.orderBy(desc(plan.year), asc(activity.position), asc(organisation.name));
	return rows.map((r) => ({ ...r, ...targetState(r.held, r.count) }));
}

export async function addActivityTarget(db: Db, actor: Actor, activityId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(activityTargetInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [a] = await tx.select({ id: activity.id }).from(activity).where(eq(activity.id, activityId));
			if (!a) throw new NotFoundError('Aktiviteten');
			const [row] = await tx
				.insert(activityTarget)
				.values({ ...v, activityId })
				.returning();
			await writeAudit(tx, actor, { action: 'add_target', entity: 'activity', entityId: activityId, after: row });
			return row;
		},
		constraints
	);
}

export async function removeActivityTarget(db: Db, actor: Actor, activityId: number, targetId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.delete(activityTarget)
			.where(and(eq(activityTarget.id, targetId), eq(activityTarget.activityId, activityId)))
			.returning();
		if (!row) throw new NotFoundError('Målet');
		await writeAudit(tx, actor, { action: 'remove_target', entity: 'activity', entityId: activityId, before: row });
	});
}

/** Published news, newest first: published on or before today, so a dated item waits for its day. */
export async function listNews(db: Reader, f: { limit?: number; today: string; all?: boolean }) {
	return db
		.select()
		.from(news)
		.where(f.all ? undefined : sql`${news.publishedOn} <= ${f.today}`)
		.orderBy(desc(news.publishedOn), desc(news.id))
		.limit(f.limit ?? 200);
}

export async function getNews(db: Reader, id: number, today: string, all = false) {
	const [row] = await db.select().from(news).where(eq(news.id, id));
	if (!row || (!all && row.publishedOn > today)) throw new NotFoundError('Nyheten');
	return row;
}

export async function createNews(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(newsInput, input);
	return inTransaction(db, async (tx) => {
		const [row] = await tx.insert(news).values(v).returning();
		await writeAudit(tx, actor, { action: 'create', entity: 'news', entityId: row.id, after: row });
		return row;
	});
}

export async function updateNews(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(newsInput, input);
	return inTransaction(db, async (tx) => {
		const { before, after } = await updateVersioned(tx, news, id, version, v, 'Nyheten');
		await writeAudit(tx, actor, { action: 'update', entity: 'news', entityId: id, before, after });
		return after;
	});
}

export async function deleteNews(db: Db, actor: Actor, id: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const [row] = await tx.delete(news).where(eq(news.id, id)).returning();
		if (!row) throw new NotFoundError('Nyheten');
		await writeAudit(tx, actor, { action: 'delete', entity: 'news', entityId: id, before: row });
	});
}
