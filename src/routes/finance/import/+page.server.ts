import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm, uploadedFile } from '#lib/server/web.ts';
import { commitStoredImport, previewStoredImport, stageLedgerImport, type StagedImport } from '#lib/server/finance/import.ts';
import { labelIn, listCategories, listFunds, listProjects } from '#lib/server/finance/queries.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const q = event.url.searchParams;
	const saved = Number(q.get('saved'));
	const years = (q.get('years') ?? '')
		.split(',')
		.map(Number)
		.filter((y) => Number.isInteger(y) && y >= 1900 && y <= 2200);
	const [funds, categories] = [await listFunds(db()), await listCategories(db())];
	return {
		saved: Number.isInteger(saved) && saved > 0 ? { count: saved, years, refused: Number(q.get('refused')) || 0 } : null,
		funds: funds.map((f) => f.name),
		categories: categories.map((c) => ({
			name: c.name,
			kind: c.kind,
			// The other names a file may use; one that differs from the name only in case says nothing new.
			labels: [...new Map(c.labels.map((l) => [l.label.toLocaleLowerCase('sv'), l.label])).entries()]
				.filter(([k]) => k !== c.name.toLocaleLowerCase('sv'))
				.map(([, label]) => label)
		}))
	};
};

/**
 * The preview as the page shows it: names instead of ids, the counts of every
 * row, and only the rows the service kept (the first PREVIEW_GOOD good and
 * PREVIEW_REFUSED refused ones), however large the file.
 */
async function previewView(staged: StagedImport) {
	const d = db();
	const [funds, categories, projects] = [await listFunds(d), await listCategories(d), await listProjects(d)];
	const fundName = new Map(funds.map((f) => [f.id, f.name]));
	const category = new Map(categories.map((c) => [c.id, c]));
	const projectName = new Map(projects.map((p) => [p.id, p.name]));
	return {
		fileId: staged.fileId,
		fileName: staged.name,
		alreadyImported: staged.alreadyImported,
		goodCount: staged.goodCount,
		refusedCount: staged.refusedCount,
		years: staged.years,
		good: staged.good.map(({ line, values: v }) => {
			const c = category.get(v.categoryId);
			return {
				line,
				date: v.date,
				fund: fundName.get(v.fundId) ?? '',
				category: c ? labelIn(c, Number(v.date.slice(0, 4))) : '',
				amount: v.amount,
				counterparty: v.counterparty,
				description: v.description,
				project: v.projectId ? (projectName.get(v.projectId) ?? '') : null
			};
		}),
		refused: staged.refused
	};
}

export type ImportPreview = Awaited<ReturnType<typeof previewView>>;

export const actions: Actions = {
	preview: async (event) => {
		const actor = requirePage(event, 'editor');
		const file = await uploadedFile(event);
		const r = await runForm(event, () => stageLedgerImport(db(), actor, file), { done: null, extra: { form: 'preview' } });
		if (!('ok' in r)) return r;
		return { form: 'preview', preview: await previewView(r.result) };
	},
	commit: async (event) => {
		const actor = requirePage(event, 'editor');
		let fileId = 0;
		const r = await runForm(
			event,
			(input) => {
				fileId = Number(input.fileId);
				return commitStoredImport(db(), actor, fileId, input.acceptGood === 'on');
			},
			{ done: null, extra: { form: 'commit' } }
		);
		if ('ok' in r) {
			const { saved, years, refused } = r.result;
			redirect(303, `/finance/import?saved=${saved}&years=${years.join(',')}&refused=${refused}`);
		}
		// Refused: the preview again, with the reason, so the editor can accept or start over.
		const errors = Object.fromEntries(Object.entries(r.data.errors).map(([k, v]) => [k === 'acceptGood' ? k : '_', v]));
		const preview = await previewStoredImport(db(), actor, fileId).then(previewView, () => null);
		return fail(r.status, { ...r.data, errors, preview });
	}
};
