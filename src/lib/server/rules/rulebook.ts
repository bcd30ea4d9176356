// Rulebooks: the thresholds and choices of each rating round, kept as data in data/rulebooks/*.json
// (qd132, qd124, qd366 for Party ratings; nd90, nd335 for civil servants). This module loads and
// validates them, picks the one a period's year falls under, applies "what if" overrides, and
// flattens a pair (Party + civil-servant) into the DuckDB session variables sql/rules/*.sql read.
// Called by runner.ts; the pages use listRulebooks() to say which rulebook governs a year.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DISCIPLINE_FORMS } from '../../domain/evidence';
import { levelByRank, MEMBER_STATUSES, PERIOD_KINDS, SUBJECT_KINDS } from '../../domain/levels';
import { UNIT_KINDS, unitKindVi } from '../../domain/units';
import { DASH, fmtNum, fmtValue } from '../../format';
import { ROOT } from '../db';
import { loadProvinces, type ProvinceRef } from '../generate/places';

export type RulebookKind = 'party' | 'civil_servant';
export type ParamValue = unknown;

export interface Rulebook {
	id: string;
	version: number;
	kind: RulebookKind;
	/** Vietnamese, with the document numbers */
	name: string;
	short: string;
	years: { from: number | null; to: number | null };
	/** Party rulebooks: the civil-servant rulebooks the years in force pair with */
	civil_servant_rulebooks?: string[];
	comment?: string;
	/** parameter values (the JSON's comments stripped) */
	params: Record<string, ParamValue>;
	/** the JSON's comment for each parameter, where it has one */
	notes: Record<string, string>;
}

/** How a parameter is checked and turned into a SQL literal. */
type ParamType =
	| 'int'
	| 'int?'
	| 'level'
	| 'date?'
	| 'share'
	| 'share?'
	| 'score?'
	| 'bool'
	| 'denominator'
	| 'subject_kinds'
	| 'discipline_forms'
	| 'member_statuses'
	| 'unit_kinds'
	| 'period_kinds'
	| 'share_overrides'
	| 'allowance'
	| 'deadlines'
	| 'deadline_overrides';

const LEVEL: ParamType = 'level';
const COMMON: Record<string, ParamType> = {
	days_per_month: 'int',
	r1_share: 'share',
	r1_denominator: 'denominator',
	r1_share_overrides: 'share_overrides',
	r1_small_unit_below: 'int?',
	r1_small_unit_allowed: 'int?',
	r1_allowance: 'allowance',
	r1_group_by_column: 'bool',
	r1_subject_kinds: 'subject_kinds',
	r4_deadlines: 'deadlines',
	r4_deadline_overrides: 'deadline_overrides',
	r6_sick_leave_months: 'int?',
	r6_max_level: LEVEL,
	r9_enabled: 'bool',
	r9_min_excellent: 'score?',
	r9_min_good: 'score?',
	r9_min_complete: 'score?',
	r9_score_required: 'bool',
	r9_score_required_from: 'date?',
	r9_subject_kinds: 'subject_kinds'
};

/** Every parameter each kind of rulebook must define (and may not exceed). */
export const PARAMS: Record<RulebookKind, Record<string, ParamType>> = {
	party: {
		...COMMON,
		new_member_months: 'int',
		new_org_months: 'int',
		discipline_forms_member: 'discipline_forms',
		discipline_forms_org: 'discipline_forms',
		r2_max_level: LEVEL,
		r2_self_remedied_max_level: LEVEL,
		r2_org_subject_kinds: 'subject_kinds',
		r2_collective_member_disciplined: 'bool',
		r2_collective_subunit_share: 'share?',
		r3_newcomer_head_exempt: 'bool',
		r4_review_subject_kinds: 'subject_kinds',
		r4_review_period_kinds: 'period_kinds',
		r4_not_owed_statuses: 'member_statuses',
		r5_unit_kinds: 'unit_kinds',
		r5_excellent_complete_share: 'share',
		r5_excellent_good_share: 'share',
		r5_good_complete_share: 'share',
		r5_good_good_share: 'share',
		r5_incomplete_share: 'share',
		r10_enabled: 'bool',
		period_kinds: 'period_kinds',
		quarter_iv_rated_apart: 'bool'
	},
	// (R2: the State's discipline that makes a civil servant incomplete, NĐ 335)
	civil_servant: { ...COMMON, r2_max_level: LEVEL, r2_state_discipline_forms: 'discipline_forms' }
};

/** Each parameter as a user reads it: a "what if" run says what it changed (the audit CLI). */
const PARAM_VI: Record<string, string> = {
	days_per_month: 'số ngày một tháng',
	new_member_months: 'số tháng đảng viên mới kết nạp chưa xếp loại',
	new_org_months: 'số tháng tổ chức mới thành lập chưa xếp loại',
	discipline_forms_member: 'hình thức kỷ luật đảng viên được tính',
	discipline_forms_org: 'hình thức kỷ luật tổ chức đảng được tính',
	r1_share: 'tỷ lệ HTXSNV tối đa (R1)',
	r1_denominator: 'mẫu số tỷ lệ HTXSNV (R1)',
	r1_share_overrides: 'tỷ lệ HTXSNV riêng theo năm, tỉnh (R1)',
	r1_small_unit_below: 'nơi ít người: dưới số HTTNV này (R1)',
	r1_small_unit_allowed: 'nơi ít người: số HTXSNV được chọn (R1)',
	r1_allowance: 'đơn vị được cho vượt tỷ lệ, theo năm (R1)',
	r1_group_by_column: 'tính trong từng Nhóm khi danh sách có cột Nhóm (R1)',
	r1_subject_kinds: 'đối tượng xét tỷ lệ HTXSNV (R1)',
	r2_max_level: 'mức cao nhất khi bị kỷ luật (R2)',
	r2_self_remedied_max_level: 'mức cao nhất khi tự phát hiện, khắc phục (R2)',
	r2_org_subject_kinds: 'đối tượng tổ chức xét kỷ luật (R2)',
	r2_collective_member_disciplined: 'tập thể có thành viên bị kỷ luật thì KHTNV (R2)',
	r2_collective_subunit_share: 'tỷ lệ cấp dưới bị kỷ luật thì KHTNV (R2)',
	r2_state_discipline_forms: 'hình thức kỷ luật chính quyền được tính (R2)',
	r3_newcomer_head_exempt: 'miễn người đứng đầu mới chuyển đến (R3)',
	r4_review_subject_kinds: 'đối tượng phải kiểm điểm trước khi xếp loại (R4)',
	r4_review_period_kinds: 'kỳ phải kiểm điểm trước khi xếp loại (R4)',
	r4_not_owed_statuses: 'tình trạng không phải xếp loại (R4)',
	r4_deadlines: 'hạn quyết định theo cấp (R4)',
	r4_deadline_overrides: 'hạn riêng theo năm, tỉnh (R4)',
	r5_unit_kinds: 'loại đơn vị xét (R5)',
	r5_excellent_complete_share: 'chi bộ HTXSNV: tỷ lệ đảng viên HTNV trở lên (R5)',
	r5_excellent_good_share: 'chi bộ HTXSNV: tỷ lệ đảng viên HTTNV trở lên (R5)',
	r5_good_complete_share: 'chi bộ HTTNV: tỷ lệ đảng viên HTNV trở lên (R5)',
	r5_good_good_share: 'chi bộ HTTNV: tỷ lệ đảng viên HTTNV trở lên (R5)',
	r5_incomplete_share: 'tỷ lệ đảng viên KHTNV thì chi bộ KHTNV (R5)',
	r6_sick_leave_months: 'số tháng nghỉ ốm (R6)',
	r6_max_level: 'mức cao nhất khi nghỉ ốm dài (R6)',
	r9_enabled: 'xét khung điểm (R9)',
	r9_min_excellent: 'điểm thấp nhất của HTXSNV (R9)',
	r9_min_good: 'điểm thấp nhất của HTTNV (R9)',
	r9_min_complete: 'điểm thấp nhất của HTNV (R9)',
	r9_score_required: 'bắt buộc có điểm (R9)',
	r9_score_required_from: 'bắt buộc có điểm từ ngày (R9)',
	r9_subject_kinds: 'đối tượng xét khung điểm (R9)',
	r10_enabled: 'xét tập thể có cấp dưới, thành viên bị kỷ luật (R10)',
	period_kinds: 'kỳ đánh giá',
	quarter_iv_rated_apart: 'đánh giá riêng quý IV'
};

/** A parameter's name in Vietnamese ("tỷ lệ HTXSNV tối đa (R1)"); a 'cs_' key is the
 * civil-servant rulebook's. */
export function paramLabelVi(key: string): string {
	const k = key.replace(/^cs_/, '');
	return `${key.startsWith('cs_') ? 'công chức, viên chức: ' : ''}${PARAM_VI[k] ?? k}`;
}

/** A parameter's value as a user reads it ("25%", "số HTTNV trở lên", "năm, quý"). */
export function paramValueVi(key: string, v: unknown): string {
	const k = key.replace(/^cs_/, '');
	return valueVi(PARAMS[key.startsWith('cs_') ? 'civil_servant' : 'party'][k], v);
}

/** The codes of each list type in words: the domain's own names (pages, evidence, exports). */
const NAMES: Partial<Record<ParamType, Record<string, string>>> = {
	subject_kinds: SUBJECT_KINDS,
	discipline_forms: DISCIPLINE_FORMS,
	member_statuses: MEMBER_STATUSES,
	unit_kinds: UNIT_KINDS,
	period_kinds: PERIOD_KINDS
};

const pct = (v: number) => `${fmtNum(v * 100, 2)}%`;

/** One formatter per parameter type: codes in words, shares in percent, levels by their initials,
 * deadlines dd/mm by unit kind, province codes by name; the rest (dates, numbers, có/không) as fmtValue. */
function valueVi(type: ParamType | undefined, v: unknown): string {
	const names = type && NAMES[type];
	if (names && Array.isArray(v)) {
		const said = v.map((x) => (names[x] ?? String(x)).toLowerCase());
		// (a name with a comma of its own: "tập thể lãnh đạo, quản lý")
		return said.join(said.some((x) => x.includes(',')) ? '; ' : ', ') || DASH;
	}
	if (v === null || v === undefined) return DASH;
	switch (type) {
		case 'share':
		case 'share?':
			return pct(v as number);
		case 'level':
			return levelByRank(v as number)?.short ?? String(v);
		case 'denominator':
			return v === 'good' ? 'số HTTNV' : v === 'good_and_above' ? 'số HTTNV trở lên' : String(v);
		case 'deadlines':
			return deadlinesVi(v as Record<string, string>);
		case 'share_overrides':
			return byProvinceVi(v as Record<string, Record<string, number>>, pct);
		case 'deadline_overrides':
			return byProvinceVi(v as Record<string, Record<string, Record<string, string>>>, deadlinesVi);
	}
	return fmtValue(v);
}

/** {"chi_bo_co_so": "12-01", "*": "12-15"} → "chi bộ cơ sở 01/12, các cấp khác 15/12". */
function deadlinesVi(d: Record<string, string>): string {
	const other = Object.keys(d).length > 1 ? 'các cấp khác' : 'mọi cấp';
	return Object.entries(d).map(([kind, md]) => `${kind === '*' ? other : unitKindVi(kind).toLowerCase()} ${fmtValue(md)}`).join(', ') || DASH;
}

/** A table by year and province code: "2025, Bình Phước (70): 25%; 2025, Hà Nội (01): 25%". */
function byProvinceVi<T>(v: Record<string, Record<string, T>>, say: (x: T) => string): string {
	const said = Object.entries(v).flatMap(([y, m]) => Object.entries(m).map(([code, x]) => `${y}, ${provinceVi(code, Number(y))}: ${say(x)}`));
	return said.join('; ') || DASH;
}

let provinces: ProvinceRef[] | null = null;

/** A province code by name: from 2025 one of the 34 provinces where the code is theirs (an old code
 * they did not keep, "70", is still its old province, as sql/schema/011 reads it), else one of the 63. */
function provinceVi(code: string, year: number): string {
	provinces ??= loadProvinces(ROOT);
	const name = (year >= 2025 ? provinces.find((p) => p.code2025 === code)?.name2025 : undefined) ?? provinces.find((p) => p.code === code)?.name;
	return name ? `${name} (${code})` : code;
}

export class RulebookError extends Error {}

const DIR = () => join(ROOT, 'data', 'rulebooks');
let cache: Map<string, Rulebook> | null = null;

/** All rulebooks in data/rulebooks, validated; cached for the process. */
export function loadRulebooks(dir = DIR()): Map<string, Rulebook> {
	if (cache && dir === DIR()) return cache;
	const out = new Map<string, Rulebook>();
	for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
		let raw: Record<string, unknown>;
		try {
			raw = JSON.parse(readFileSync(join(dir, f), 'utf8'));
		} catch (e) {
			throw new RulebookError(`Bộ quy tắc ${f} không phải JSON hợp lệ: ${(e as Error).message}`);
		}
		const rb = parseRulebook(raw, f);
		if (out.has(rb.id)) throw new RulebookError(`Mã bộ quy tắc "${rb.id}" trùng (${f}).`);
		out.set(rb.id, rb);
	}
	for (const rb of out.values())
		for (const cs of rb.civil_servant_rulebooks ?? [])
			if (out.get(cs)?.kind !== 'civil_servant')
				throw new RulebookError(`Bộ quy tắc ${rb.id} ghép với "${cs}", không phải bộ quy tắc công chức, viên chức đã có.`);
	if (dir === DIR()) cache = out;
	return out;
}

export function listRulebooks(kind?: RulebookKind): Rulebook[] {
	return [...loadRulebooks().values()].filter((r) => !kind || r.kind === kind);
}

export function getRulebook(id: string): Rulebook {
	const rb = loadRulebooks().get(id);
	if (!rb) throw new RulebookError(`Không có bộ quy tắc "${id}". Các bộ quy tắc: ${[...loadRulebooks().keys()].join(', ')}.`);
	return rb;
}

/** The rulebook in force for a period's year (a term: the year it ends). */
export function pickRulebook(year: number, kind: RulebookKind = 'party'): Rulebook {
	const hit = listRulebooks(kind).filter((r) => (r.years.from ?? -Infinity) <= year && year <= (r.years.to ?? Infinity));
	if (hit.length !== 1)
		throw new RulebookError(
			hit.length
				? `Năm ${year} thuộc nhiều bộ quy tắc (${hit.map((r) => r.id).join(', ')}): hãy chọn bằng --rulebook.`
				: `Không có bộ quy tắc ${kind === 'party' ? 'xếp loại đảng' : 'xếp loại công chức, viên chức'} cho năm ${year}.`
		);
	return hit[0];
}

function parseRulebook(raw: Record<string, unknown>, file: string): Rulebook {
	const where = `Bộ quy tắc ${file}`;
	const need = (k: string, ok: boolean) => {
		if (!ok) throw new RulebookError(`${where}: trường "${k}" thiếu hoặc không hợp lệ.`);
	};
	need('id', typeof raw.id === 'string' && /^[a-z0-9_]+$/.test(raw.id));
	need('version', Number.isInteger(raw.version));
	need('kind', raw.kind === 'party' || raw.kind === 'civil_servant');
	need('name', typeof raw.name === 'string' && raw.name.length > 0);
	const years = raw.years as Rulebook['years'];
	need('years', !!years && (years.from === null || Number.isInteger(years.from)) && (years.to === null || Number.isInteger(years.to)));
	need('params', !!raw.params && typeof raw.params === 'object');
	const params: Record<string, ParamValue> = {};
	const notes: Record<string, string> = {};
	for (const [k, v] of Object.entries(raw.params as Record<string, unknown>)) {
		const entry = v as { value?: unknown; comment?: unknown };
		need(`params.${k}`, !!entry && typeof entry === 'object' && 'value' in entry);
		params[k] = entry.value;
		if (typeof entry.comment === 'string') notes[k] = entry.comment;
	}
	const rb: Rulebook = {
		id: raw.id as string,
		version: raw.version as number,
		kind: raw.kind as RulebookKind,
		name: raw.name as string,
		short: typeof raw.short === 'string' ? raw.short : (raw.id as string),
		years,
		civil_servant_rulebooks: raw.civil_servant_rulebooks as string[] | undefined,
		comment: raw.comment as string | undefined,
		params,
		notes
	};
	validateParams(rb, where);
	return rb;
}

const isShare = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
const isIntValue = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
// a real day of every year: "11-31" is none, nor "02-29" (rounds of non-leap years would fail on it)
const isMonthDay = (v: unknown) =>
	typeof v === 'string' && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v) && Number(v.slice(3)) <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(v.slice(0, 2)) - 1];
const isYearKey = (k: string) => /^\d{4}$/.test(k);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function checkType(t: ParamType, v: unknown): boolean {
	switch (t) {
		case 'int':
			return isIntValue(v);
		case 'int?':
			return v === null || isIntValue(v);
		case 'level':
			return levelByRank(v as number) !== null;
		case 'share':
			return isShare(v);
		case 'share?':
			return v === null || isShare(v);
		case 'date?':
			return v === null || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));
		case 'score?':
			return v === null || (typeof v === 'number' && v >= 0 && v <= 100);
		case 'bool':
			return typeof v === 'boolean';
		case 'denominator':
			return v === 'good' || v === 'good_and_above';
		case 'subject_kinds':
			return Array.isArray(v) && v.every((x) => typeof x === 'string' && x in SUBJECT_KINDS);
		case 'discipline_forms':
		case 'member_statuses':
		case 'unit_kinds':
			return Array.isArray(v) && v.every((x) => typeof x === 'string');
		case 'period_kinds':
			return Array.isArray(v) && v.length > 0 && v.every((x) => x === 'year' || x === 'quarter' || x === 'term');
		case 'share_overrides':
			return isObject(v) && Object.entries(v).every(([y, m]) => isYearKey(y) && isObject(m) && Object.values(m).every(isShare));
		case 'allowance':
			return isObject(v) && Object.entries(v).every(([y, l]) => isYearKey(y) && Array.isArray(l) && l.every((x) => typeof x === 'string'));
		case 'deadlines':
			return isObject(v) && Object.values(v).every(isMonthDay);
		case 'deadline_overrides':
			return (
				isObject(v) &&
				Object.entries(v).every(([y, m]) => isYearKey(y) && isObject(m) && Object.values(m).every((d) => isObject(d) && Object.values(d).every(isMonthDay)))
			);
	}
}

function validateParams(rb: Rulebook, where: string): void {
	const spec = PARAMS[rb.kind];
	for (const k of Object.keys(rb.params))
		if (!(k in spec)) throw new RulebookError(`${where}: tham số "${k}" không được dùng ở bộ quy tắc loại ${rb.kind}.`);
	for (const [k, t] of Object.entries(spec)) {
		if (!(k in rb.params)) throw new RulebookError(`${where}: thiếu tham số "${k}".`);
		if (!checkType(t, rb.params[k]))
			throw new RulebookError(`${where}: tham số "${k}" = ${JSON.stringify(rb.params[k])} không hợp lệ (${t}).`);
	}
	const p = rb.params;
	if (p.r9_enabled) {
		const [e, g, c] = [p.r9_min_excellent, p.r9_min_good, p.r9_min_complete] as Array<number | null>;
		if (e === null || g === null || c === null || !(e > g && g > c))
			throw new RulebookError(`${where}: khung điểm r9 cần r9_min_excellent > r9_min_good > r9_min_complete.`);
	}
}

/**
 * A copy of `rb` with some parameters replaced ("what if": another share, the other denominator…).
 * Keys are parameter names of this rulebook; the result is validated like a file.
 */
export function withOverrides(rb: Rulebook, overrides: Record<string, ParamValue>): Rulebook {
	if (!Object.keys(overrides).length) return rb;
	const out: Rulebook = { ...rb, params: { ...rb.params, ...overrides } };
	validateParams(out, `Bộ quy tắc ${rb.id} (đã thay tham số)`);
	return out;
}

/** A DuckDB SQL literal for a value of a known shape. */
type SqlShape = 'auto' | 'varchar[]' | 'share_map' | 'deadline_list';

function sqlString(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

export function sqlLiteral(v: unknown, shape: SqlShape = 'auto'): string {
	if (shape === 'varchar[]') return `[${(v as string[]).map(sqlString).join(', ')}]::varchar[]`;
	if (shape === 'share_map') {
		const m = v as Record<string, number>;
		return `map([${Object.keys(m).map(sqlString).join(', ')}]::varchar[], [${Object.values(m).map((x) => String(x)).join(', ')}]::double[])`;
	}
	if (shape === 'deadline_list') {
		const l = v as Array<{ province: string; kind: string; md: string }>;
		// typed: an empty list (a what-if without deadlines) is still a list of deadlines
		return `[${l.map((d) => `{'province': ${sqlString(d.province)}, 'kind': ${sqlString(d.kind)}, 'md': ${sqlString(d.md)}}`).join(', ')}]::struct(province varchar, kind varchar, md varchar)[]`;
	}
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : `cast(${v} as double)`;
	if (typeof v === 'string') return sqlString(v);
	if (v instanceof Date) return `date '${v.toISOString().slice(0, 10)}'`;
	throw new RulebookError(`Không chuyển được giá trị ${JSON.stringify(v)} thành SQL.`);
}

export interface Variable {
	name: string;
	value: unknown;
	sql: string;
}

/**
 * The session variables one rulebook stands for in the period year: each parameter by its name
 * (prefix 'cs_' for the civil-servant rulebook), with the per-year tables resolved:
 *   r1_share_overrides[year]      -> r1_share_by_province  MAP(province code -> share)
 *   r1_allowance[year]            -> r1_allowance_units    VARCHAR[] of unit codes (civil servants: or "CODE:agency")
 *   r4_deadlines (+ overrides[year]) -> r4_deadlines       LIST of {province ('*' = any), kind, md}
 */
export function rulebookVariables(rb: Rulebook, year: number, prefix = ''): Variable[] {
	const out: Variable[] = [];
	const add = (name: string, value: unknown, sql: string) => out.push({ name: prefix + name, value, sql });
	const y = String(year);
	for (const [k, t] of Object.entries(PARAMS[rb.kind])) {
		const v = rb.params[k];
		if (t === 'share_overrides') {
			const m = ((v as Record<string, Record<string, number>>)[y] ?? {}) as Record<string, number>;
			add('r1_share_by_province', m, sqlLiteral(m, 'share_map'));
		} else if (t === 'allowance') {
			const l = (v as Record<string, string[]>)[y] ?? [];
			add('r1_allowance_units', l, sqlLiteral(l, 'varchar[]'));
		} else if (t === 'deadlines') {
			const list = Object.entries(v as Record<string, string>).map(([kind, md]) => ({ province: '*', kind, md }));
			const over = (rb.params.r4_deadline_overrides as Record<string, Record<string, Record<string, string>>>)[y] ?? {};
			for (const [province, kinds] of Object.entries(over))
				for (const [kind, md] of Object.entries(kinds)) list.push({ province, kind, md });
			add('r4_deadlines', list, sqlLiteral(list, 'deadline_list'));
		} else if (t === 'deadline_overrides') {
			continue; // folded into r4_deadlines
		} else if (NAMES[t]) {
			add(k, v, sqlLiteral(v, 'varchar[]'));
		} else add(k, v, sqlLiteral(v));
	}
	return out;
}
