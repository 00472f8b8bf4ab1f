// When a notice to leave received on a day takes effect (agreement §2, §9): a
// computation, the same for everyone, so it needs no sign-in.
import { api, dateParam } from '#lib/server/api/http.ts';
import { ValidationError } from '#lib/server/errors.ts';
import { noticePeriod } from '#lib/core/governance.ts';

export const GET = api(async (event) => {
	const received = dateParam(event.url, 'received');
	if (!received || new Date(`${received}T00:00:00Z`).toISOString().slice(0, 10) !== received)
		throw new ValidationError([{ field: 'received', message: 'received måste vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2023-05-17.' }]);
	return Response.json(noticePeriod(received));
});
