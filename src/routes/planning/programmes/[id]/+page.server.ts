import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { planOverview } from '#lib/server/planning/queries.ts';
import { getProgramme } from '#lib/server/planning/structure.ts';
import { createFocusArea, createSubGoal, removeSubGoal } from '#lib/server/planning/goals.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, runForm } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';
import { countStatuses, goalStructureOn, structureDateForYear } from '#lib/core/planning.ts';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const p = await read(event, () => getProgramme(db(), id));
	const today = todayIso();
	const years = p.plans.map((x) => x.year);
	const asked = Number(event.url.searchParams.get('year'));
	const currentYear = Number(today.slice(0, 4));
	const year = years.includes(asked) ? asked : (years.filter((y) => y <= currentYear).at(-1) ?? years[0] ?? p.validFromYear ?? currentYear);
	const date = structureDateForYear(year, today);
	const overview = years.includes(year) ? await planOverview(db(), year) : null;
	const goalCounts = new Map(overview?.focusAreas.flatMap((f) => f.subGoals.map((g) => [g.id, g.counts] as const)) ?? []);
	const focusCounts = new Map(overview?.focusAreas.map((f) => [f.focusArea.id, f.counts]) ?? []);
	const structure = goalStructureOn(p.focusAreas, p.subGoals, date);
	const branches = structure.map(({ focusArea: f, subGoals }) => ({
		id: f.id,
		name: f.name,
		mainGoal: f.mainGoal,
		responsible: f.responsible.map((b) => b.shortName ?? b.name),
		counts: focusCounts.get(f.id) ?? null,
		leaves: subGoals.map((g) => ({
			id: g.id,
			text: g.text,
			code: g.code,
			addedOn: g.addedOn,
			// Every sub-goal in force that year is in the overview, with or without activities.
			counts: overview ? (goalCounts.get(g.id) ?? countStatuses([], year, today)) : null,
			href: overview ? `/planning/plans/${year}#sg-${g.id}` : null
		}))
	}));
	const editor = hasRole(event.locals.actor, 'editor');
	return {
		programme: p,
		year,
		date,
		branches,
		lists: editor ? await optionLists(db(), ['bodies', 'decisions']) : {}
	};
};

export const actions: Actions = {
	focusArea: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => createFocusArea(db(), event.locals.actor, { ...input, programmeId: id }), {
			extra: { form: 'focusArea' }
		});
		if ('ok' in r) redirect(303, `/planning/programmes/${id}`);
		return r;
	},
	subGoal: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => createSubGoal(db(), event.locals.actor, input), { extra: { form: 'subGoal' } });
		if ('ok' in r) redirect(303, `/planning/programmes/${id}`);
		return r;
	},
	removeSubGoal: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => removeSubGoal(db(), event.locals.actor, idParam(input.subGoalId), input), {
			extra: { form: 'removeSubGoal' }
		});
		if ('ok' in r) redirect(303, `/planning/programmes/${id}`);
		return r;
	}
};
