// What each year's annual report says of a project: its section of the projects
// chapter, written for that year and printed in that year's report only.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { project, projectReportText } from '../db/schema/index.ts';
import type { Register } from '../register.ts';
import { projectReportTextInput } from '../../schemas/projects.ts';

export const projectReportTexts: Register<typeof projectReportTextInput> = {
	entity: 'project_report_text',
	what: 'Texten',
	table: projectReportText,
	input: projectReportTextInput,
	constraints: {
		project_report_text_project_year: ['year', 'År: projektet har redan en text för det året i årsredovisningen; ändra den i stället.'],
		project_report_text_project_id_project_id_fk: ['projectId', 'Projekt: det valda projektet finns inte.'],
		project_report_text_position: ['position', 'Ordning i kapitlet måste vara 1 eller mer.']
	}
};

/** The texts of a year's report (with their projects' names), or of a project over the years. */
export function listProjectReportTexts(db: Db, f: { year?: number; projectId?: number } = {}) {
	return db
		.select({
			id: projectReportText.id,
			projectId: projectReportText.projectId,
			projectName: project.name,
			year: projectReportText.year,
			position: projectReportText.position,
			title: projectReportText.title,
			text: projectReportText.text,
			source: projectReportText.source,
			version: projectReportText.version
		})
		.from(projectReportText)
		.innerJoin(project, eq(project.id, projectReportText.projectId))
		.where(
			and(f.year ? eq(projectReportText.year, f.year) : undefined, f.projectId ? eq(projectReportText.projectId, f.projectId) : undefined)
		)
		.orderBy(asc(projectReportText.year), asc(projectReportText.position), asc(project.name));
}
