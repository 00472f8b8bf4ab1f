// The action plan of a year as a table for CSV and Excel.
import { exportDate, type ExportTable } from '../export/table.ts';
import type { PlanOverview } from './queries.ts';
import { STATUS_LABELS, parseTiming, timingLabel } from '../../core/planning.ts';

export function actionPlanTable(o: PlanOverview): ExportTable {
	const rows: ExportTable['rows'] = [];
	const row = (group: string, goal: string, a: PlanOverview['activities'][number]) =>
		rows.push([
			group,
			goal,
			a.title,
			a.responsible.map((r) => r.label).join(', '),
			a.timing ? timingLabel(parseTiming(a.timing)) : '',
			STATUS_LABELS[a.status],
			a.late ? 'ja' : 'nej',
			a.comment,
			a.followUps,
			exportDate(a.lastFollowUp),
			a.reportText
		]);
	for (const f of o.focusAreas) for (const g of f.subGoals) for (const a of g.activities) row(f.focusArea.name, g.text, a);
	for (const p of o.planAreas) for (const a of p.activities) row(p.area.name, '', a);
	return {
		name: `Handlingsplan ${o.plan.year}`,
		columns: [
			{ header: 'Fokusområde eller område', width: 24 },
			{ header: 'Delmål', width: 40 },
			{ header: 'Aktivitet', width: 50 },
			{ header: 'Ansvariga', width: 30 },
			{ header: 'När', width: 14 },
			{ header: 'Status', width: 12 },
			{ header: 'Försenad', width: 10 },
			{ header: 'Kommentar', width: 40 },
			{ header: 'Antal uppföljningar', width: 12 },
			{ header: 'Senaste uppföljning', width: 14 },
			{ header: 'Text till årsredovisningen', width: 80 }
		],
		rows
	};
}
