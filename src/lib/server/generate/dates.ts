// Dates as integer day numbers (days since 1970-01-01, UTC) for the generator: cheap to compare,
// add and store by the million; formatted to text only when a file is written, in the styles
// units really type. The 6-month arithmetic follows RULES.md ("31/05 + 6 months = 30/11").

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil: no Date objects). */
export function day(y: number, m: number, d: number): number {
	y -= m <= 2 ? 1 : 0;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** The civil date of a day number (civil_from_days). */
export function parts(n: number): { y: number; m: number; d: number } {
	const z = n + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function yearOf(n: number): number {
	return parts(n).y;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
	return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DIM[m - 1];
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

const STYLES: DateStyle[] = ['dmy', 'd/m', 'iso', 'dash', 'dot'];
const OFFSET = 40_000; // day numbers from 1860 to 2079
const cache: Array<Array<string | undefined>> = STYLES.map(() => new Array(2 * OFFSET));
const p2 = (x: number) => (x < 10 ? '0' + x : '' + x);

export function fmtDate(n: number, style: DateStyle = 'dmy'): string {
	const c = cache[STYLES.indexOf(style)];
	const hit = c[n + OFFSET];
	if (hit !== undefined) return hit;
	const { y, m, d } = parts(n);
	let s: string;
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
		default:
			s = `${p2(d)}.${p2(m)}.${y}`;
	}
	if (n + OFFSET >= 0 && n + OFFSET < c.length) c[n + OFFSET] = s;
	return s;
}

export const iso = (n: number) => fmtDate(n, 'iso');

/** Excel serial number of a day (1900 date system). */
export function excelSerial(n: number): number {
	return n + 25569;
}
