// Queries of the dashboard (/) and the unit page's trend: years with data, KPI cards, the per-year
// series behind the charts, localities ranked by excellent share, findings per rule, and the
// statistical signals in force (those from the signal table). The rest read the
// marts (sql/marts/unit_year.sql, refreshed after every audit), so a page view costs a few small
// GROUP BYs whatever the number of ratings. Yearly rounds only, as the marts are.
import type { LevelYearRow } from '$lib/charts/level-shares-options';
import type { LocalityRow } from '$lib/charts/locality-excellent-options';
import type { RuleCountRow } from '$lib/charts/rule-findings-options';
import type { TrendRow } from '$lib/charts/anomaly-trend-options';
import { type Db, sqlFile } from '../db';
import { refreshMarts } from '../rules/marts';
import { SIGNAL_IDS, type SignalId } from '../rules/signals';
import { type Focus, VIEW_UNIT_CTE, viewParams } from './scope';

export interface YearRow {
	year: number;
	members_rated: number;
	l4: number;
	l3: number;
	l2: number;
	l1: number;
	findings: number;
	exempted: number;
	units: number;
	units_with_findings: number;
	orgs_rated: number;
	excess_in_chi_bo: number;
	excess_at_decider: number;
}

export interface Kpis extends YearRow {
	/** organisations of a rated kind alive in the year, in view */
	orgs: number;
}

const q = (file: string) => `with ${VIEW_UNIT_CTE}, q as (\n${sqlFile(file)}\n) select * from q`;

/** Build the marts when the database has never had them (a fresh file, or one filled by the CLI). */
export async function ensureMarts(db: Db): Promise<void> {
	const have = await db.one<{ n: number }>(`select count(*)::integer as n from duckdb_tables() where table_name = 'mart_unit_year'`);
	if (!have?.n) await refreshMarts(db);
}

/** Per-year figures for the focus, oldest first; `years` newest first. */
export async function yearRows(db: Db, f: Focus): Promise<{ rows: YearRow[]; years: number[] }> {
	const rows = await db.query<YearRow>(`${q('queries/mart_years.sql')} order by year`, viewParams(f));
	return { rows, years: rows.map((r) => r.year).reverse() };
}

export function levelSeries(rows: YearRow[]): LevelYearRow[] {
	return rows.filter((r) => r.l4 + r.l3 + r.l2 + r.l1 > 0).map((r) => ({ year: r.year, counts: { 4: r.l4, 3: r.l3, 2: r.l2, 1: r.l1 } }));
}

export function trendSeries(rows: YearRow[]): TrendRow[] {
	return rows.map((r) => ({ year: r.year, findings: r.findings, units: r.units, unitsWithFindings: r.units_with_findings }));
}

export async function kpis(db: Db, f: Focus, row: YearRow): Promise<Kpis> {
	const orgs = await db.one<{ n: number }>(
		`with ${VIEW_UNIT_CTE}
		 select count(*)::integer as n from view_unit u
		 -- the kinds that owe an organisation rating (R4, missing_review.sql), alive at the year's end
		 -- (a unit merged away in July owes nothing: its successor does) or rated for the year all the
		 -- same; the card's "N of them rated" counts within the same kinds. (R4 also holds to its list a
		 -- unit dissolved after its deadline and before 31/12; the card leaves it out.)
		 where u.kind in (select unit_kind from ref_unit_kind_alias where rated = 'true')
		   and (u.founded_on is null or u.founded_on <= make_date($year, 12, 31))
		   and (u.dissolved_on is null or u.dissolved_on >= make_date($year, 12, 31)
		        or u.id in (select r.subject_unit_id from rating_current r
		                    where r.subject_kind = 'party_org' and r.period_year = $year and r.period_kind = 'year' and r.final_level is not null))`,
		{ ...viewParams(f), year: row.year }
	);
	return { ...row, orgs: orgs?.n ?? 0 };
}

/** Excellent share by province when several are in view, else by locality (huyện / xã). */
export async function localities(db: Db, f: Focus, year: number): Promise<{ by: 'province' | 'locality'; rows: LocalityRow[] }> {
	const raw = await db.query<{ province: string; locality: string; excellent: number; rated: number }>(
		`with ${VIEW_UNIT_CTE}
		 select coalesce(m.province_name, '(chưa rõ tỉnh)') as province, coalesce(m.locality, '(chưa rõ địa bàn)') as locality,
		        sum(m.excellent)::integer as excellent, sum(m.members_rated)::integer as rated
		 from mart_unit_year m semi join view_unit u on u.id = m.unit_id
		 where m.year = $year and m.members_rated > 0
		 group by all`,
		{ ...viewParams(f), year }
	);
	const by = new Set(raw.map((r) => r.province)).size > 1 ? 'province' : 'locality';
	const acc = new Map<string, LocalityRow>();
	for (const r of raw) {
		const name = by === 'province' ? r.province : r.locality;
		const a = acc.get(name) ?? { name, excellent: 0, rated: 0 };
		a.excellent += r.excellent;
		a.rated += r.rated;
		acc.set(name, a);
	}
	return { by, rows: [...acc.values()] };
}

export async function findingsByRule(db: Db, f: Focus, year: number): Promise<RuleCountRow[]> {
	return db.query<RuleCountRow>(q('queries/mart_rules.sql'), { ...viewParams(f), year });
}

export interface SignalRow {
	signal: SignalId;
	unit_code: string;
	unit_name: string;
	parent_name: string | null;
	score: number;
	message: string;
}

/** The statistical signals in force for the year in view (sql/queries/current_signals.sql), per
 * signal its strongest `top` and how many there are: a province has hundreds. */
export async function signalsInView(db: Db, f: Focus, year: number, top = 10): Promise<Array<{ signal: SignalId; total: number; rows: SignalRow[] }>> {
	const rows = await db.query<SignalRow & { total: number }>(
		`with ${VIEW_UNIT_CTE}, s as (\n${sqlFile('queries/current_signals.sql')}\n)
		select * exclude (n) from (
		    select *, count(*) over (partition by signal)::integer as total,
		        row_number() over (partition by signal order by score desc, unit_name, unit_code) as n
		    from s
		) where n <= $top
		order by signal, n`,
		{ ...viewParams(f), year, top }
	);
	return SIGNAL_IDS.flatMap((signal) => {
		const of = rows.filter((r) => r.signal === signal);
		return of.length ? [{ signal, total: of[0].total, rows: of.map(({ total: _t, ...r }) => r) }] : [];
	});
}
