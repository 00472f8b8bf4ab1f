import { redirect, type RequestEvent } from '@sveltejs/kit';
import { namesInWords } from '#lib/core/mail.ts';
import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { idParam, load as read, runForm, uploadedFile } from '#lib/server/web.ts';
import { chairDecisionNeeded, getConsultation, remissEditorLists } from '#lib/server/consultations/queries.ts';
import * as cs from '#lib/server/consultations/service.ts';
import { hasRole } from '#lib/server/actor.ts';
import { dueState } from '#lib/core/consultations.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = (event) =>
	read(event, async () => {
		const d = db();
		const actor = event.locals.actor;
		const today = todayIso();
		const id = idParam(event.params.id);
		// ?allaMoten: the meeting link form offers every meeting, not only those around the remiss's dates.
		const allMeetings = event.url.searchParams.has('allaMoten');
		// Two round trips for an editor (the remiss, the forms' lists), one for anyone else.
		const [c, forEditor] = await Promise.all([
			getConsultation(d, actor, id),
			hasRole(actor, 'editor') ? remissEditorLists(d, today, id, allMeetings) : null
		]);
		return {
			c,
			chairNeeded: forEditor ? chairDecisionNeeded(c, today, forEditor.nextCommitteeMeeting) : null,
			due: dueState(c, today),
			today,
			lists: forEditor ? forEditor.lists : {},
			meetingWindow: forEditor ? forEditor.meetingWindow : null,
			allMeetings,
			registrars: forEditor ? forEditor.registrars : [],
			mailConfigured: runtime().config.smtpUrl !== null
		};
	});

/** What each of the page's forms says when it succeeded. */
const SAVED: Record<string, string> = {
	upload: 'Svarsdokumentet är uppladdat.',
	submit: 'Svaret är markerat som skickat.',
	notify: 'Beskedet till registratorerna ligger i utskicken.',
	meeting: 'Mötet är kopplat till remissen.',
	unlink: 'Kopplingen till mötet är borttagen.',
	chair: 'Ordförandebeslutet är registrerat.'
};

/** The confirmation; the registrars' notice says who got it and who had no address. */
function doneText(name: string, result: unknown): string {
	const told = result as { sentTo?: string[]; missing?: string[] } | null;
	if (name !== 'notify' || !told?.sentTo) return SAVED[name];
	const missing = told.missing?.length ? ` Inte till ${namesInWords(told.missing)}: ingen registratorsadress.` : '';
	return `${SAVED.notify} Till ${namesInWords(told.sentTo)}.${missing}`;
}

/** Runs one of the page's forms; on success back to the page, saying what happened. */
function action(name: string, work: (event: RequestEvent, id: number, input: Record<string, string | string[]>) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => work(event, id, input), { extra: { form: name }, done: (result) => doneText(name, result) });
		if ('ok' in r) {
			await runtime().mailer?.kick();
			redirect(303, `/consultations/${id}`);
		}
		return r;
	};
}

export const actions: Actions = {
	upload: async (event) => {
		const file = await uploadedFile(event);
		return action('upload', (e, id, input) => cs.uploadResponse(db(), e.locals.actor, id, { version: input.version, file }))(event);
	},
	submit: action('submit', (e, id, input) => cs.submitResponse(db(), e.locals.actor, id, input)),
	notify: action('notify', (e, id, input) => cs.notifyRegistrars(db(), e.locals.actor, id, input)),
	meeting: action('meeting', (e, id, input) => cs.linkMeeting(db(), e.locals.actor, id, input)),
	unlink: action('unlink', (e, id, input) => cs.unlinkMeeting(db(), e.locals.actor, id, Number(input.meetingId))),
	chair: action('chair', (e, id, input) => cs.addChairDecision(db(), e.locals.actor, id, input))
};
