// The choices the governance forms offer beside the register's own lists.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { activity, externalMeeting, governingDocument, governingDocumentVersion, plan } from '../db/schema/index.ts';
import type { ListName, OptionLists } from '../../forms/spec.ts';
import { consultationOptions } from '../consultations/options.ts';
import { formatHeld } from '../../core/projects.ts';
import { externalMeetingLine } from '../projects/queries.ts';

export async function governanceOptions(db: Db, names: ListName[]): Promise<OptionLists> {
	const out = await consultationOptions(db, names);
	if (names.includes('directiveVersions') || names.includes('governingVersions')) {
		const rows = await db
			.select({
				id: governingDocumentVersion.id,
				label: governingDocumentVersion.label,
				title: governingDocument.title,
				kind: governingDocument.kind
			})
			.from(governingDocumentVersion)
			.innerJoin(governingDocument, eq(governingDocument.id, governingDocumentVersion.documentId))
			.orderBy(asc(governingDocument.title), desc(governingDocumentVersion.validFrom));
		const option = (r: (typeof rows)[number]) => ({ value: String(r.id), label: `${r.title}, ${r.label}` });
		out.directiveVersions = rows.filter((r) => r.kind === 'directive').map(option);
		out.governingVersions = rows.map(option);
	}
	if (names.includes('activities')) {
		const rows = await db
			.select({ id: activity.id, title: activity.title, year: plan.year })
			.from(activity)
			.innerJoin(plan, eq(plan.id, activity.planId))
			.orderBy(desc(plan.year), asc(activity.position));
		out.activities = rows.map((r) => ({
			value: String(r.id),
			label: `${r.year}: ${r.title.length > 90 ? `${r.title.slice(0, 88)}…` : r.title}`
		}));
	}
	if (names.includes('externalMeetings')) {
		const rows = await db
			.select(externalMeetingLine)
			.from(externalMeeting)
			.orderBy(sql`${externalMeeting.heldFrom} desc nulls last`);
		out.externalMeetings = rows.map((r) => ({
			value: String(r.id),
			label: `${formatHeld(r) || 'odaterat'}: ${r.topic.length > 80 ? `${r.topic.slice(0, 78)}…` : r.topic}`
		}));
	}
	if (names.includes('plans')) {
		const rows = await db.select({ id: plan.id, title: plan.title }).from(plan).orderBy(desc(plan.year));
		out.plans = rows.map((r) => ({ value: String(r.id), label: r.title }));
	}
	return out;
}
