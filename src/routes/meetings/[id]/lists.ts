// The meeting page's editor choices as its forms' option lists. Built in the
// browser as well as on the server, so the page's data carries every person
// once (with their title and whether they sat on the meeting's bodies), not once
// per list.
import { utcToStockholm } from '#lib/core/meetings.ts';

export interface EditorChoices {
	persons: { id: number; name: string; title: string | null }[];
	memberIds: number[];
	activities: { id: number; title: string; year: number }[];
	laterMeetings: { id: number; startsAt: Date; bodies: string[] }[];
}

export function editorLists(o: EditorChoices) {
	const members = new Set(o.memberIds);
	return {
		persons: o.persons.map((p) => ({ value: String(p.id), label: p.title ? `${p.name}, ${p.title}` : p.name })),
		members: [
			...o.persons.filter((p) => members.has(p.id)).map((p) => ({ value: String(p.id), label: `${p.name} (ledamot)` })),
			...o.persons.filter((p) => !members.has(p.id)).map((p) => ({ value: String(p.id), label: p.name }))
		],
		activities: o.activities.map((a) => ({ value: String(a.id), label: `${a.year}: ${a.title}` })),
		laterMeetings: o.laterMeetings.map((m) => ({ value: String(m.id), label: `${utcToStockholm(m.startsAt).date} ${m.bodies.join(', ')}` }))
	};
}
