// Delivers the outbox over SMTP (SMTP_URL). Without it, nothing is sent and the
// messages wait, visibly, in the outbox.
import nodemailer from 'nodemailer';
import type { Db } from '../db/client.ts';
import { deliverDue, type Send } from './outbox.ts';

export interface Mailer {
	/** Delivers what is due now (also called by a timer). */
	kick(): Promise<void>;
	stop(): void;
}

/** A stuck mail server must not hold an outbox row (and its connection) for long. */
function withTimeouts(smtpUrl: string): string {
	const url = new URL(smtpUrl);
	for (const [k, v] of [
		['connectionTimeout', '10000'],
		['greetingTimeout', '10000'],
		['socketTimeout', '30000']
	])
		if (!url.searchParams.has(k)) url.searchParams.set(k, v);
	return url.toString();
}

export function smtpSender(smtpUrl: string, from: string): Send {
	const transport = nodemailer.createTransport(withTimeouts(smtpUrl));
	return async (m) => {
		await transport.sendMail({
			from,
			to: m.toName ? { name: m.toName, address: m.to } : m.to,
			subject: m.subject,
			text: m.text,
			attachments: m.attachments.map((a) => ({ filename: a.name, contentType: a.mediaType, content: Buffer.from(a.content) })),
			// A calendar invitation goes as a text/calendar alternative with its method (what Outlook reads) and as invite.ics.
			...(m.calendar ? { icalEvent: { method: m.calendar.method, content: m.calendar.content, filename: 'invite.ics' } } : {}),
			headers: m.headers
		});
	};
}

export function startMailer(db: Db, send: Send, log: (m: string) => void = console.error, everyMs = 3000): Mailer {
	let running: Promise<void> | null = null;
	const kick = () =>
		(running ??= deliverDue(db, send)
			.then(() => undefined)
			.catch((e) => log(`E-post: utskicket misslyckades: ${e instanceof Error ? e.message : e}`))
			.finally(() => {
				running = null;
			}));
	const timer = setInterval(() => void kick(), everyMs);
	timer.unref();
	return { kick, stop: () => clearInterval(timer) };
}
