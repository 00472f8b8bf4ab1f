// What the public start page shows, in either language: the cooperation in
// figures, the programme in force with its vision and focus areas, the adopted
// documents, the priority objects, the latest joint responses, the coming
// meetings and the latest approved minutes of the bodies whose meetings are
// public, and the news. Read as the public, whoever asks.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { focusArea, programme, programmeArea } from '../db/schema/index.ts';
import { PUBLIC } from '../actor.ts';
import { listBodies, listMunicipalities, listPopulations, populationOfLatestCompleteDate } from '../organisation/queries.ts';
import { listNews } from '../governance/influence.ts';
import { listConsultations, listPriorityObjects } from '../consultations/queries.ts';
import { listMeetings } from '../meetings/queries.ts';
import { reportYears } from '../documents/reports.ts';
import { shiftDay } from '../../core/meetings.ts';

const SHOWN = 5;

export async function publicFront(db: Db, today: string) {
	const year = Number(today.slice(0, 4));
	const [municipalities, complete, bodies, totals, news, current, documents, priorities, responses, coming, past] = await Promise.all([
		listMunicipalities(db),
		populationOfLatestCompleteDate(db),
		listBodies(db, { activeOn: today }),
		listPopulations(db, { totals: true }, { limit: 1, offset: 0 }),
		listNews(db, { today, limit: 3 }),
		programmeInForce(db, year),
		reportYears(db),
		listPriorityObjects(db),
		listConsultations(db, PUBLIC, {}, { limit: SHOWN, offset: 0 }),
		listMeetings(db, PUBLIC, { from: today, to: shiftDay(today, 365) }),
		listMeetings(db, PUBLIC, { to: shiftDay(today, -1), minutesApproved: true, latest: SHOWN })
	]);
	return {
		// Every card on one date: the latest on which all members have a figure.
		municipalities: municipalities.map((m) => ({
			...m,
			latestPopulation: complete.byMunicipality.get(m.id) ?? null,
			latestPopulationDate: complete.date
		})),
		bodies,
		latestTotal: totals.items[0] ?? null,
		news,
		programme: current,
		documents: documents
			.flatMap((y) => [
				...(y.annual.edition ? [{ kind: 'annual' as const, year: y.year, decidedOn: y.annual.edition.decidedOn }] : []),
				...(y.plan.adopted ? [{ kind: 'plan' as const, year: y.year, decidedOn: y.plan.edition?.decidedOn ?? y.plan.decidedOn }] : [])
			])
			.slice(0, 6),
		priorities: priorities.filter((o) => !o.endedOn || o.endedOn > today).map((o) => ({ id: o.id, name: o.name })),
		responses: responses.items.map((c) => ({
			id: c.id,
			title: c.title,
			issuer: c.issuer,
			submittedOn: c.submittedOn,
			year: c.submittedYear
		})),
		comingMeetings: coming
			.filter((m) => m.status !== 'cancelled')
			.slice(0, SHOWN)
			.map(meetingLine),
		approvedMinutes: past.map(meetingLine)
	};
}

const meetingLine = (m: Awaited<ReturnType<typeof listMeetings>>[number]) => ({
	id: m.id,
	// A meeting is often known only by its bodies ("Samarbetskommittén").
	title: m.title || m.bodies.map((b) => b.name).join(', '),
	startsAt: m.startsAt,
	bodies: m.bodies.map((b) => b.shortName ?? b.name)
});

/** The programme whose years hold this one, else the newest; with its areas and focus areas. */
async function programmeInForce(db: Db, year: number) {
	const [p] = await db
		.select({ id: programme.id, name: programme.name, vision: programme.vision, overallGoal: programme.overallGoal })
		.from(programme)
		.orderBy(
			sql`(coalesce(${programme.validFromYear} <= ${year}, true) and coalesce(${programme.validToYear} >= ${year}, true)) desc`,
			sql`${programme.validFromYear} desc nulls last`,
			desc(programme.id)
		)
		.limit(1);
	if (!p) return null;
	const [areas, focus] = await Promise.all([
		db
			.select({ id: programmeArea.id, name: programmeArea.name, purpose: programmeArea.purpose })
			.from(programmeArea)
			.where(eq(programmeArea.programmeId, p.id))
			.orderBy(asc(programmeArea.position)),
		db
			.select({ id: focusArea.id, areaId: focusArea.areaId, name: focusArea.name, mainGoal: focusArea.mainGoal })
			.from(focusArea)
			.where(eq(focusArea.programmeId, p.id))
			.orderBy(asc(focusArea.position))
	]);
	const rows = areas.map((a) => ({ ...a, focusAreas: focus.filter((f) => f.areaId === a.id) }));
	const loose = focus.filter((f) => !areas.some((a) => a.id === f.areaId));
	if (loose.length) rows.push({ id: 0, name: '', purpose: null, focusAreas: loose });
	return { ...p, areas: rows };
}

export type PublicFront = Awaited<ReturnType<typeof publicFront>>;
