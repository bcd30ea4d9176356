// Dates as integer day numbers (days since 1970-01-01, UTC) for the generator: cheap to compare,
// add and store by the million; formatted to text only when a file is written, in the styles
// units really type. The 6-month arithmetic follows RULES.md ("31/05 + 6 months = 30/11").

const MS = 86_400_000;

export function day(y: number, m: number, d: number): number {
	return Math.round(Date.UTC(y, m - 1, d) / MS);
}

export function parts(n: number): { y: number; m: number; d: number } {
	const t = new Date(n * MS);
	return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function yearOf(n: number): number {
	return new Date(n * MS).getUTCFullYear();
}

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Calendar months, clamped to the month's end: addMonths(31/05, 6) = 30/11. */
export function addMonths(n: number, k: number): number {
	const { y, m, d } = parts(n);
	const mm = m - 1 + k;
	const ny = y + Math.floor(mm / 12);
	const nm = (((mm % 12) + 12) % 12) + 1;
	return day(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The day n months before `to` such that addMonths(result, months) === to (the latest such day). */
export function monthsBefore(to: number, months: number): number {
	let cand = addMonths(to, -months);
	// the latest start whose +months lands on `to`
	while (addMonths(cand + 1, months) === to) cand++;
	return cand;
}

export type DateStyle = 'dmy' | 'd/m' | 'iso' | 'dash' | 'dot';

const cache = new Map<string, Map<number, string>>();
const p2 = (x: number) => (x < 10 ? '0' + x : '' + x);

export function fmtDate(n: number, style: DateStyle = 'dmy'): string {
	let c = cache.get(style);
	if (!c) cache.set(style, (c = new Map()));
	let s = c.get(n);
	if (s !== undefined) return s;
	const { y, m, d } = parts(n);
	switch (style) {
		case 'dmy':
			s = `${p2(d)}/${p2(m)}/${y}`;
			break;
		case 'd/m':
			s = `${d}/${m}/${y}`;
			break;
		case 'iso':
			s = `${y}-${p2(m)}-${p2(d)}`;
			break;
		case 'dash':
			s = `${p2(d)}-${p2(m)}-${y}`;
			break;
		case 'dot':
			s = `${p2(d)}.${p2(m)}.${y}`;
			break;
	}
	if (c.size > 200_000) c.clear();
	c.set(n, s);
	return s;
}

export const iso = (n: number) => fmtDate(n, 'iso');

/** Excel serial number of a day (1900 date system). */
export function excelSerial(n: number): number {
	return n + 25569;
}
