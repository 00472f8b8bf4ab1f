// The sitemap of the public site (sitemaps.org protocol).
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { publicAddresses, sitemapXml } from '#lib/server/documents/sitemap.ts';

export const GET: RequestHandler = async ({ url }) =>
	new Response(sitemapXml(url.origin, await publicAddresses(db())), { headers: { 'content-type': 'application/xml; charset=utf-8' } });
