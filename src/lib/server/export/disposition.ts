// Content-Disposition for downloads, written by the `content-disposition` package:
// a plain ASCII `filename=` that every client reads (curl -OJ, Python's email
// parser, old browsers), and `filename*=UTF-8''…` (RFC 8187) with the real name
// where it holds more than ASCII, which browsers prefer.
import { create } from 'content-disposition';

/** The name in ASCII: å → a, é → e, other characters and what a file system dislikes as '_'. */
export function asciiFileName(name: string): string {
	const ascii = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]|[\\/:*?"<>|%]/g, '_')
		.trim();
	return ascii || 'fil';
}

/** The header value that makes a download of `name` (an attachment unless `inline`). */
export function contentDisposition(name: string, { inline = false } = {}): string {
	const clean = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '') || 'fil';
	return create(clean, { type: inline ? 'inline' : 'attachment', fallback: asciiFileName(clean) });
}
