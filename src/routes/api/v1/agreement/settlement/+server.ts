// What a dissolution would share among the parties (§10), by the fee key on
// the chosen date. Members only: it shows the funds' balances.
import { api, dateParam } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { ValidationError } from '#lib/server/errors.ts';
import { requireRole } from '#lib/server/service.ts';
import { settlementPreview } from '#lib/server/governance/agreement.ts';

export const GET = api(async (event) => {
	requireRole(event.locals.actor, 'member');
	const date = dateParam(event.url, 'date');
	if (!date)
		throw new ValidationError([
			{ field: 'date', message: 'date måste anges som ÅÅÅÅ-MM-DD: folkmängden den dagen är fördelningsnyckeln.' }
		]);
	return Response.json(await settlementPreview(db(), date));
});
