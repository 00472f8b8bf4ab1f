import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getMeeting } from '#lib/server/meetings/queries.ts';
import { updateMeeting } from '#lib/server/meetings/service.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { meetingInputOf } from '#lib/core/meetings.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'editor');
	const id = idParam(event.params.id);
	const m = await read(event, () => getMeeting(db(), actor, id));
	const values = meetingInputOf(m);
	return {
		id,
		version: m.version,
		values: { ...values, bodyIds: values.bodyIds.map(String) },
		lists: await optionLists(db(), ['bodies', 'municipalities', 'persons'])
	};
};

export const actions: Actions = {
	default: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateMeeting(db(), event.locals.actor, id, input));
		if ('ok' in r) redirect(303, `/meetings/${id}`);
		return r;
	}
};
