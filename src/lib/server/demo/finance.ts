// The demo's finance: fee rules, funds, categories, the ledger of 2018, 2020 and
// 2021 transcribed from the closing tables of seeds 004, 000 and 001, the 2020
// budget (seed 003), the figures the reports printed, and the Rådslag's key.
// The years are closed by the same closing as a user's, so 2021 opens from 2020.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import {
	budgetLine,
	budgetLineCategory,
	costSharing,
	event,
	expectedIncome,
	feeRule,
	fund,
	fundTransfer,
	ledgerCategory,
	ledgerCategoryLabel,
	ledgerEntry,
	openingBalance,
	printedFigure,
	project
} from '../db/schema/index.ts';
import { SYSTEM } from '../actor.ts';
import { insertDecision } from '../planning/goals.ts';
import { closeYearIn } from '../finance/closing.ts';
import { lookup } from './load.ts';
import type { DemoRefs } from './planning.ts';
import { readDemoJson } from './read.ts';

type Key = string | null;

interface DemoFinance {
	feeRules: {
		kind: string;
		amount: number;
		validFromYear: number;
		decision: { decidedOn: string | null; decidedBy: 'body' | 'chair' | 'other' | 'municipal'; bodyKey: Key; decidedByText: string | null; title: string; source: string } | null;
		source: string;
	}[];
	categories: { key: string; kind: string; name: string; labels: { fromYear: number; label: string }[] }[];
	projects: { key: string; name: string; description: string | null; startYear: number | null; source: string | null }[];
	events: { key: string; name: string; heldOn: string | null; participants: number | null; costCapPerParticipant: number | null }[];
	funds: {
		key: string;
		name: string;
		kind: string;
		note: string | null;
		activeFromYear: number | null;
		activeToYear: number | null;
		originYear: number | null;
		carriedFromKey: Key;
		heldByMunicipalityCode: Key;
		heldUntil: string | null;
		mergedIntoKey: Key;
		mergedFromYear: number | null;
	}[];
	years: {
		year: number;
		closed: boolean;
		openings: { fundKey: string; amount: number; source: string }[];
		entries: {
			date: string;
			fundKey: string;
			categoryKey: string;
			amount: number;
			counterparty: string | null;
			voucher: string | null;
			description: string;
			projectKey: Key;
			eventKey: Key;
			municipalityCode: Key;
			source: string;
		}[];
		transfers: { date: string; fromFundKey: string; toFundKey: string; amount: number; note: string | null; source: string }[];
		budget: { kind: string; label: string; amount: number; approximate: boolean; categoryKeys: string[]; source: string }[];
		printed: { what: string; fundKey: Key; categoryKey: Key; measure: string; amount: number; source: string }[];
	}[];
	costSharings: {
		name: string;
		year: number;
		total: number;
		keyKind: string;
		equalPercent: number | null;
		populationDate: string | null;
		unit: string;
		participantCodes: string[];
		eventKey: Key;
		note: string | null;
		source: string;
	}[];
	expectedIncome: {
		description: string;
		counterparty: string;
		fundKey: Key;
		projectKey: Key;
		sharePercent: number | null;
		expectedYear: number | null;
		amount: number | null;
		note: string | null;
		source: string;
	}[];
}

export function financeFile(dir: string): DemoFinance | null {
	const file = path.join(dir, 'finance/finance.json');
	return fs.existsSync(file) ? readDemoJson<DemoFinance>(dir, 'finance/finance.json') : null;
}

export async function insertFinance(tx: Tx, data: DemoFinance | null, refs: DemoRefs) {
	if (!data) return {};
	for (const r of data.feeRules) {
		const d = r.decision
			? await insertDecision(tx, SYSTEM, {
					decidedOn: r.decision.decidedOn,
					decidedBy: r.decision.decidedBy,
					bodyId: lookup(refs.bodies, r.decision.bodyKey, 'organ'),
					decidedByText: r.decision.decidedByText,
					title: r.decision.title,
					description: null,
					source: r.decision.source
				})
			: null;
		await tx.insert(feeRule).values({ kind: r.kind, amount: r.amount, validFromYear: r.validFromYear, decisionId: d?.id ?? null, source: r.source });
	}
	const cats = new Map<string, number>();
	for (const [i, c] of data.categories.entries()) {
		const [row] = await tx.insert(ledgerCategory).values({ kind: c.kind, name: c.name, sortOrder: i }).returning({ id: ledgerCategory.id });
		cats.set(c.key, row.id);
		if (c.labels.length) await tx.insert(ledgerCategoryLabel).values(c.labels.map((l) => ({ categoryId: row.id, ...l })));
	}
	const projects = new Map<string, number>();
	for (const p of data.projects) {
		const [row] = await tx.insert(project).values({ name: p.name, description: p.description, startYear: p.startYear, source: p.source }).returning({ id: project.id });
		projects.set(p.key, row.id);
		refs.projects.set(p.key, row.id);
	}
	const events = new Map<string, number>();
	for (const e of data.events) {
		const [row] = await tx
			.insert(event)
			.values({ name: e.name, heldOn: e.heldOn, participants: e.participants, costCapPerParticipant: e.costCapPerParticipant })
			.returning({ id: event.id });
		events.set(e.key, row.id);
		refs.events.set(e.key, row.id);
	}
	const funds = new Map<string, number>();
	for (const [i, f] of data.funds.entries()) {
		const [row] = await tx
			.insert(fund)
			.values({
				name: f.name,
				kind: f.kind,
				note: f.note,
				activeFromYear: f.activeFromYear,
				activeToYear: f.activeToYear,
				originYear: f.originYear,
				heldByMunicipalityId: lookup(refs.municipalities, f.heldByMunicipalityCode, 'kommun'),
				heldUntil: f.heldUntil,
				sortOrder: i * 10
			})
			.returning({ id: fund.id });
		funds.set(f.key, row.id);
	}
	// Links between funds once all exist.
	for (const f of data.funds) {
		if (!f.carriedFromKey && !f.mergedIntoKey) continue;
		await tx
			.update(fund)
			.set({
				carriedFromFundId: lookup(funds, f.carriedFromKey, 'fond'),
				mergedIntoId: lookup(funds, f.mergedIntoKey, 'fond'),
				mergedFromYear: f.mergedFromYear
			})
			.where(eq(fund.id, funds.get(f.key) as number));
	}
	const id = (map: Map<string, number>, key: Key, what: string) => lookup(map, key, what);
	let entries = 0;
	for (const y of [...data.years].sort((a, b) => a.year - b.year)) {
		if (y.openings.length)
			await tx
				.insert(openingBalance)
				.values(y.openings.map((o) => ({ year: y.year, fundId: id(funds, o.fundKey, 'fond') as number, amount: o.amount, source: o.source })));
		if (y.entries.length) {
			await tx.insert(ledgerEntry).values(
				y.entries.map((e) => ({
					date: e.date,
					year: Number(e.date.slice(0, 4)),
					fundId: id(funds, e.fundKey, 'fond') as number,
					categoryId: id(cats, e.categoryKey, 'kategori') as number,
					amount: e.amount,
					counterparty: e.counterparty,
					voucher: e.voucher,
					description: e.description,
					projectId: id(projects, e.projectKey, 'projekt'),
					eventId: id(events, e.eventKey, 'evenemang'),
					municipalityId: lookup(refs.municipalities, e.municipalityCode, 'kommun'),
					source: e.source
				}))
			);
			entries += y.entries.length;
		}
		if (y.transfers.length)
			await tx.insert(fundTransfer).values(
				y.transfers.map((t) => ({
					date: t.date,
					year: Number(t.date.slice(0, 4)),
					fromFundId: id(funds, t.fromFundKey, 'fond') as number,
					toFundId: id(funds, t.toFundKey, 'fond') as number,
					amount: t.amount,
					note: t.note,
					source: t.source
				}))
			);
		for (const [i, b] of y.budget.entries()) {
			const [row] = await tx
				.insert(budgetLine)
				.values({ year: y.year, kind: b.kind, label: b.label, amount: b.amount, approximate: b.approximate, sortOrder: i, source: b.source })
				.returning({ id: budgetLine.id });
			await tx.insert(budgetLineCategory).values(b.categoryKeys.map((k) => ({ budgetLineId: row.id, categoryId: id(cats, k, 'kategori') as number })));
		}
		if (y.printed.length)
			await tx.insert(printedFigure).values(
				y.printed.map((p) => ({
					year: y.year,
					what: p.what,
					fundId: id(funds, p.fundKey, 'fond'),
					categoryId: id(cats, p.categoryKey, 'kategori'),
					measure: p.measure,
					amount: p.amount,
					source: p.source
				}))
			);
		if (y.closed) await closeYearIn(tx, SYSTEM, y.year);
	}
	for (const s of data.costSharings)
		await tx.insert(costSharing).values({
			name: s.name,
			year: s.year,
			total: s.total,
			keyKind: s.keyKind,
			equalPercent: s.equalPercent,
			populationDate: s.populationDate,
			unit: s.unit,
			participantIds: s.participantCodes.map((c) => lookup(refs.municipalities, c, 'kommun') as number),
			eventId: id(events, s.eventKey, 'evenemang'),
			note: s.note,
			source: s.source
		});
	for (const x of data.expectedIncome)
		await tx.insert(expectedIncome).values({
			description: x.description,
			counterparty: x.counterparty,
			fundId: id(funds, x.fundKey, 'fond'),
			projectId: id(projects, x.projectKey, 'projekt'),
			sharePercent: x.sharePercent,
			expectedYear: x.expectedYear,
			amount: x.amount,
			note: x.note,
			source: x.source
		});
	return { fonder: funds.size, bokföringsposter: entries };
}
