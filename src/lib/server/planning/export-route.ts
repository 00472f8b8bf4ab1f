// GET /planning/plans/{year}/export.{csv,xlsx}: the action plan with the overview's filters.
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../app.ts';
import { load as read, yearParam } from '../web.ts';
import { planOverview, type PlanFilter } from './queries.ts';
import { actionPlanTable } from './export.ts';
import { toCsv, toXlsx } from '../export/table.ts';
import { isActivityStatus } from '../../core/planning.ts';
import { contentDisposition } from '../export/disposition.ts';

const positive = (v: string | null) => {
	const n = Number(v);
	return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function filterOf(url: URL): PlanFilter {
	const status = url.searchParams.get('status');
	return {
		bodyId: positive(url.searchParams.get('body')),
		municipalityId: positive(url.searchParams.get('municipality')),
		status: isActivityStatus(status) ? status : undefined
	};
}

export async function exportResponse(event: RequestEvent, format: 'csv' | 'xlsx') {
	const year = yearParam(event.params.year);
	const overview = await read(event, () => planOverview(db(), year, filterOf(event.url)));
	const table = actionPlanTable(overview);
	const name = `handlingsplan-${year}.${format}`;
	const headers = { 'content-disposition': contentDisposition(name) };
	return format === 'csv'
		? new Response(toCsv(table), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } })
		: new Response((await toXlsx(table)) as Uint8Array<ArrayBuffer>, {
				headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
			});
}
