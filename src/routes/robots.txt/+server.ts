// Crawlers may index the public site, not the API or the sign-in; the sitemap's address is absolute, as the protocol asks.
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	new Response(`User-agent: *\nDisallow: /api/\nDisallow: /login\nDisallow: /admin/\nSitemap: ${url.origin}/sitemap.xml\n`, {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
