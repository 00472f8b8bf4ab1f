// A year's fee as table documents: one municipality's invoice basis
// (fakturaunderlag), and the overview of all member municipalities. Built from
// feeBasis, so the figures are the ones the fee page shows; rendered as PDF and
// DOCX by the table document renderers.
import type { DocTable, DocTableRow, TableDocument } from '../../core/table-document.ts';
import { formatDate, formatKronor, formatNumber } from '../../core/format.ts';
import { NotFoundError } from '../errors.ts';
import type { FeeBasis } from './fees.ts';

type Rule = NonNullable<FeeBasis['rule']>;
type Row = FeeBasis['municipalities'][number];

/** "4 kr per invånare", "260 000 kr totalt" */
export function feeRuleShort(rule: Rule): string {
	return rule.kind === 'per_inhabitant' ? `${formatKronor(rule.amount)} per invånare` : `${formatKronor(rule.amount)} totalt`;
}

/** The rule as a sentence: "Avgiften är 4 kr per invånare enligt beslut …". */
export function feeRuleSentence(rule: Rule): string {
	const basis = rule.decision ? `enligt beslut: ${rule.decision}` : `enligt avgiftsregeln som gäller från ${rule.validFromYear}`;
	return rule.kind === 'per_inhabitant'
		? `Avgiften är ${formatKronor(rule.amount)} per invånare ${basis}.`
		: `Den totala avgiften är ${formatKronor(rule.amount)} och fördelas mellan kommunerna efter folkmängden, i hela kronor, ${basis}.`;
}

/** The paragraphs on the rule, the population date and what the total rests on. */
function ruleParagraphs(basis: FeeBasis): string[] {
	const out: string[] = [];
	if (basis.rule) {
		out.push(feeRuleSentence(basis.rule));
		if (basis.rule.source) out.push(`Källa för avgiftsregeln: ${basis.rule.source}`);
	} else out.push(`Det finns ingen avgiftsregel för ${basis.year}.`);
	out.push(`Avgiften beräknas på folkmängden den ${formatDate(basis.populationDate)}.`);
	return out;
}

const populationHeader = (basis: FeeBasis) => `Folkmängd ${formatDate(basis.populationDate)}`;

const amountCell = (ore: number | null) => (ore === null ? '–' : formatKronor(ore));
const populationCell = (p: number | null) => (p === null ? 'saknas' : formatNumber(p));

/** "Botkyrka, Haninge: SCB …" – each distinct source once, with the municipalities it is for. */
function sourceNotes(rows: Row[]): string[] {
	const bySource = new Map<string, string[]>();
	for (const r of rows) {
		if (r.population === null || !r.source) continue;
		const names = bySource.get(r.source) ?? [];
		names.push(r.name);
		bySource.set(r.source, names);
	}
	return [...bySource].map(([source, names]) => `Folkmängd, ${names.join(', ')}: ${source}`);
}

function totalRow(basis: FeeBasis): DocTableRow {
	const label = basis.missing.length ? 'Totalt (samarbetets siffra)' : 'Summa';
	return { cells: [label, populationCell(basis.total.population), amountCell(basis.total.amount)], total: true };
}

/** All member municipalities with the total; optionally the invoice's status. */
function allMunicipalitiesTable(basis: FeeBasis, caption: string, withStatus: boolean): DocTable {
	const status = (r: Row) => (r.invoiceId === null ? 'Ej fakturerad' : r.paidOn ? `Betald ${formatDate(r.paidOn)}` : 'Obetald');
	const columns: DocTable['columns'] = [
		{ header: 'Kommun' },
		{ header: populationHeader(basis), align: 'right' },
		{ header: 'Avgift', align: 'right' }
	];
	if (withStatus) columns.push({ header: 'Status' });
	const rows: DocTableRow[] = basis.municipalities.map((r) => ({
		cells: [r.name, populationCell(r.population), amountCell(r.amount), ...(withStatus ? [status(r)] : [])]
	}));
	const total = totalRow(basis);
	if (withStatus) total.cells.push('');
	rows.push(total);
	const notes = sourceNotes(basis.municipalities);
	if (basis.total.source) notes.push(`${total.cells[0]}: ${basis.total.source}`);
	return { caption, columns, rows, notes };
}

/** Says which figures are missing, what the total rests on, and that the invoices wait. */
function missingParagraphs(basis: FeeBasis): string[] {
	if (!basis.missing.length) return [];
	const out = [`Folkmängd den ${formatDate(basis.populationDate)} saknas för ${basis.missing.join(', ')}.`];
	if (basis.total.population !== null)
		out.push(
			`Totalen ${amountCell(basis.total.amount)} bygger på samarbetets siffra ${formatNumber(basis.total.population)} invånare` +
				(basis.total.source ? ` (källa: ${basis.total.source}).` : '.')
		);
	else out.push('Samarbetets totala folkmängd det datumet saknas också, så totalen kan inte beräknas.');
	out.push('Avgiften per kommun och fakturaunderlagen väntar på SCB:s siffror för kommunerna.');
	return out;
}

/**
 * One municipality's invoice basis for a year's fee: the rule, the population
 * it rests on with its source, the due date, the municipality's row, and all
 * municipalities with the total for reference. Only for an invoice basis that
 * has been created (createFeeInvoices).
 */
export function feeInvoiceDocument(basis: FeeBasis, municipalityId: number, cooperationName: string): TableDocument {
	const row = basis.municipalities.find((m) => m.id === municipalityId);
	if (!row) throw new NotFoundError('Fakturaunderlaget');
	if (row.invoiceId === null || row.amount === null || row.population === null)
		throw new NotFoundError(`Fakturaunderlaget för ${row.name} ${basis.year}`);
	const paragraphs = ruleParagraphs(basis);
	if (row.source) paragraphs.push(`Källa för folkmängden i ${row.name}: ${row.source}`);
	if (row.dueOn) paragraphs.push(`Avgiften ska vara betald senast ${formatDate(row.dueOn)}.`);
	if (row.paidOn) paragraphs.push(`Betald ${formatDate(row.paidOn)}.`);
	return {
		title: `Fakturaunderlag: avgift ${basis.year}`,
		subtitle: `${row.name} kommun`,
		cooperationName,
		kindLabel: 'Fakturaunderlag',
		sections: [
			{
				heading: `Avgift ${basis.year} för ${row.name}`,
				paragraphs,
				tables: [
					{
						caption: `Avgift ${basis.year}, ${row.name}`,
						columns: [{ header: 'Kommun' }, { header: populationHeader(basis), align: 'right' }, { header: 'Avgift', align: 'right' }],
						rows: [{ cells: [`${row.name} (${row.code})`, formatNumber(row.population), formatKronor(row.amount)] }]
					}
				]
			},
			{
				heading: 'Samtliga kommuner',
				paragraphs: ['För jämförelse: avgiften för alla medlemskommuner samma år.'],
				tables: [allMunicipalitiesTable(basis, `Avgift ${basis.year} per kommun`, false)]
			}
		]
	};
}

/** The year's fee for all member municipalities, with the total and, once invoiced, whether each has paid. */
export function feeOverviewDocument(basis: FeeBasis, cooperationName: string): TableDocument {
	const paragraphs = ruleParagraphs(basis);
	const due = basis.municipalities.find((m) => m.dueOn)?.dueOn;
	if (due) paragraphs.push(`Avgiften ska vara betald senast ${formatDate(due)}.`);
	paragraphs.push(...missingParagraphs(basis));
	if (!basis.invoiced && !basis.missing.length) paragraphs.push('Fakturaunderlagen för året är inte skapade än.');
	return {
		title: `Avgift ${basis.year}`,
		subtitle: 'Medlemskommunernas avgift',
		cooperationName,
		kindLabel: 'Avgifter',
		sections: [
			{
				heading: 'Avgiften',
				paragraphs,
				tables: [allMunicipalitiesTable(basis, `Avgift ${basis.year} per kommun`, basis.invoiced)]
			}
		]
	};
}
