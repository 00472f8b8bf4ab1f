import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { load as read, requirePage, runForm } from '#lib/server/web.ts';
import { amendAgreement, getAgreement, listNotices } from '#lib/server/governance/agreement.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';

// A new version starts from the text in force; after a notice to leave, from the remaining parties (§ 9).
export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const d = db();
	const a = await read(event, () => getAgreement(d));
	const leaving = new Set((await listNotices(d)).map((n) => n.municipalityId));
	const v = a.version;
	return {
		a,
		values: {
			preamble: v.preamble ?? '',
			partyIds: v.parties.filter((p) => !leaving.has(p.id)).map((p) => String(p.id)),
			...Object.fromEntries(
				v.paragraphs.flatMap((p) => [
					[`title_${p.number}`, p.title],
					[`text_${p.number}`, p.text]
				])
			)
		},
		numbers: [...v.paragraphs.map((p) => p.number), Math.max(0, ...v.paragraphs.map((p) => p.number)) + 1],
		lists: await governanceOptions(d, ['municipalities', 'decisions', 'bodies'])
	};
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => amendAgreement(db(), event.locals.actor, input), { done: null });
		if ('ok' in r) redirect(303, '/governance/agreement?saved=amend');
		return r;
	}
};
