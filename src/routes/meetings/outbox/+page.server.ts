import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { listOutbox } from '#lib/server/mail/outbox.ts';
import { retryMail } from '#lib/server/meetings/notices.ts';
import { requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const meetingId = Number(event.url.searchParams.get('meeting')) || undefined;
	const retriedId = Number(event.url.searchParams.get('retried')) || null;
	const mail = await listOutbox(db(), { meetingId });
	// What the retry did, said on the page it returns to.
	const retried = retriedId ? (mail.find((m) => m.id === retriedId) ?? null) : null;
	return { mail, mailConfigured: runtime().config.smtpUrl !== null, meetingId: meetingId ?? null, retried };
};

export const actions: Actions = {
	retry: async (event) => {
		const r = await runForm(event, (input) => retryMail(db(), event.locals.actor, Number(input.id)));
		if ('ok' in r) {
			await runtime().mailer?.kick();
			const meeting = event.url.searchParams.get('meeting');
			redirect(303, `/meetings/outbox?${meeting ? `meeting=${encodeURIComponent(meeting)}&` : ''}retried=${Number(r.result)}#retried`);
		}
		return r;
	}
};
