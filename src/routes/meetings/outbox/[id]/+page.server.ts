// One message of the outbox as its recipient would read it, with its
// attachments: without SMTP_URL this is where mail can be tried.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { getOutboxMessage } from '#lib/server/mail/outbox.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';
import { undeliverableReason } from '#lib/core/mail.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const message = await read(event, () => getOutboxMessage(db(), idParam(event.params.id)));
	if (!message) error(404, 'Utskicket finns inte.');
	return {
		message,
		from: runtime().config.mailFrom,
		mailConfigured: runtime().config.smtpUrl !== null,
		undeliverable: undeliverableReason(message.recipient)
	};
};
