import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { listOutbox, outboxState } from '#lib/server/mail/outbox.ts';
import { retryMail } from '#lib/server/meetings/notices.ts';
import { formDataOf, requirePage, runForm } from '#lib/server/web.ts';
import { setFlash } from '#lib/server/flash.ts';
import { retryOutcome } from '#lib/core/mail-text.ts';
import { hasRole } from '#lib/server/actor.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const meetingId = Number(event.url.searchParams.get('meeting')) || undefined;
	const mail = await listOutbox(db(), { meetingId });
	return { mail, mailConfigured: runtime().config.smtpUrl !== null, meetingId: meetingId ?? null };
};

export const actions: Actions = {
	retry: async (event) => {
		const id = Number((await formDataOf(event)).get('id'));
		const r = await runForm(event, () => retryMail(db(), event.locals.actor, id), { done: null });
		if ('ok' in r) {
			// The retry is tried at once, and the page says how it went: sent, failing and why, or waiting for a mail server.
			const mailer = runtime().mailer;
			await mailer?.kick();
			const message = retryOutcome(await outboxState(db(), id), mailer !== null, hasRole(event.locals.actor, 'admin'));
			setFlash(event.cookies, message, event.url.protocol === 'https:');
			const meeting = event.url.searchParams.get('meeting');
			redirect(303, `/meetings/outbox${meeting ? `?meeting=${encodeURIComponent(meeting)}` : ''}`);
		}
		return r;
	}
};
