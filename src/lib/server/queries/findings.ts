// Queries of the findings page (/phat-hien): one page of findings in force with its total, and the
// filter choices (years, units with findings). Two queries per page view.
import { error } from '@sveltejs/kit';
import { RULES, type RuleId } from '$lib/domain/anomaly';
import { fmtQuarter } from '$lib/format';
import { type Db, sqlFile } from '../db';
import { getRulebook } from '../rules/rulebook';
import { withCurrentFindings } from './findings-cte';
import { type Focus, intParam, viewParams } from './scope';

export const RULE_ORDER = Object.keys(RULES) as RuleId[];
export const PAGE_SIZE = 50;

export interface FindingRow {
	run_id: number;
	rule: RuleId;
	status: 'flagged' | 'exempted';
	rulebook: string;
	/** the rulebook as users cite it ("QĐ 366-QĐ/TW"), not its id */
	rulebook_short: string;
	year: number;
	period_kind: string;
	period_no: number;
	unit_code: string;
	unit_name: string;
	deciding_unit_code: string | null;
	deciding_unit_name: string | null;
	/** the deciding unit's kind (unit.kind: 'huyen_uy', 'dang_bo_co_so'…): whom an order is addressed to */
	deciding_unit_kind: string | null;
	/** the deciding unit's dissolution (yyyy-mm-dd), if it is no more: an order to it says so */
	deciding_unit_dissolved_on: string | null;
	subject_kind: string | null;
	subject_ref: string;
	subject_name: string | null;
	subject_card: string | null;
	subject_birth_date: string | null;
	subject_birth_year: number | null;
	severity: 'high' | 'medium' | 'low';
	message: string;
	/** the check of its rule that found it (evidence.check: R4's 'no_review', 'late_list'…), if it says */
	evidence_check: string | null;
	source_file: string | null;
	source_row: number | null;
	source_count: number;
	sources: Array<{ file: string; row: number }>;
}

export interface FindingFilter {
	year: number | null;
	/** the round (?ky=): the yearly one, a quarter, the term; null: every period of the year */
	period?: FindingPeriod | null;
	rule: RuleId | null;
	status: 'flagged' | 'exempted' | null;
	page: number;
}

/** A round as ?ky= says it: "nam" the yearly round (the dashboard's), "q1"–"q4" a quarter, "nk" the term. */
export interface FindingPeriod {
	kind: 'year' | 'quarter' | 'term';
	/** the quarter; 0 for the year; null: any (a term, whichever) */
	no: number | null;
	label: string;
}

const PERIODS: Record<string, FindingPeriod> = {
	nam: { kind: 'year', no: 0, label: 'Cả năm' },
	...Object.fromEntries([1, 2, 3, 4].map((no) => [`q${no}`, { kind: 'quarter', no, label: fmtQuarter(no) } as const])),
	nk: { kind: 'term', no: null, label: 'Nhiệm kỳ' }
};

/** The rounds the findings page offers, in ?ky= words. */
export const PERIOD_CHOICES = Object.entries(PERIODS).map(([ky, p]) => ({ ky, label: p.label }));

/** ?ky= as a round; 400 for a word that is none. */
export function periodParam(url: URL): FindingPeriod | null {
	const ky = url.searchParams.get('ky')?.trim().toLowerCase() || null;
	if (ky && !(ky in PERIODS)) error(400, `Không có kỳ "${ky}": dùng nam, q1–q4 hoặc nk, hoặc chọn trong danh sách.`);
	return ky ? PERIODS[ky] : null;
}

/** The SQL parameters of a period filter (findings_page.sql, findingYears). */
function periodParams(p: FindingPeriod | null | undefined): { period_kind: string | null; period_no: number | null } {
	return { period_kind: p?.kind ?? null, period_no: p?.no ?? null };
}

/** The filter a findings URL says (?nam=&qt=&tt=&trang=; the unit, ?dv=, is the caller's focus):
 * the page's and its export's. The rule by its id or its number as every page shows it ("R1"); the
 * round by ?ky= (periodParam). */
export function findingFilterOf(url: URL): FindingFilter {
	const tt = url.searchParams.get('tt');
	// violations by default: exemptions (merged units not new, small chi bộ…) are on request
	const status = tt === 'exempted' ? 'exempted' : tt === 'all' ? null : 'flagged';
	return { year: intParam(url, 'nam'), period: periodParam(url), rule: ruleParam(url), status, page: intParam(url, 'trang', 1)! };
}

/** The rule a URL asks for (?qt=), by its id or its number as every page shows it ("R1"); 400 for
 * one that does not exist. */
export function ruleParam(url: URL): RuleId | null {
	const asked = url.searchParams.get('qt') || null;
	const rule = asked && (RULE_ORDER.find((id) => id === asked || RULES[id].no === asked.toUpperCase()) ?? null);
	if (asked && !rule) error(400, `Không có quy tắc "${asked}": dùng R1–R10 hoặc chọn trong danh sách.`);
	return rule || null;
}

/** One page of findings; each with its first `sourceLimit` source rows (the page shows 20; an export, all). */
export async function findingsPage(db: Db, f: Focus, filter: FindingFilter, pageSize = PAGE_SIZE, sourceLimit = 20): Promise<{ rows: FindingRow[]; total: number }> {
	const rows = await db.query<FindingRow & { total: number }>(
		`${withCurrentFindings()}, q as (\n${sqlFile('queries/findings_page.sql')}\n) select * exclude (ord) from q order by ord`,
		{
			...viewParams(f),
			year: filter.year,
			...periodParams(filter.period),
			rule: filter.rule,
			status: filter.status,
			rule_order: JSON.stringify(RULE_ORDER),
			limit: pageSize,
			source_limit: sourceLimit,
			offset: (filter.page - 1) * pageSize
		}
	);
	// a page past the end has no row to carry the total: the first page's gives it
	if (!rows.length && filter.page > 1) return { rows: [], total: (await findingsPage(db, f, { ...filter, page: 1 }, pageSize)).total };
	const total = rows[0]?.total ?? 0;
	return { rows: rows.map(({ total: _t, ...r }) => ({ ...r, rulebook_short: shortName(r.rulebook) })), total };
}

/** Years with findings in view, newest first, and how many per year the list shows under the
 * filter's status and rule (violations by default: a count with the exemptions would not be the
 * list's), for the year filter. */
export async function findingYears(db: Db, f: Focus, filter: Pick<FindingFilter, 'status' | 'rule' | 'period'>): Promise<Array<{ year: number; n: number }>> {
	return db.query(
		`${withCurrentFindings()}
		select year, count(*) filter (
		    where ($status::varchar is null or status = $status) and ($rule::varchar is null or rule = $rule)
		      and ($period_kind::varchar is null or period_kind = $period_kind) and ($period_no::integer is null or period_no = $period_no)
		)::integer as n
		from cur group by year order by year desc`,
		{ ...viewParams(f), status: filter.status, rule: filter.rule, ...periodParams(filter.period) }
	);
}

/** A rulebook's short name; the id of one no longer in data/rulebooks. */
function shortName(id: string): string {
	try {
		return getRulebook(id).short;
	} catch {
		return id;
	}
}
