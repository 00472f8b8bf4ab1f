// Counted facts of a body's year where the records do not hold every item: its
// meetings ("fem digitala möten") and the municipalities that changed
// representative ("fyra kommuner"). The year's documents print the count when
// the records fall short of it; a count below the records is refused.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { meeting, meetingBody, meetingCount, turnoverCount } from '../db/schema/index.ts';
import { fieldError } from '../errors.ts';
import type { Register } from '../register.ts';
import { meetingCountInput, turnoverCountInput } from '../../schemas/meetings.ts';
import {
	MEETING_FORMAT_LABELS,
	MEETING_KIND_LABELS,
	stockholmToUtc,
	turnover,
	type MeetingFormat,
	type MeetingKind
} from '../../core/meetings.ts';
import { representationPeriods } from './statistics.ts';

/** The held meetings on record of a body, year, kind and format (null: those whose form is not given). */
async function recorded(tx: Tx, v: { bodyId: number; year: number; kind: string; format: string | null }) {
	const [{ n }] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(meeting)
		.innerJoin(meetingBody, eq(meetingBody.meetingId, meeting.id))
		.where(
			and(
				eq(meetingBody.bodyId, v.bodyId),
				eq(meeting.status, 'held'),
				eq(meeting.kind, v.kind),
				v.format === null ? sql`${meeting.format} is null` : eq(meeting.format, v.format),
				gte(meeting.startsAt, stockholmToUtc(`${v.year}-01-01`, '00:00')),
				lt(meeting.startsAt, stockholmToUtc(`${v.year + 1}-01-01`, '00:00'))
			)
		);
	return n;
}

export const meetingCounts: Register<typeof meetingCountInput> = {
	entity: 'meeting_count',
	what: 'Antalet',
	table: meetingCount,
	input: meetingCountInput,
	constraints: {
		meeting_count_body_year_kind_format: [
			'kind',
			'Mötestyp: det finns redan ett antal för den mötestypen och formen det året; ändra det i stället.'
		],
		meeting_count_body_id_body_id_fk: ['bodyId', 'Organ: det valda organet finns inte.']
	},
	// A count below the meetings on record would say the year held fewer than it did.
	check: async (tx, v) => {
		const n = await recorded(tx, v);
		if ((v.count ?? 0) < n) {
			const what = `${MEETING_KIND_LABELS[v.kind as MeetingKind].toLowerCase()}${v.format ? ` (${MEETING_FORMAT_LABELS[v.format as MeetingFormat].toLowerCase()})` : ' utan angiven form'}`;
			throw fieldError(
				'count',
				`Antal: ${n} ${n === 1 ? 'genomfört möte' : 'genomförda möten'} av typen ${what} finns registrerade ${v.year}; antalet kan inte vara lägre.`
			);
		}
	}
};

export function listMeetingCounts(db: Db, f: { bodyId?: number; year?: number } = {}) {
	return db
		.select()
		.from(meetingCount)
		.where(and(f.bodyId ? eq(meetingCount.bodyId, f.bodyId) : undefined, f.year ? eq(meetingCount.year, f.year) : undefined))
		.orderBy(
			asc(meetingCount.year),
			asc(meetingCount.bodyId),
			sql`array_position(array['ordinary','extra','planning_conference','joint_network'], ${meetingCount.kind})`,
			asc(meetingCount.id)
		);
}

export const turnoverCounts: Register<typeof turnoverCountInput> = {
	entity: 'turnover_count',
	what: 'Antalet',
	table: turnoverCount,
	input: turnoverCountInput,
	constraints: {
		turnover_count_body_year: ['year', 'År: organet har redan ett antal byten det året; ändra det i stället.'],
		turnover_count_body_id_body_id_fk: ['bodyId', 'Organ: det valda organet finns inte.']
	},
	// Fewer than the changes the dated memberships show would say less happened than did.
	check: async (tx, v) => {
		const n = turnover(await representationPeriods(tx, [v.bodyId]), v.year).length;
		if ((v.municipalities ?? 0) < n)
			throw fieldError(
				'municipalities',
				`Antal kommuner: uppdragen visar att ${n} ${n === 1 ? 'kommun' : 'kommuner'} bytte representant ${v.year}; antalet kan inte vara lägre.`
			);
	}
};

export function listTurnoverCounts(db: Db, f: { bodyId?: number; year?: number } = {}) {
	return db
		.select()
		.from(turnoverCount)
		.where(and(f.bodyId ? eq(turnoverCount.bodyId, f.bodyId) : undefined, f.year ? eq(turnoverCount.year, f.year) : undefined))
		.orderBy(asc(turnoverCount.year), asc(turnoverCount.bodyId));
}
