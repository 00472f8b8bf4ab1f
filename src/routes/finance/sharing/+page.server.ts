import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { runForm } from '#lib/server/web.ts';
import { listCostSharings, paidByMunicipality, populationsOn, createCostSharing, keyOf } from '#lib/server/finance/sharing.ts';
import { financeOptions } from '#lib/server/finance/options.ts';
import { listMunicipalities } from '#lib/server/organisation/queries.ts';
import { allocate, AmountError, describeKey, type AllocationUnit } from '#lib/core/finance.ts';
import { KEY_KINDS } from '#lib/schemas/finance.ts';

/**
 * A shared cost with its key, or the key someone picks on the page (GET, so it
 * works without JavaScript), its shares beside what each municipality paid.
 */
export const load: PageServerLoad = async (event) => {
	const d = db();
	const sharings = await listCostSharings(d);
	const q = event.url.searchParams;
	const chosen = sharings.find((s) => String(s.id) === q.get('id')) ?? sharings[0] ?? null;
	const municipalities = await listMunicipalities(d);
	let result: {
		key: string;
		populationDate: string | null;
		unit: AllocationUnit;
		rows: { name: string; population: number | null; share: number | null; paid: number | null }[];
		error: string | null;
		total: number;
	} | null = null;
	let picked = null;
	if (chosen) {
		const kindParam = q.get('key');
		const keyKind = (KEY_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as string) : chosen.keyKind;
		const equalParam = Number(q.get('equal'));
		const equalPercent =
			q.has('equal') && Number.isInteger(equalParam) && equalParam >= 0 && equalParam <= 100 ? equalParam : (chosen.equalPercent ?? 50);
		const dateParam = q.get('date');
		const populationDate = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : chosen.populationDate;
		const unit: AllocationUnit = q.get('unit') === 'ore' ? 'ore' : q.get('unit') === 'krona' ? 'krona' : (chosen.unit as AllocationUnit);
		picked = { keyKind, equalPercent, populationDate, unit };
		const pops = populationDate ? await populationsOn(d, populationDate) : new Map();
		const paid = await paidByMunicipality(d, { eventId: chosen.eventId, projectId: chosen.projectId });
		const participants = municipalities.filter((m) => chosen.participantIds.includes(m.id));
		const key = keyOf({ keyKind, equalPercent });
		let shares: number[] | null = null;
		let error: string | null = null;
		try {
			shares = allocate(
				chosen.total,
				key,
				participants.map((m) => pops.get(m.id)?.population ?? null),
				unit
			);
		} catch (e) {
			if (!(e instanceof AmountError)) throw e;
			error = e.message;
		}
		result = {
			key: describeKey(key),
			populationDate,
			unit,
			total: chosen.total,
			error,
			rows: participants.map((m, i) => ({
				name: m.name,
				population: pops.get(m.id)?.population ?? null,
				share: shares ? shares[i] : null,
				paid: paid.size ? (paid.get(m.id) ?? 0) : null
			}))
		};
	}
	return { sharings, chosen, picked, result, lists: await financeOptions(d, new Date().getFullYear()) };
};

export const actions: Actions = {
	default: async (event) => {
		const r = await runForm(event, (input) => createCostSharing(db(), event.locals.actor, input), { done: null });
		return 'ok' in r ? { created: r.result.id } : r;
	}
};
