// The demo's meetings: the bodies' rules, the 2020 calendar, the meetings the
// annual reports date, and the management group's meeting of 20 November 2020
// in full, transcribed from the seeds into demo/meetings/meetings.json.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import {
	actionItem,
	actionItemNote,
	activity,
	agendaItem,
	agendaItemActivity,
	agendaItemDecision,
	attendance,
	bodyRules,
	decision,
	decisionActivity,
	meeting,
	meetingBody,
	meetingCount,
	minutes,
	turnoverCount,
	plan
} from '../db/schema/index.ts';
import { stockholmToUtc } from '../../core/meetings.ts';
import { lookup } from './load.ts';
import { SYSTEM } from '../actor.ts';
import { getCooperation } from '../organisation/queries.ts';
import { getMeeting } from '../meetings/queries.ts';
import { documentOf } from '../meetings/document.ts';
import type { DemoRefs } from './planning.ts';
import { readDemoJson } from './read.ts';

interface DemoMeetings {
	bodyRules: {
		bodyKey: string;
		quorumPercent: number | null;
		decisionRule: string | null;
		extraMeetingThreshold: number | null;
		minutesToMunicipalities: boolean;
		meetingsPerYear: number | null;
		chairChosenYearly: boolean;
		remoteAllowed: boolean;
		source: string;
	}[];
	meetings: {
		key: string;
		bodyKeys: string[];
		kind: string;
		title: string | null;
		date: string;
		start: string | null;
		endDate: string | null;
		end: string | null;
		place: string | null;
		hostMunicipalityCode: string | null;
		format: string | null;
		status: string;
		statusNote: string | null;
		chairPersonKey: string | null;
		chairNote: string | null;
		source: string;
		attendance: { personKey: string; status: string; guest: boolean; onlyItems: number[]; role: string | null }[];
		items: {
			number: number;
			title: string;
			presenter: string | null;
			kind: string;
			standing: boolean;
			text: string | null;
			decisions: { title: string; chairDecision: boolean }[];
			actionItems: { key: string; text: string; responsiblePersonKey: string | null; responsibleText: string | null; dueOn: string | null }[];
			openMatterNotes: { actionKey: string; note: string }[];
			activityTitles: string[];
			tabledToMeetingKey: string | null;
			source: string;
		}[];
		minutes: { secretaryPersonKey: string; adjusterPersonKey: string; status: string } | null;
	}[];
	/** What the reports count where the meetings themselves are not all transcribed. */
	meetingCounts?: {
		bodyKey: string;
		year: number;
		kind: string;
		format: string | null;
		count: number;
		source: string;
		note: string | null;
	}[];
	turnoverCounts?: { bodyKey: string; year: number; municipalities: number; source: string; note: string | null }[];
	earlierActionItems: {
		key: string;
		meetingKey: string;
		text: string;
		responsiblePersonKey: string | null;
		responsibleText: string | null;
		dueOn: string | null;
		closedAtMeetingKey: string | null;
		source: string;
	}[];
}

/**
 * What the demo's rules say beyond the transcription: the committee has one
 * seat per municipality (§3), its and the management group's meetings are
 * public, and the management group prepares the committee's meetings.
 */
const RULE_EXTRAS: Record<string, { seats?: number; publicMeetings: boolean; preparesForKey?: string }> = {
	ssk: { seats: 8, publicMeetings: true },
	lg: { publicMeetings: true, preparesForKey: 'ssk' }
};

export function meetingFile(dir: string): DemoMeetings | null {
	const file = path.join(dir, 'meetings', 'meetings.json');
	return fs.existsSync(file) ? readDemoJson<DemoMeetings>(dir, 'meetings/meetings.json') : null;
}

export async function insertMeetings(tx: Tx, data: DemoMeetings | null, refs: DemoRefs) {
	if (!data) return {};
	const bodyOf = (key: string) => lookup(refs.bodies, key, 'organ')!;
	const personOf = (key: string | null) => lookup(refs.persons, key, 'person');

	for (const r of data.bodyRules) {
		const extra = RULE_EXTRAS[r.bodyKey] ?? { publicMeetings: false };
		await tx.insert(bodyRules).values({
			bodyId: bodyOf(r.bodyKey),
			seats: extra.seats ?? null,
			quorumPercent: r.quorumPercent,
			decisionRule: r.decisionRule,
			extraMeetingThreshold: r.extraMeetingThreshold,
			minutesToMunicipalities: r.minutesToMunicipalities,
			meetingsPerYear: r.meetingsPerYear,
			chairChosenYearly: r.chairChosenYearly,
			remoteAllowed: r.remoteAllowed,
			publicMeetings: extra.publicMeetings,
			preparesForBodyId: extra.preparesForKey ? bodyOf(extra.preparesForKey) : null,
			source: r.source
		});
	}

	const meetings = new Map<string, number>();
	const rows = await tx
		.insert(meeting)
		.values(
			data.meetings.map((m) => ({
				kind: m.kind,
				title: m.title,
				// A meeting with no known time is placed at midnight, its end unknown.
				startsAt: stockholmToUtc(m.date, m.start ?? '00:00'),
				endsAt: m.end ? stockholmToUtc(m.endDate ?? m.date, m.end) : null,
				place: m.place,
				hostMunicipalityId: lookup(refs.municipalities, m.hostMunicipalityCode, 'kommun'),
				format: m.format,
				status: m.status,
				statusNote: m.statusNote,
				chairPersonId: personOf(m.chairPersonKey),
				chairNote: m.chairNote,
				source: m.source
			}))
		)
		.returning({ id: meeting.id });
	data.meetings.forEach((m, i) => meetings.set(m.key, rows[i].id));
	for (const [key, id] of meetings) refs.meetings.set(key, id);
	const meetingOf = (key: string | null) => lookup(meetings, key, 'möte');
	await tx.insert(meetingBody).values(data.meetings.flatMap((m) => m.bodyKeys.map((k) => ({ meetingId: meetings.get(m.key)!, bodyId: bodyOf(k) }))));

	const titles = [...new Set(data.meetings.flatMap((m) => m.items.flatMap((i) => i.activityTitles)))];
	const acts = titles.length
		? await tx
				.select({ id: activity.id, title: activity.title })
				.from(activity)
				.innerJoin(plan, eq(plan.id, activity.planId))
				.where(and(eq(plan.year, 2020), inArray(activity.title, titles)))
		: [];
	const activityByTitle = new Map(acts.map((a) => [a.title, a.id]));
	const activityOf = (title: string) => lookup(activityByTitle, title, 'aktivitet');

	const actions = new Map<string, number>();
	for (const a of data.earlierActionItems) {
		const [row] = await tx
			.insert(actionItem)
			.values({
				meetingId: meetingOf(a.meetingKey)!,
				text: a.text,
				responsiblePersonId: personOf(a.responsiblePersonKey),
				responsibleText: a.responsibleText,
				dueOn: a.dueOn,
				closedAtMeetingId: meetingOf(a.closedAtMeetingKey),
				closedOn: a.closedAtMeetingKey ? data.meetings.find((m) => m.key === a.closedAtMeetingKey)!.date : null,
				source: a.source
			})
			.returning({ id: actionItem.id });
		actions.set(a.key, row.id);
	}

	let items = 0;
	let decisions = 0;
	for (const m of data.meetings) {
		const meetingId = meetings.get(m.key)!;
		if (m.attendance.length)
			await tx.insert(attendance).values(
				m.attendance.map((a) => ({
					meetingId,
					personId: personOf(a.personKey)!,
					status: a.status,
					guest: a.guest,
					onlyItems: a.onlyItems,
					role: a.role
				}))
			);
		for (const it of m.items) {
			const [row] = await tx
				.insert(agendaItem)
				.values({
					meetingId,
					number: it.number,
					kind: it.kind,
					title: it.title,
					presenter: it.presenter,
					standing: it.standing,
					minutesText: it.text,
					tabledToMeetingId: meetingOf(it.tabledToMeetingKey),
					source: it.source
				})
				.returning({ id: agendaItem.id });
			items++;
			const activityIds = it.activityTitles.map((t) => activityOf(t)!);
			if (activityIds.length) await tx.insert(agendaItemActivity).values(activityIds.map((activityId) => ({ agendaItemId: row.id, activityId })));
			for (const [position, d] of it.decisions.entries()) {
				const [made] = await tx
					.insert(decision)
					.values({
						decidedOn: m.date,
						decidedBy: d.chairDecision ? 'chair' : 'body',
						bodyId: bodyOf(m.bodyKeys[0]),
						title: d.title,
						source: `${it.source}`
					})
					.returning({ id: decision.id });
				decisions++;
				await tx.insert(agendaItemDecision).values({ agendaItemId: row.id, decisionId: made.id, position });
				if (activityIds.length)
					await tx
						.insert(decisionActivity)
						.values(activityIds.map((activityId) => ({ decisionId: made.id, activityId })))
						.onConflictDoNothing();
			}
			for (const a of it.actionItems) {
				const [ai] = await tx
					.insert(actionItem)
					.values({
						meetingId,
						agendaItemId: row.id,
						text: a.text,
						responsiblePersonId: personOf(a.responsiblePersonKey),
						responsibleText: a.responsibleText,
						dueOn: a.dueOn,
						source: it.source
					})
					.returning({ id: actionItem.id });
				actions.set(a.key, ai.id);
			}
			for (const n of it.openMatterNotes)
				await tx.insert(actionItemNote).values({ actionItemId: lookup(actions, n.actionKey, 'ärende')!, meetingId, note: n.note });
			if (it.tabledToMeetingKey) {
				await tx.insert(agendaItem).values({
					meetingId: meetingOf(it.tabledToMeetingKey)!,
					number: 1,
					title: `Bordlagda punkter från mötet ${m.date}: ${it.title}`,
					tabledFromItemId: row.id,
					source: it.source
				});
				items++;
			}
		}
		if (m.minutes) {
			await tx.insert(minutes).values({
				meetingId,
				version: 1,
				status: 'draft',
				secretaryPersonId: personOf(m.minutes.secretaryPersonKey),
				adjusterPersonId: personOf(m.minutes.adjusterPersonKey)
			});
		}
	}
	// Minutes the seeds print as adjusted are frozen as they were loaded; the day is not known.
	const coop = await getCooperation(tx);
	for (const m of data.meetings.filter((x) => x.minutes && x.minutes.status !== 'draft')) {
		const meetingId = meetings.get(m.key)!;
		const doc = documentOf(await getMeeting(tx, SYSTEM, meetingId), coop?.name ?? '', 'minutes');
		const at = stockholmToUtc(m.endDate ?? m.date, m.end ?? m.start ?? '00:00');
		await tx
			.update(minutes)
			.set({
				status: m.minutes!.status,
				secretaryApprovedAt: at,
				secretaryApprovedBy: 'Demodata',
				adjusterApprovedAt: at,
				adjusterApprovedBy: 'Demodata',
				adjustedAt: at,
				snapshot: { ...doc, versionNote: 'Justerade (dagen för justeringen anges inte i källan).' }
			})
			.where(eq(minutes.meetingId, meetingId));
	}
	const counts = data.meetingCounts ?? [];
	if (counts.length) await tx.insert(meetingCount).values(counts.map(({ bodyKey, ...c }) => ({ ...c, bodyId: bodyOf(bodyKey) })));
	const changes = data.turnoverCounts ?? [];
	if (changes.length) await tx.insert(turnoverCount).values(changes.map(({ bodyKey, ...c }) => ({ ...c, bodyId: bodyOf(bodyKey) })));
	return {
		möten: data.meetings.length,
		dagordningspunkter: items,
		mötesbeslut: decisions,
		ärenden: actions.size,
		'räknade möten': counts.length,
		'räknade byten av representanter': changes.length
	};
}
