// A document made of headed sections with paragraphs and tables of figures: a
// year's closing (bokslut), a fee's invoice basis. One model, rendered as a web
// page, DOCX, PDF and Excel, so the figures are never typed twice.

export type Align = 'left' | 'right';

export interface DocTableRow {
	cells: string[];
	/** A sum row: bold, with a rule above. */
	total?: boolean;
}

export interface DocTable {
	caption: string;
	columns: { header: string; align?: Align }[];
	rows: DocTableRow[];
	/** Footnotes under the table ("1) medel som överförts från Nynäshamn 28 jan 2020"). */
	notes?: string[];
}

export interface DocSection {
	heading: string;
	paragraphs: string[];
	tables: DocTable[];
}

export interface TableDocument {
	/** "Bokslut 2021" */
	title: string;
	subtitle?: string;
	/** Shown in the page header, left. */
	cooperationName: string;
	/** Shown in the page header, right ("Bokslut", "Fakturaunderlag"). */
	kindLabel: string;
	sections: DocSection[];
}
