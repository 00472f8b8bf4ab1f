// The generated annual report of a year against the one published before the
// system, chapter by chapter (see core/report-compare.ts).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { reportReference } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { requireRole } from '../service.ts';
import { chaptersOf, plainText } from '../../core/report.ts';
import { compareWithSeed } from '../../core/report-compare.ts';
import { buildReport } from './reports.ts';

export async function compareAnnualReport(db: Db, actor: Actor, year: number) {
	requireRole(actor, 'member');
	const [ref] = await db
		.select()
		.from(reportReference)
		.where(and(eq(reportReference.kind, 'annual'), eq(reportReference.year, year)));
	if (!ref) throw new NotFoundError(`Den publicerade årsredovisningen för ${year}`);
	const report = await buildReport(db, 'annual', year, null);
	const generated = chaptersOf(report.blocks).map((c) => ({
		number: c.heading.number,
		title: c.heading.text,
		text: plainText([c.heading, ...c.blocks])
	}));
	return { reference: { title: ref.title, source: ref.source }, chapters: compareWithSeed(ref.text, generated, [String(year)]) };
}

export async function publishedYears(db: Db): Promise<number[]> {
	return (await db.select({ year: reportReference.year }).from(reportReference).where(eq(reportReference.kind, 'annual'))).map(
		(r) => r.year
	);
}
