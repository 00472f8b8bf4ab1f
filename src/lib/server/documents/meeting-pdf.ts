// A meeting's notice (kallelse) or minutes (minnesanteckningar) as Typst source
// and as PDF. The layout follows the committee's own minutes: title, Tid and
// Plats, who was present and absent, the numbered items with their text,
// decisions, action items and open matters, and the signatures at the end. The
// wording (item text into paragraphs and lists, a person's line, the labels)
// comes from core/meeting-text.ts, shared with the DOCX and the web page.

import {
	CHAIR_DECISION,
	KIND_LABELS,
	actionDetails,
	itemHeading,
	openMattersByOrigin,
	personLine,
	tabledLine,
	textBlocks
} from '../../core/meeting-text.ts';
import type { DocItem, DocPerson, MeetingDocument } from '../../core/meetings.ts';
import { TYPST_GREY as GREY, typstPage, typstPdf, typstText } from './typst.ts';

// ---------------------------------------------------------------------------
// Typst

const t = typstText;

function preamble(doc: MeetingDocument): string {
	return (
		typstPage({ title: doc.title, author: doc.cooperationName, headRight: KIND_LABELS[doc.kind] }) +
		`#set list(indent: 0.4em, body-indent: 0.6em, spacing: 0.7em, marker: ([•], [–]))
#show heading.where(level: 1): set text(size: 12.5pt)
#show heading.where(level: 1): set block(above: 1.7em, below: 0.85em, sticky: true)
#show heading.where(level: 2): set text(size: 10.5pt)
#show heading.where(level: 2): set block(above: 1.2em, below: 0.7em, sticky: true)
#show title: set text(size: 16pt, weight: "bold")
#show title: set block(below: 1.3em)
`
	);
}

const small = (markup: string) => `#text(size: 9.5pt, fill: ${GREY})[${markup}]`;

function title(doc: MeetingDocument): string {
	let out = `#title[${t(doc.title)}]\n\n`;
	if (doc.statusNote?.trim())
		out += `#block(fill: rgb("#fbeaea"), stroke: (left: 3pt + rgb("#a4262c")), inset: (x: 10pt, y: 8pt), width: 100%, below: 1.2em)[#text(size: 13pt, weight: "bold", fill: rgb("#a4262c"))[${t(doc.statusNote.trim())}]]\n\n`;
	const rows: [string, string][] = [
		['Tid:', doc.when],
		['Plats:', doc.place]
	];
	if (doc.format?.trim() && doc.kind === 'notice') rows.push(['Mötesform:', doc.format.trim()]);
	const cells = rows.filter(([, v]) => v?.trim()).flatMap(([k, v]) => [`[*${k}*]`, `[${t(v.trim())}]`]);
	if (cells.length) out += `#grid(columns: (auto, 1fr), column-gutter: 1em, row-gutter: 0.75em, ${cells.join(', ')})\n\n`;
	if (doc.chairNote?.trim()) out += `#v(0.4em)\n_${t(doc.chairNote.trim())}_\n\n`;
	return out;
}

/**
 * Who was present or absent: a heading of the first level (PDF/UA-1 wants the
 * first heading at level 1, and these come before the items' headings), set
 * as small as the items' subheadings.
 */
function people(heading: string, list: DocPerson[]): string {
	if (!list.length) return '';
	const lines = list.map((p) => `[${t(personLine(p))}]`).join(', ');
	return `#[#show heading: set text(size: 10.5pt)\n#show heading: set block(above: 1.2em, below: 0.7em)\n#heading(level: 1, outlined: false)[${heading}]]\n#stack(spacing: 0.5em, ${lines})\n\n`;
}

/** Paragraphs and lists of an item's text. */
function blocks(text: string | null): string {
	let out = '';
	for (const b of textBlocks(text)) {
		if (b.kind === 'paragraph') out += b.lines.map(t).join(' \\\n') + '\n\n';
		else out += b.entries.map((e) => `${e.level ? '  ' : ''}- ${t(e.text)}`).join('\n') + '\n\n';
	}
	return out;
}

function meta(item: DocItem): string {
	const lines: string[] = [];
	if (item.presenter?.trim()) lines.push(`Föredragande: ${t(item.presenter.trim())}`);
	const docs = item.documents.map((d) => d.trim()).filter(Boolean);
	if (docs.length) lines.push(`Handlingar: ${t(docs.join(', '))}`);
	return lines.length ? small(lines.join(' \\\n')) + '\n\n' : '';
}

function decisions(item: DocItem): string {
	if (!item.decisions.length) return '';
	const one = (d: DocItem['decisions'][number]) => (d.chairDecision ? `*${CHAIR_DECISION}:* ` : '') + t(d.text.trim());
	let out = `#heading(level: 2, outlined: false)[Beslut]\n`;
	if (item.decisions.length === 1) out += one(item.decisions[0]) + '\n\n';
	else out += item.decisions.map((d) => `- ${one(d)}`).join('\n') + '\n\n';
	return out;
}

function actionItems(item: DocItem): string {
	if (!item.actionItems.length) return '';
	const entries = item.actionItems.map((a) => {
		const details = actionDetails(a);
		return `- ${t(a.text.trim())}${details.length ? ` \\\n  ${small(details.map(t).join(' #h(1.2em) '))}` : ''}`;
	});
	return `#heading(level: 2, outlined: false)[Att göra]\n${entries.join('\n')}\n\n`;
}

function openMatters(item: DocItem): string {
	if (!item.openMatters.length) return '';
	let out = `#heading(level: 2, outlined: false)[Utestående ärenden]\n`;
	for (const g of openMattersByOrigin(item.openMatters)) {
		if (g.from) out += `${small(`Från ${t(g.from)}`)}\n\n`;
		for (const m of g.matters) {
			out += `- ${t(m.text.trim())}\n`;
			if (m.note?.trim()) out += `  - _${t(m.note.trim())}_\n`;
		}
		out += '\n';
	}
	return out;
}

function minutesItem(item: DocItem): string {
	let out = `= ${t(itemHeading(item))}\n\n`;
	out += meta(item);
	out += blocks(item.text);
	out += openMatters(item);
	out += decisions(item);
	out += actionItems(item);
	if (item.tabledTo?.trim()) out += `*${t(tabledLine(item.tabledTo))}*\n\n`;
	return out;
}

function noticeItem(item: DocItem): string {
	return `== ${t(itemHeading(item))}\n\n${meta(item)}${blocks(item.text)}`;
}

function signatures(doc: MeetingDocument): string {
	const sigs = doc.signatures.filter((s) => s.label.trim() || s.name.trim());
	if (!sigs.length) return '';
	const cols = Math.max(2, sigs.length);
	const cells = [
		...sigs.map((s) => `[*${t(s.label.trim())}*]`),
		...sigs.map(() => `[#v(2.4em)#line(length: 85%, stroke: 0.5pt)]`),
		...sigs.map((s) => `[${t(s.name.trim())}]`)
	];
	// Put each row's cells in column order when there are fewer signatures than columns.
	const rows = [0, 1, 2].map((r) => {
		const row = cells.slice(r * sigs.length, (r + 1) * sigs.length);
		while (row.length < cols) row.push('[]');
		return row.join(', ');
	});
	return `#v(2.2em)\n#block(breakable: false)[#grid(columns: (${Array(cols).fill('1fr').join(', ')}), column-gutter: 2em, row-gutter: 0.5em, ${rows.join(', ')})]\n\n`;
}

/** The Typst source of the meeting's notice or minutes: A4, a sans font, Swedish. */
export function meetingTypst(doc: MeetingDocument): string {
	let out = preamble(doc) + '\n' + title(doc);
	if (doc.kind === 'minutes') {
		out += people('Närvarande', doc.present);
		out += people('Frånvarande', doc.absent);
		for (const item of doc.items) out += minutesItem(item);
		out += signatures(doc);
		if (doc.versionNote?.trim()) out += `#v(1.2em)\n${small(t(doc.versionNote.trim()))}\n`;
	} else {
		out += `= Dagordning\n\n`;
		for (const item of doc.items) out += noticeItem(item);
	}
	return out;
}

/** The meeting's notice or minutes as a tagged PDF/UA-1. */
export async function meetingPdf(doc: MeetingDocument): Promise<Uint8Array> {
	return typstPdf(meetingTypst(doc));
}
