// Queries of the dashboard (/): years with data, KPI cards, the per-year series behind the charts,
// localities ranked by excellent share, findings per rule. Each takes the page's focus (scope.ts);
// five queries per page view, whatever the number of units.
import type { LevelYearRow } from '$lib/charts/level-shares-options';
import type { LocalityRow } from '$lib/charts/locality-excellent-options';
import type { RuleCountRow } from '$lib/charts/rule-findings-options';
import type { TrendRow } from '$lib/charts/anomaly-trend-options';
import { type Db, sqlFile } from '../db';
import { withCurrentFindings } from './findings-cte';
import { type Focus, VIEW_UNIT_CTE, viewParams } from './scope';

export interface Kpis {
	orgs: number;
	orgs_rated: number;
	members_rated: number;
	member_ratings: number;
	members_excellent: number;
	findings: number;
	exempted: number;
	units_with_findings: number;
}

export interface YearSeries {
	levels: LevelYearRow[];
	trend: TrendRow[];
}

const q = (file: string) => `${withCurrentFindings()}, q as (\n${sqlFile(file)}\n) select * from q`;

/** Per-year series for the level-share and anomaly-trend charts; the years with any data. */
export async function yearSeries(db: Db, f: Focus): Promise<YearSeries & { years: number[] }> {
	const rows = await db.query<{ year: number; ratings: number; l4: number; l3: number; l2: number; l1: number; findings: number }>(
		q('queries/dashboard_years.sql'),
		viewParams(f)
	);
	return {
		years: rows.map((r) => r.year).sort((a, b) => b - a),
		levels: rows
			.filter((r) => r.l4 + r.l3 + r.l2 + r.l1 > 0)
			.map((r) => ({ year: r.year, counts: { 4: r.l4, 3: r.l3, 2: r.l2, 1: r.l1 } })),
		trend: rows.map((r) => ({ year: r.year, findings: r.findings, ratings: r.ratings }))
	};
}

export async function kpis(db: Db, f: Focus, year: number): Promise<Kpis> {
	return (await db.one<Kpis>(q('queries/dashboard_kpis.sql'), { ...viewParams(f), year }))!;
}

/** Excellent share by province when several are in view, else by locality. */
export async function localities(db: Db, f: Focus, year: number): Promise<{ by: 'province' | 'locality'; rows: LocalityRow[] }> {
	const raw = await db.query<{ province: string; locality: string; excellent: number; rated: number }>(
		`with ${VIEW_UNIT_CTE}, q as (\n${sqlFile('queries/dashboard_localities.sql')}\n) select * from q`,
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
	return db.query<RuleCountRow>(
		`${withCurrentFindings()}
		select rule,
		       count(*) filter (where status = 'flagged')::integer as flagged,
		       count(*) filter (where status = 'exempted')::integer as exempted
		from cur where year = $year group by rule`,
		{ ...viewParams(f), year }
	);
}
