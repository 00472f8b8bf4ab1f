// Sending a meeting's notice: first the list of who will get it and who cannot
// (no address), then the send, then exactly who got it and who did not.
import { redirect } from '@sveltejs/kit';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { auditLog } from '#lib/server/db/schema/index.ts';
import { getMeeting } from '#lib/server/meetings/queries.ts';
import { noticePreview, sendNotice } from '#lib/server/meetings/notices.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { undeliverableReason } from '#lib/core/mail.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'editor');
	const id = idParam(event.params.id);
	const [m, preview, last] = await read(event, () =>
		Promise.all([
			getMeeting(db(), actor, id),
			noticePreview(db(), actor, id),
			db()
				.select({ at: auditLog.at, actor: auditLog.actor, action: auditLog.action, after: auditLog.after })
				.from(auditLog)
				.where(
					and(eq(auditLog.entity, 'meeting'), eq(auditLog.entityId, String(id)), inArray(auditLog.action, ['send_notice', 'resend_notice']))
				)
				.orderBy(desc(auditLog.id))
				.limit(1)
		])
	);
	const sent = last[0]?.after as { to?: string[]; withoutAddress?: string[] } | undefined;
	return {
		meeting: { id: m.id, title: m.title, kind: m.kind, bodies: m.bodies, status: m.status },
		preview: {
			...preview,
			reachable: preview.reachable.map((r) => ({ ...r, undeliverable: undeliverableReason(r.email!) !== null }))
		},
		lastSent: last[0] ? { at: last[0].at, by: last[0].actor, to: sent?.to ?? [], withoutAddress: sent?.withoutAddress ?? [] } : null,
		justSent: event.url.searchParams.has('sent'),
		mailConfigured: runtime().config.smtpUrl !== null
	};
};

export const actions: Actions = {
	send: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, () => sendNotice(db(), event.locals.actor, id), { done: null });
		if ('ok' in r) {
			runtime().mailer?.kick();
			redirect(303, `/meetings/${id}/send-notice?sent#result`);
		}
		return r;
	}
};
