import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { requirePage } from '#lib/server/web.ts';
import { listDuties, electionRule } from '#lib/server/governance/cycle.ts';
import { electionDay, isElectionYear } from '#lib/core/governance.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const d = db();
	const rule = await electionRule(d);
	const year = Number(todayIso().slice(0, 4));
	const elections = [year - 1, year, year + 1, year + 2, year + 3].filter((y) => isElectionYear(rule, y)).map((y) => electionDay(rule, y)!);
	return {
		duties: await listDuties(d),
		elections,
		editor: hasRole(event.locals.actor, 'editor'),
		saved: event.url.searchParams.has('saved')
	};
};
