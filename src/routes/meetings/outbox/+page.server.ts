import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { listOutbox } from '#lib/server/mail/outbox.ts';
import { retryMail } from '#lib/server/meetings/notices.ts';
import { requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const meetingId = Number(event.url.searchParams.get('meeting')) || undefined;
	return { mail: await listOutbox(db(), { meetingId }), mailConfigured: runtime().config.smtpUrl !== null, meetingId: meetingId ?? null };
};

export const actions: Actions = {
	retry: async (event) => {
		const r = await runForm(event, (input) => retryMail(db(), event.locals.actor, Number(input.id)));
		if ('ok' in r) {
			await runtime().mailer?.kick();
			redirect(303, '/meetings/outbox');
		}
		return r;
	}
};
