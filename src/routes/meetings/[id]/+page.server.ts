import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { getMeeting, type MeetingDetail } from '#lib/server/meetings/queries.ts';
import { meetingFormOptions } from '#lib/server/meetings/form-options.ts';
import { cancelMeeting, recordAttendance, removeAttendance } from '#lib/server/meetings/service.ts';
import {
	addActionItem,
	addAgendaItem,
	attachDocument,
	addDecision,
	noteOpenMatter,
	saveMinutesText,
	tableItem,
	updateAgendaItem
} from '#lib/server/meetings/agenda.ts';
import { approveMinutes, distributeMinutes, openNewMinutesVersion, setMinutesPeople } from '#lib/server/meetings/minutes-service.ts';
import { remindActionItem, sendNotice } from '#lib/server/meetings/notices.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, runForm } from '#lib/server/web.ts';
import { utcToStockholm } from '#lib/core/meetings.ts';
import { listInWords } from '#lib/core/words.ts';
import type { EditorChoices } from './lists.ts';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const actor = event.locals.actor;
	const signedIn = hasRole(actor, 'member');
	const editor = hasRole(actor, 'editor');
	// Side by side: the meeting (its visibility checked in the same query) and the editor's choices, both from its id.
	const [m, choices]: [MeetingDetail, EditorChoices | null] = await read(event, () =>
		Promise.all([getMeeting(db(), actor, id), editor ? meetingFormOptions(db(), id) : null])
	);
	const date = utcToStockholm(m.startsAt).date;
	const adjusted = m.minutesVersions.filter((v) => v.status !== 'draft');
	return {
		meeting: signedIn ? pageView(m) : publicView(pageView(m)),
		date,
		choices,
		adjustedVersions: adjusted.map((v) => v.version),
		mayApprove: {
			secretary: !!m.minutes && m.minutes.status === 'draft' && (editor || actor.personId === m.minutes.secretaryPersonId),
			adjuster: !!m.minutes && m.minutes.status === 'draft' && (editor || actor.personId === m.minutes.adjusterPersonId)
		},
		mailConfigured: runtime().config.smtpUrl !== null
	};
};

/** The public sees the meeting and its agenda; what was said only in adjusted minutes (their own page). */
function publicView(m: ReturnType<typeof pageView>) {
	return {
		...m,
		items: m.items.map((i) => ({ ...i, minutesText: null, decisions: [], actionItems: [], files: [] })),
		actionItems: [],
		attendance: [],
		openMatters: [],
		mail: []
	};
}

/**
 * What the page shows, without the provenance notes of the items, action items
 * and open matters, which it never prints (they made a third of the page's
 * data); the meeting's own source is printed and stays.
 */
function pageView(m: Awaited<ReturnType<typeof getMeeting>>) {
	const unsourced = <A extends { source: string | null }>(a: A): A => ({ ...a, source: null });
	const actions = new Map(m.actionItems.map((a) => [a.id, unsourced(a)]));
	return {
		...m,
		items: m.items.map((i) => ({
			...unsourced(i),
			// The same objects as the meeting's own list, so the page's data holds each once.
			actionItems: i.actionItems.map((a) => actions.get(a.id) ?? unsourced(a))
		})),
		actionItems: [...actions.values()],
		openMatters: m.openMatters.map(unsourced)
	};
}

/** What each of the page's forms says when it succeeded. */
const CONFIRMATIONS: Record<string, string> = {
	cancel: 'Mötet ställdes in.',
	addItem: 'Dagordningspunkten lades till.',
	editItem: 'Dagordningspunkten sparades.',
	minutesText: 'Protokollstexten sparades.',
	decision: 'Beslutet sparades.',
	actionItem: 'Åtgärdspunkten sparades.',
	attach: 'Handlingen bifogades.',
	table: 'Ärendet bordlades.',
	attendance: 'Närvaron sparades.',
	removeAttendance: 'Närvaron togs bort.',
	openMatter: 'Det öppna ärendet antecknades.',
	remind: 'Påminnelsen lades i utkorgen.',
	minutesPeople: 'Protokollets sekreterare och justerare sparades.',
	approve: 'Protokollet godkändes.',
	newVersion: 'En ny version av protokollet öppnades.',
	distribute: 'Protokollet lades i utkorgen till kommunerna.'
};

/** Who the notice went to, and who it could not reach. */
function noticeConfirmation(result: unknown): string {
	const r = result as { sentTo?: string[]; withoutAddress?: string[] } | null;
	const sent = r?.sentTo ?? [];
	const missing = r?.withoutAddress ?? [];
	const to = sent.length ? `Kallelsen lades i utkorgen till ${listInWords(sent)}.` : 'Kallelsen lades i utkorgen.';
	return missing.length ? `${to} Utan e-postadress, fick ingen kallelse: ${listInWords(missing)}.` : to;
}

/** Runs one of the page's forms and returns to the part of the page it belongs to. */
async function post(
	event: RequestEvent,
	form: string,
	anchor: string,
	work: (input: Record<string, string | string[]>, id: number) => Promise<unknown>
) {
	const id = idParam(event.params.id);
	const r = await runForm(event, (input) => work(input, id), {
		extra: { form, itemId: null },
		done: form === 'notice' ? noticeConfirmation : (CONFIRMATIONS[form] ?? undefined)
	});
	if ('ok' in r) {
		runtime().mailer?.kick();
		redirect(303, `/meetings/${id}#${anchor}`);
	}
	return r;
}

/** For the forms that belong to one agenda item: the refused form is shown under that item. */
async function postItem(
	event: RequestEvent,
	form: string,
	work: (input: Record<string, string | string[]>, itemId: number) => Promise<unknown>
) {
	const id = idParam(event.params.id);
	const data = await event.request.clone().formData();
	const itemId = idParam(String(data.get('itemId') ?? ''));
	const r = await runForm(event, (input) => work(input, itemId), { extra: { form, itemId }, done: CONFIRMATIONS[form] });
	if ('ok' in r) redirect(303, `/meetings/${id}#item-${itemId}`);
	return r;
}

export const actions: Actions = {
	cancel: (e) => post(e, 'cancel', 'top', (input, id) => cancelMeeting(db(), e.locals.actor, id, input)),
	notice: (e) => post(e, 'notice', 'notice', (_, id) => sendNotice(db(), e.locals.actor, id)),
	addItem: (e) => post(e, 'addItem', 'agenda', (input, id) => addAgendaItem(db(), e.locals.actor, id, input)),
	editItem: (e) => postItem(e, 'editItem', (input, itemId) => updateAgendaItem(db(), e.locals.actor, itemId, input)),
	minutesText: (e) => postItem(e, 'minutesText', (input, itemId) => saveMinutesText(db(), e.locals.actor, itemId, input)),
	decision: (e) => postItem(e, 'decision', (input, itemId) => addDecision(db(), e.locals.actor, itemId, input)),
	actionItem: (e) => postItem(e, 'actionItem', (input, itemId) => addActionItem(db(), e.locals.actor, itemId, input)),
	attach: async (e) => {
		const data = await e.request.clone().formData();
		const f = data.get('file');
		const file = f instanceof File && f.size > 0 ? { name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) } : null;
		return postItem(e, 'attach', (_, itemId) => attachDocument(db(), e.locals.actor, itemId, file));
	},
	table: (e) => postItem(e, 'table', (input, itemId) => tableItem(db(), e.locals.actor, itemId, input)),
	attendance: (e) => post(e, 'attendance', 'attendance', (input, id) => recordAttendance(db(), e.locals.actor, id, input)),
	removeAttendance: (e) =>
		post(e, 'removeAttendance', 'attendance', (input) => removeAttendance(db(), e.locals.actor, idParam(input.attendanceId))),
	openMatter: (e) => post(e, 'openMatter', 'open-matters', (input, id) => noteOpenMatter(db(), e.locals.actor, id, input)),
	remind: (e) => post(e, 'remind', 'open-matters', (input) => remindActionItem(db(), e.locals.actor, idParam(input.actionItemId))),
	minutesPeople: (e) => post(e, 'minutesPeople', 'minutes', (input, id) => setMinutesPeople(db(), e.locals.actor, id, input)),
	approve: (e) =>
		post(e, 'approve', 'minutes', (input, id) =>
			approveMinutes(db(), e.locals.actor, id, input.as === 'adjuster' ? 'adjuster' : 'secretary')
		),
	newVersion: (e) => post(e, 'newVersion', 'minutes', (input, id) => openNewMinutesVersion(db(), e.locals.actor, id, input)),
	distribute: (e) => post(e, 'distribute', 'minutes', (_, id) => distributeMinutes(db(), e.locals.actor, id))
};
