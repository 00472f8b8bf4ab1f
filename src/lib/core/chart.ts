// A small chart builder for charts rendered on the server as SVG: series of
// figures over categories (usually years), drawn as grouped bars or as lines.
// It computes the geometry only; a component draws it (Chart.svelte). The value
// axis always includes zero, so bars start at zero and lines are read against
// it; a missing figure stays a gap, never an interpolation.

export interface ChartSeries {
	label: string;
	/** one per category; null: no figure */
	values: (number | null)[];
}

export interface ChartInput {
	categories: string[];
	series: ChartSeries[];
	kind: 'bar' | 'line';
	width?: number;
	height?: number;
	/** how a tick's value is written */
	format?: (v: number) => string;
	/** counts: no ticks between whole numbers */
	integers?: boolean;
}

export interface Tick {
	value: number;
	y: number;
	label: string;
}

export interface ChartLayout {
	width: number;
	height: number;
	plot: { left: number; top: number; right: number; bottom: number };
	ticks: Tick[];
	/** where zero is: the bars' base */
	zeroY: number;
	xLabels: { x: number; label: string }[];
	bars: { series: number; category: number; x: number; y: number; width: number; height: number; value: number }[];
	lines: { series: number; d: string; points: { x: number; y: number; value: number; category: number }[] }[];
}

/**
 * Dark, distinguishable colours (white text and a white page read against
 * them at 4.5:1 or more); lines add a dash pattern per series as well.
 */
export const CHART_COLOURS = ['#1d4f91', '#a4262c', '#0b6e4f', '#7a4b00', '#5c2d91', '#00607a', '#4a5461', '#9b1c6e'];
/** Seven patterns against eight colours: no two of the first 56 series look alike. */
export const CHART_DASHES = ['', '6 3', '2 3', '8 3 2 3', '10 4', '4 4', '12 2 2 2'];

/** A round step near range/count: 1, 2, 2.5 or 5 times a power of ten. */
export function niceStep(range: number, count = 5): number {
	if (!(range > 0)) return 1;
	const raw = range / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
	return 10 * power;
}

/**
 * Ticks from a multiple of the step at or below min (never above zero) to one
 * at or above max (never below zero); whole numbers only when `integers`.
 */
export function niceTicks(min: number, max: number, count = 5, integers = false): number[] {
	const lo = Math.min(0, min);
	const hi = Math.max(0, max);
	if (hi === lo) return [0, 1];
	const step = Math.max(niceStep(hi - lo, count), integers ? 1 : 0);
	const first = Math.floor(lo / step) * step;
	const last = Math.ceil(hi / step) * step;
	const ticks: number[] = [];
	for (let i = 0; first + i * step <= last + step / 1e6; i++) ticks.push(Number((first + i * step).toPrecision(12)));
	return ticks;
}

const round = (v: number) => Math.round(v * 10) / 10;

export function layoutChart(input: ChartInput): ChartLayout {
	const width = input.width ?? 640;
	const height = input.height ?? 260;
	const format = input.format ?? ((v: number) => String(v));
	const known = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
	const ticksV = niceTicks(known.length ? Math.min(...known) : 0, known.length ? Math.max(...known) : 0, 5, input.integers);
	const labelWidth = Math.max(...ticksV.map((t) => format(t).length)) * 7 + 12;
	const plot = { left: Math.max(40, labelWidth), top: 12, right: width - 8, bottom: height - 28 };
	const lo = ticksV[0];
	const hi = ticksV[ticksV.length - 1];
	const y = (v: number) => round(plot.bottom - ((v - lo) / (hi - lo)) * (plot.bottom - plot.top));
	const n = Math.max(1, input.categories.length);
	const band = (plot.right - plot.left) / n;
	const centre = (i: number) => round(plot.left + band * (i + 0.5));
	const zeroY = y(0);
	const bars: ChartLayout['bars'] = [];
	const lines: ChartLayout['lines'] = [];
	if (input.kind === 'bar') {
		const groups = Math.max(1, input.series.length);
		// At most 48 units a bar: two years do not make two slabs.
		const barWidth = Math.min((band * 0.8) / groups, 48);
		const inset = (band - barWidth * groups) / 2;
		input.series.forEach((s, si) =>
			s.values.forEach((v, ci) => {
				if (v === null || !Number.isFinite(v)) return;
				const x = plot.left + band * ci + inset + barWidth * si;
				const top = Math.min(y(v), zeroY);
				bars.push({
					series: si,
					category: ci,
					x: round(x),
					y: top,
					width: round(barWidth),
					height: round(Math.abs(y(v) - zeroY)),
					value: v
				});
			})
		);
	} else {
		input.series.forEach((s, si) => {
			const points = s.values
				.map((v, ci) => (v === null || !Number.isFinite(v) ? null : { x: centre(ci), y: y(v), value: v, category: ci }))
				.filter((p): p is NonNullable<typeof p> => p !== null);
			// A gap breaks the line: each run of consecutive categories is its own segment.
			let d = '';
			points.forEach((p, i) => {
				d += `${i > 0 && points[i - 1].category === p.category - 1 ? 'L' : 'M'}${p.x} ${p.y}`;
			});
			lines.push({ series: si, d, points });
		});
	}
	return {
		width,
		height,
		plot,
		ticks: ticksV.map((v) => ({ value: v, y: y(v), label: format(v) })),
		zeroY,
		xLabels: input.categories.map((label, i) => ({ x: centre(i), label })),
		bars,
		lines
	};
}

/**
 * The chart's text alternative in one sentence per series, for the SVG's
 * description: what each series shows, category by category.
 */
export function describeChart(input: ChartInput, missing = 'uppgift saknas'): string {
	const format = input.format ?? ((v: number) => String(v));
	return input.series
		.map((s) => `${s.label}: ${s.values.map((v, i) => `${input.categories[i]} ${v === null ? missing : format(v)}`).join(', ')}.`)
		.join(' ');
}

/** Every year from the first to the last, as the categories of a chart over years. */
export function yearsBetween(years: number[]): number[] {
	if (!years.length) return [];
	const lo = Math.min(...years);
	const hi = Math.max(...years);
	return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/**
 * Rows of (year, series, value) as a chart's categories and series: every year
 * between the first and the last, the series in the order first met; a year a
 * series has no row for (or a row whose value is null) is `fill` (0 for counts,
 * null for a figure not known).
 */
export function byYear(rows: { year: number; series: string; value: number | null }[], fill: number | null = null) {
	const years = yearsBetween(rows.map((r) => r.year));
	const index = new Map(years.map((y, i) => [y, i]));
	const series = new Map<string, (number | null)[]>();
	for (const r of rows) {
		let values = series.get(r.series);
		if (!values) series.set(r.series, (values = years.map(() => fill)));
		const i = index.get(r.year)!;
		if (r.value !== null) values[i] = (values[i] ?? 0) + r.value;
	}
	return { categories: years.map(String), series: [...series].map(([label, values]) => ({ label, values })) };
}
