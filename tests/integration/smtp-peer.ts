// A real SMTP peer (the smtp-server package on a free local port) for the
// tests that send mail, and just enough MIME to read what it received.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

export interface Received {
	mailFrom: string;
	rcptTo: string[];
	raw: string;
}

export interface Peer {
	url: string;
	messages: Received[];
	/** Every RCPT TO the peer was offered, accepted or not. */
	rcptAttempts: string[];
	close(): Promise<void>;
}

const peers: Peer[] = [];
afterAll(async () => {
	await Promise.all(peers.map((p) => p.close()));
});

export async function smtpPeer(opts: { reject?: (address: string) => boolean } = {}): Promise<Peer> {
	const messages: Received[] = [];
	const rcptAttempts: string[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			rcptAttempts.push(address.address);
			if (opts.reject?.(address.address)) {
				return callback(Object.assign(new Error('Mottagaren finns inte här'), { responseCode: 550 }));
			}
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				messages.push({
					mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					rcptTo: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('latin1')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.server.address() as AddressInfo;
	const peer: Peer = {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		rcptAttempts,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
	peers.push(peer);
	return peer;
}

export interface MimePart {
	headers: Record<string, string>;
	body: string;
}

function headersOf(block: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const i = line.indexOf(':');
		if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return out;
}

function splitPart(raw: string): MimePart {
	const cut = raw.indexOf('\r\n\r\n');
	return cut < 0 ? { headers: headersOf(raw), body: '' } : { headers: headersOf(raw.slice(0, cut)), body: raw.slice(cut + 4) };
}

/** The message's top headers and its leaf parts (multiparts flattened). */
export function parseMime(raw: string): { headers: Record<string, string>; parts: MimePart[] } {
	const top = splitPart(raw);
	const leaves = (p: MimePart): MimePart[] => {
		const boundary = /boundary="?([^";]+)"?/i.exec(p.headers['content-type'] ?? '')?.[1];
		if (!/^multipart\//i.test(p.headers['content-type'] ?? '') || !boundary) return [p];
		return p.body
			.split(`--${boundary}`)
			.slice(1, -1)
			.map((chunk) => splitPart(chunk.replace(/^\r\n/, '')))
			.flatMap(leaves);
	};
	return { headers: top.headers, parts: leaves(top) };
}

/** RFC 2047 encoded words (nodemailer's =?UTF-8?B?…?= and =?UTF-8?Q?…?=) back to text; raw holds latin1 bytes. */
function decodeHeader(value: string): string {
	const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
	// Unencoded header text is UTF-8 read as latin1 (SMTPUTF8): read it back first; encoded words are ASCII.
	// Adjacent encoded words are one run: their bytes are joined before decoding (a character may span two).
	const runs = Buffer.from(value, 'latin1')
		.toString('utf8')
		.replace(/(\?=)\s+(?==\?)/g, '$1');
	const decodeRun = (run: string) => {
		const bytes: Buffer[] = [];
		for (const [, , enc, text] of run.matchAll(word)) {
			bytes.push(
				enc.toUpperCase() === 'B'
					? Buffer.from(text, 'base64')
					: Buffer.from(
							text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
							'latin1'
						)
			);
		}
		return Buffer.concat(bytes).toString('utf8');
	};
	return runs.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, decodeRun);
}

export function decodeBody(p: MimePart): Buffer {
	const enc = (p.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	if (enc === 'base64') return Buffer.from(p.body.replace(/\s+/g, ''), 'base64');
	if (enc === 'quoted-printable')
		return Buffer.from(
			p.body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
			'latin1'
		);
	return Buffer.from(p.body, 'latin1');
}

const paramOf = (header: string | undefined, name: string) => new RegExp(`${name}="?([^";]+)"?`, 'i').exec(header ?? '')?.[1] ?? null;

/** What a recipient got: subject, text, and the attachments by file name. */
export function readMessage(m: Received) {
	const { headers, parts } = parseMime(m.raw);
	const text = parts.find(
		(p) => /^text\/plain/i.test(p.headers['content-type'] ?? '') && !/attachment/i.test(p.headers['content-disposition'] ?? '')
	);
	const attachments = parts
		.filter((p) => /attachment/i.test(p.headers['content-disposition'] ?? ''))
		.map((p) => ({
			contentType: (p.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase(),
			filename: paramOf(p.headers['content-disposition'], 'filename'),
			content: decodeBody(p)
		}));
	return {
		subject: decodeHeader(headers['subject'] ?? ''),
		to: decodeHeader(headers['to'] ?? ''),
		from: decodeHeader(headers['from'] ?? ''),
		text: text ? decodeBody(text).toString('utf8').replace(/\r\n/g, '\n') : '',
		attachments
	};
}
