// Display formatting for every page and chart: vi-VN numbers ("1.234"), percentages with a decimal
// comma ("12,3%"), dates dd/mm/yyyy. Pure functions, safe on server and client; null → "—".
const intFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const pctFmt = new Map<number, Intl.NumberFormat>();
const decFmt = new Map<number, Intl.NumberFormat>();

export const DASH = '—';

const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** 1234567 → "1.234.567" */
export function fmtInt(n: number | null | undefined): string {
	return isNum(n) ? intFmt.format(n) : DASH;
}

/** 92.5 → "92,5" (up to `digits` decimals) */
export function fmtNum(n: number | null | undefined, digits = 1): string {
	if (!isNum(n)) return DASH;
	let f = decFmt.get(digits);
	if (!f) decFmt.set(digits, (f = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits })));
	return f.format(n);
}

/** A share 0..1 → "12,3%" (fixed `digits` decimals). */
export function fmtPct(share: number | null | undefined, digits = 1): string {
	if (!isNum(share)) return DASH;
	let f = pctFmt.get(digits);
	if (!f)
		pctFmt.set(digits, (f = new Intl.NumberFormat('vi-VN', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })));
	return f.format(share);
}

/** An axis tick in percent (12.5 → "12,5%", 20 → "20%"). */
export function fmtPctTick(percent: number): string {
	return fmtPct(percent / 100, Number.isInteger(percent) ? 0 : 1);
}

/** part / whole as a share, null when whole is 0 or missing. */
export function share(part: number | null | undefined, whole: number | null | undefined): number | null {
	return isNum(part) && isNum(whole) && whole > 0 ? part / whole : null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** '2024-12-05' (or a Date, or an ISO timestamp) → "05/12/2024". */
export function fmtDate(v: string | Date | null | undefined): string {
	if (v instanceof Date) v = v.toISOString();
	const m = typeof v === 'string' ? ISO.exec(v) : null;
	return m ? `${m[3]}/${m[2]}/${m[1]}` : DASH;
}

/** '2025-11-26T08:05:00.000Z' or '2025-11-26 08:05:00' → "26/11/2025 08:05" (wall-clock as stored). */
export function fmtDateTime(v: string | Date | null | undefined): string {
	if (v instanceof Date) v = v.toISOString();
	const m = typeof v === 'string' ? ISO.exec(v) : null;
	if (!m) return DASH;
	return m[4] ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** An instant in Vietnam time (UTC+7; no daylight saving since 1975) as an ISO string: "now" as the
 * users read it, whatever the server's clock zone (a list exported at 01:00 is dated that day). */
export function vnIso(d: Date): string {
	return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19);
}

/** An instant → "26/11/2025 15:05", Vietnam time. */
export function fmtDateTimeVn(d: Date): string {
	return fmtDateTime(vnIso(d));
}

/** An instant → "ngày 05 tháng 12 năm 2025", Vietnam time: the date line of an official document. */
export function fmtDocDateVn(d: Date): string {
	const [y, m, day] = vnIso(d).slice(0, 10).split('-');
	return `ngày ${day} tháng ${m} năm ${y}`;
}

/**
 * A value as stored in JSON (a run's session variables): dates dd/mm/yyyy, month-days ("12-01", a
 * deadline) dd/mm, numbers vi-VN (a year, `key` ending in "year", as written), có/không, lists and
 * objects as plain text; null, [] and {} → "—".
 */
export function fmtValue(v: unknown, key = ''): string {
	if (v === null || v === undefined) return DASH;
	if (typeof v === 'boolean') return v ? 'có' : 'không';
	if (typeof v === 'number') return key.endsWith('year') ? String(v) : fmtNum(v, 6);
	if (typeof v === 'string') {
		const md = /^(\d{2})-(\d{2})$/.exec(v);
		return md ? `${md[2]}/${md[1]}` : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v;
	}
	if (Array.isArray(v)) {
		if (!v.length) return DASH;
		// a list of objects: one item after another, each item's fields apart with commas
		return v.map((x) => fmtValue(x)).join(v.some((x) => typeof x === 'object' && x !== null) ? '; ' : ', ');
	}
	const entries = Object.entries(v as object);
	return entries.length ? entries.map(([k, x]) => `${k}: ${fmtValue(x, k)}`).join(', ') : DASH;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** A quarter in Vietnamese: "Quý III". */
export function fmtQuarter(no: number): string {
	return `Quý ${ROMAN[no] ?? no}`;
}

/** A rating period in Vietnamese: "Năm 2024", "Quý III/2025", "Nhiệm kỳ 2020–2025". */
export function fmtPeriod(year: number, kind: string, no: number): string {
	if (kind === 'quarter') return `${fmtQuarter(no)}/${year}`;
	if (kind === 'term') return `Nhiệm kỳ ${no}–${year}`;
	return `Năm ${year}`;
}

/** Bytes → "1,2 MB" for upload reports. */
export function fmtBytes(n: number): string {
	if (n < 1024) return `${fmtInt(n)} B`;
	if (n < 1024 * 1024) return `${fmtNum(n / 1024)} KB`;
	return `${fmtNum(n / 1024 / 1024)} MB`;
}

/** A statistical signal's own measure (sql/signals/*.sql score): a robust z-score, a share of
 * members, a number of years. */
export function fmtSignalMeasure(signal: string, score: number | null | undefined): string {
	if (score == null) return '—';
	if (signal === 'excellent_outlier') return `z = ${fmtNum(score, 1)}`;
	if (signal === 'self_gap') return fmtPct(score);
	if (signal === 'identical_years') return `${fmtInt(score)} năm`;
	return fmtNum(score, 2);
}
