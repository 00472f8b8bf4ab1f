// The news as an Atom feed: the route serves it, and the tests read the same.
import type { Db } from '../db/client.ts';
import { listNews } from './influence.ts';
import { getCooperation } from '../organisation/queries.ts';
import { atomFeed } from '../../core/atom.ts';

/** The latest 50 news published by `today`, addressed under `origin`. */
export async function newsFeed(db: Db, origin: string, today: string): Promise<string> {
	const [news, cooperation] = await Promise.all([listNews(db, { today, limit: 50 }), getCooperation(db)]);
	const site = `${origin}/governance/news`;
	return atomFeed({
		id: site,
		title: `${cooperation?.name ?? 'Samverka'}: nyheter`,
		selfUrl: `${site}/feed.atom`,
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
}
