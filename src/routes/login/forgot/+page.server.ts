import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { requestPasswordReset } from '#lib/server/auth/reset.ts';
import { runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = () => ({});

export const actions = {
	default: async (event) => {
		const baseUrl = runtime().config.publicUrl || event.url.origin;
		const result = await runForm(event, (input) => requestPasswordReset(db(), input, { ip: event.getClientAddress(), baseUrl }), {
			done: null
		});
		if (!('ok' in result)) return result;
		runtime().mailer?.kick();
		return { sent: result.result.message };
	}
} satisfies Actions;
