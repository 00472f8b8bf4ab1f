// The cooperation agreement: the version in force with its paragraphs and
// parties, the list of versions, and the notices to leave. Public, like the
// agreement itself; ?version=N shows an earlier version.
import { api, numberParam } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { getAgreement, listNotices } from '#lib/server/governance/agreement.ts';

export const GET = api(async (event) => {
	const d = db();
	const a = await getAgreement(d, numberParam(event.url, 'version'));
	const notices = (await listNotices(d)).map(({ mails: _m, createdBy: _c, ...n }) => n);
	return Response.json({ ...a, notices });
});
