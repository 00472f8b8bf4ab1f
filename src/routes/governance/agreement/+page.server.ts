import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { load as read, requirePage, runForm } from '#lib/server/web.ts';
import { getAgreement, listNotices, recordNotice } from '#lib/server/governance/agreement.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';
import { noticePeriod } from '#lib/core/governance.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

// Public: the agreement is the cooperation's own constitution. Editors record notices to leave.
export const load: PageServerLoad = async (event) => {
	const d = db();
	const v = Number(event.url.searchParams.get('version'));
	const a = await read(event, () => getAgreement(d, Number.isInteger(v) && v > 0 ? v : undefined));
	const editor = hasRole(event.locals.actor, 'editor');
	const member = hasRole(event.locals.actor, 'member');
	const received = event.url.searchParams.get('received') ?? '';
	const valid = ISO.test(received) && new Date(`${received}T00:00:00Z`).toISOString().slice(0, 10) === received;
	return {
		a,
		notices: member ? await listNotices(d) : (await listNotices(d)).map((n) => ({ ...n, mails: [] })),
		computed: valid ? noticePeriod(received) : null,
		received,
		receivedInvalid: received !== '' && !valid,
		editor,
		member,
		lists: editor ? await governanceOptions(d, ['municipalities']) : {},
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	notice: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => recordNotice(db(), event.locals.actor, input), { done: null, extra: { form: 'notice' } });
		if ('ok' in r) redirect(303, `/governance/agreement?saved=notice#notices`);
		return r;
	}
};
