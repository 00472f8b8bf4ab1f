// What the pages say about mail that is not sent: the configuration's name only
// to the administrator, who can set it; a plain sentence to everyone else.

/** The opening of a sentence saying that mail is not sent now. */
export function mailOffText(isAdmin: boolean): string {
	return isAdmin ? 'E-post är inte inställd (SMTP_URL saknas)' : 'E-post skickas inte just nu; kontakta administratören';
}

/** An outbox message as it stands after a retry. */
export interface RetriedMail {
	status: string;
	recipient: string;
	lastError: string | null;
}

/** What "Försök nu" did: sent, still failing and why, or waiting for a mail server. */
export function retryOutcome(mail: RetriedMail | null, mailConfigured: boolean, isAdmin: boolean): string {
	if (!mail) return 'Utskicket finns inte längre; det fanns inget att skicka.';
	if (mail.status === 'sent') return `Utskicket till ${mail.recipient} skickades.`;
	if (!mailConfigured) return `Utskicket till ${mail.recipient} väntar i utkorgen. ${mailOffText(isAdmin)}.`;
	if (mail.lastError) {
		const next = mail.status === 'failed' ? 'Inga fler försök görs.' : 'Ett nytt försök görs senare.';
		return `Utskicket till ${mail.recipient} kunde inte skickas: ${mail.lastError}. ${next}`;
	}
	return `Utskicket till ${mail.recipient} väntar på att skickas.`;
}
