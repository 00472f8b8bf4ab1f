// The news as an Atom feed, for anyone to subscribe to.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { newsFeed } from '#lib/server/governance/news-feed.ts';
import { todayIso } from '#lib/core/format.ts';

export const GET: RequestHandler = async ({ url }) =>
	new Response(await newsFeed(db(), url.origin, todayIso()), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
