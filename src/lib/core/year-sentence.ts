// A body's year in one sentence, as the annual report prints it: its meetings
// by kind and format (counted where the records fall short), cancellations,
// attendance, guests and new representatives. Pure.
import { meetingsOfYear, type KindCount, type MeetingFormat, type MeetingKind } from './meetings.ts';
import { countWord } from './report.ts';

export interface YearFigures {
	/** The held meetings on record, by kind and format. */
	held: KindCount[];
	/** What sources count for the year (meeting_count). */
	counted: KindCount[];
	cancelled: number;
	attendanceRate: number | null;
	/** Municipalities whose representative changed during the year, by name, as the dated memberships show. */
	turnover: string[];
	/** How many changed, where a source counts it (turnover_count); printed when the memberships show fewer. */
	turnoverCounted?: number | null;
	guests: number;
}

const KIND_WORDS: Record<MeetingKind, [one: string, many: string]> = {
	ordinary: ['ordinarie möte', 'ordinarie möten'],
	extra: ['extra möte', 'extra möten'],
	planning_conference: ['planeringskonferens', 'planeringskonferenser'],
	joint_network: ['gemensamt nätverksmöte', 'gemensamma nätverksmöten']
};
const FORMAT_WORDS: Record<MeetingFormat, string> = { digital: 'digitalt', physical: 'fysiskt', hybrid: 'delvis digitalt' };

/** "ett möte", "en planeringskonferens", "fem möten". */
const numberOf = (kind: MeetingKind, n: number) => (n === 1 ? (kind === 'planning_conference' ? 'en' : 'ett') : countWord(n));

export const listWords = (parts: string[]) =>
	parts.length > 1 ? `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)}` : (parts[0] ?? '');

/** "fem ordinarie möten (digitalt)", "sex ordinarie möten (fem digitalt, ett fysiskt)". */
function kindPhrase(kind: MeetingKind, rows: KindCount[]): string {
	const n = rows.reduce((s, r) => s + r.count, 0);
	const known = rows.filter((r) => r.format !== null);
	const unknown = n - known.reduce((s, r) => s + r.count, 0);
	let formats = '';
	if (known.length === 1 && unknown === 0) formats = ` (${FORMAT_WORDS[known[0].format!]})`;
	else if (known.length)
		formats = ` (${listWords([
			...known.map((r) => `${numberOf(kind, r.count)} ${FORMAT_WORDS[r.format!]}`),
			...(unknown ? [`${numberOf(kind, unknown)} där formen inte är angiven`] : [])
		])})`;
	return `${numberOf(kind, n)} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}${formats}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function yearSentence(y: YearFigures, year: number, subject = 'nätverket'): string {
	const { rows, fromCounts } = meetingsOfYear(y.held, y.counted);
	// Where a source's count stands in for missing records, what the records alone show is said to be theirs.
	const partial = fromCounts.length > 0;
	const kinds = [...new Set(rows.map((r) => r.kind))];
	let text = kinds.length
		? `Under ${year} har ${subject} haft ${listWords(
				kinds.map((k) =>
					kindPhrase(
						k,
						rows.filter((r) => r.kind === k)
					)
				)
			)}.`
		: `Under ${year} har ${subject} inte haft något registrerat möte.`;
	if (y.cancelled) text += ` ${y.cancelled === 1 ? 'Ett möte' : `${capital(countWord(y.cancelled))} möten`} ställdes in.`;
	const rate = y.attendanceRate != null ? `${Math.round(y.attendanceRate * 100)} %` : null;
	if (rate) text += partial ? ` Närvaron vid de registrerade mötena var ${rate}.` : ` Närvaron var ${rate}.`;
	if (y.guests) {
		const who = y.guests === 1 ? 'en extern gäst' : `${countWord(y.guests)} externa gäster`;
		text += partial ? ` Vid de registrerade mötena har ${who} deltagit.` : ` ${capital(who)} har deltagit.`;
	}
	const counted = y.turnoverCounted ?? 0;
	if (counted > y.turnover.length)
		text +=
			counted === 1
				? ' En kommun har bytt representant under året.'
				: ` ${capital(countWord(counted))} kommuner har bytt representanter under året.`;
	else if (y.turnover.length) text += ` Ny representant under året: ${y.turnover.join(', ')}.`;
	return text;
}
