import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { idParam, load as read, runForm, uploadedFile } from '#lib/server/web.ts';
import { deadlineBeforeNextMeeting, getConsultation } from '#lib/server/consultations/queries.ts';
import * as cs from '#lib/server/consultations/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
import { hasRole } from '#lib/server/actor.ts';
import { dueState } from '#lib/core/consultations.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = (event) =>
	read(event, async () => {
		const d = db();
		const actor = event.locals.actor;
		const c = await getConsultation(d, actor, idParam(event.params.id));
		const editor = hasRole(actor, 'editor');
		const today = todayIso();
		return {
			c,
			chairNeeded: editor ? await deadlineBeforeNextMeeting(d, c, today) : null,
			due: dueState(c, today),
			today,
			saved: event.url.searchParams.get('saved'),
			lists: editor ? await consultationOptions(d, ['meetings', 'bodies']) : {},
			mailConfigured: runtime().config.smtpUrl !== null
		};
	});

/** Runs one of the page's forms; on success back to the page, saying what happened. */
function action(
	name: string,
	work: (event: RequestEvent, id: number, input: Record<string, string | string[]>) => Promise<unknown>,
	saved = name
) {
	return async (event: RequestEvent) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => work(event, id, input), { extra: { form: name } });
		if ('ok' in r) {
			await runtime().mailer?.kick();
			redirect(303, `/consultations/${id}?saved=${saved}`);
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
