// The news as an Atom feed, for anyone to subscribe to.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { listNews } from '#lib/server/governance/influence.ts';
import { getCooperation } from '#lib/server/organisation/queries.ts';
import { atomFeed } from '#lib/core/atom.ts';
import { todayIso } from '#lib/core/format.ts';

export const GET: RequestHandler = async ({ url }) => {
	const d = db();
	const today = todayIso();
	const [news, cooperation] = await Promise.all([listNews(d, { today, limit: 50 }), getCooperation(d)]);
	const site = `${url.origin}/governance/news`;
	const body = atomFeed({
		id: site,
		title: `${cooperation?.name ?? 'Samverka'}: nyheter`,
		selfUrl: `${url.origin}/governance/news/feed.atom`,
		siteUrl: site,
		updated: news[0]?.publishedOn ?? today,
		entries: news.map((n) => ({
			id: `${site}/${n.id}`,
			title: n.title,
			updated: n.publishedOn,
			summary: n.summary,
			link: `${site}/${n.id}`
		}))
	});
	return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
