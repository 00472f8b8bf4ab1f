import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/api/http.ts';
import { SESSION_COOKIE, SESSION_DAYS, login, logout } from '#lib/server/auth/sessions.ts';
import { ValidationError } from '#lib/server/errors.ts';

export const POST: RequestHandler = api(async ({ request, cookies, url, getClientAddress }) => {
	const { email, password } = await readJson(request);
	const errors = [];
	if (typeof email !== 'string' || !email) errors.push({ field: 'email', message: 'E-post måste fyllas i.' });
	if (typeof password !== 'string' || !password) errors.push({ field: 'password', message: 'Lösenord måste fyllas i.' });
	if (errors.length) throw new ValidationError(errors);
	const { token, expiresAt, actor } = await login(db(), email as string, password as string, { ip: getClientAddress() });
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: SESSION_DAYS * 86400
	});
	return Response.json({ name: actor.name, role: actor.role, expiresAt });
});

export const GET: RequestHandler = async ({ locals }) =>
	Response.json({ signedIn: locals.actor.accountId !== null, name: locals.actor.name, role: locals.actor.role });

export const DELETE: RequestHandler = async ({ locals, cookies, url }) => {
	if (locals.sessionToken) await logout(db(), locals.sessionToken);
	cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
	return new Response(null, { status: 204 });
};
