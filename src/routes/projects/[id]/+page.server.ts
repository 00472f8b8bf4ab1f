import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { hasRole } from '#lib/server/actor.ts';
import { getProject } from '#lib/server/projects/queries.ts';
import { addFunding, bookOnProject, removeFunding, updateProject } from '#lib/server/projects/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
import { financeOptions } from '#lib/server/finance/options.ts';
import { amountInput } from '#lib/core/finance.ts';
import { todayIso } from '#lib/core/format.ts';
import { listProjectReportTexts, projectReportTexts } from '#lib/server/projects/report-texts.ts';
import { createEntry, removeEntry, updateEntry } from '#lib/server/register.ts';

/** The ledger fields a cost booked from the project page may carry; the project is the page's own. */
const BOOKED = ['date', 'fundId', 'categoryId', 'amount', 'counterparty', 'description'];

// Public: the project is what the annual report publishes. Editors get the forms' lists.
export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const d = db();
	const [project, reportTexts] = await read(event, () => Promise.all([getProject(d, id), listProjectReportTexts(d, { projectId: id })]));
	const editor = hasRole(event.locals.actor, 'editor');
	const today = todayIso();
	return {
		project,
		reportTexts,
		saved: event.url.searchParams.has('saved'),
		today,
		values: editor ? { ...project, budget: amountInput(project.budget) } : null,
		lists: editor
			? {
					...(await consultationOptions(d, ['bodies', 'organisations', 'municipalities'])),
					...(await financeOptions(d, Number(today.slice(0, 4))))
				}
			: {}
	};
};

/** Runs one of the page's forms; success goes back to the page with a notice. */
function act(name: string, work: (event: RequestEvent, id: number, input: Record<string, string | string[]>) => Promise<unknown>) {
	return async (event: RequestEvent) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => work(event, id, input), { done: null, extra: { form: name } });
		if ('ok' in r) redirect(303, `/projects/${id}?saved=1`);
		return r;
	};
}

export const actions: Actions = {
	update: act('update', (e, id, input) => updateProject(db(), e.locals.actor, id, input)),
	funding: act('funding', (e, id, input) => addFunding(db(), e.locals.actor, id, input)),
	removeFunding: act('removeFunding', (e, id, input) => removeFunding(db(), e.locals.actor, id, idParam(input.fundingId))),
	// A year's section of the annual report: a new one, or the one the form edits (textId).
	reportText: act('reportText', (e, id, input) => {
		const values = { ...input, projectId: id };
		return input.textId
			? updateEntry(db(), e.locals.actor, projectReportTexts, idParam(input.textId), values)
			: createEntry(db(), e.locals.actor, projectReportTexts, values);
	}),
	removeReportText: act('removeReportText', (e, _id, input) =>
		removeEntry(db(), e.locals.actor, projectReportTexts, idParam(input.textId), input)
	),
	book: act('book', (e, id, input) =>
		bookOnProject(db(), e.locals.actor, id, Object.fromEntries(Object.entries(input).filter(([k]) => BOOKED.includes(k))))
	)
};
