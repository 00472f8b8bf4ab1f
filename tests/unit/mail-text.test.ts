import { describe, expect, it } from 'vitest';
import { mailOffText, retryOutcome } from '../../src/lib/core/mail-text.ts';

describe('mailOffText', () => {
	it('names the configuration only to the administrator', () => {
		expect(mailOffText(true)).toContain('SMTP_URL');
		expect(mailOffText(false)).not.toContain('SMTP');
		expect(mailOffText(false)).toContain('kontakta administratören');
	});
});

describe('retryOutcome', () => {
	const mail = { status: 'pending', recipient: 'anna@exempel.invalid', lastError: null };

	it('says the message was sent', () => {
		expect(retryOutcome({ ...mail, status: 'sent' }, true, false)).toBe('Utskicket till anna@exempel.invalid skickades.');
	});

	it('says why it still fails, and whether it is tried again', () => {
		expect(retryOutcome({ ...mail, lastError: 'connection refused' }, true, false)).toBe(
			'Utskicket till anna@exempel.invalid kunde inte skickas: connection refused. Ett nytt försök görs senare.'
		);
		expect(retryOutcome({ ...mail, status: 'failed', lastError: 'no such user' }, true, false)).toContain('Inga fler försök görs.');
	});

	it('says it waits without a mail server, naming SMTP_URL to the administrator alone', () => {
		expect(retryOutcome(mail, false, false)).toBe(
			'Utskicket till anna@exempel.invalid väntar i utkorgen. E-post skickas inte just nu; kontakta administratören.'
		);
		expect(retryOutcome(mail, false, true)).toContain('SMTP_URL');
	});

	it('says there was nothing to send when the message is gone', () => {
		expect(retryOutcome(null, true, true)).toContain('inget att skicka');
	});
});
