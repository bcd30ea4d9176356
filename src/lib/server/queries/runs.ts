// Queries of the audit-run pages (/kiem-tra): the stored runs the caller may see (those covering
// their scope, those inside it, those with findings in it), and one run as stored (runner.showRun),
// its findings cut to the caller's scope and paged. A scoped caller's counts are those in view.
import type { Finding, RuleId } from '$lib/domain/anomaly';
import { showRun, type AuditResult } from '../rules/runner';
import { type Db, sqlFile } from '../db';
import { inView, type ScopeInfo, VIEW_UNIT_CTE } from './scope';

export interface RunRow {
	id: number;
	started_at: string;
	period_year: number;
	period_kind: string;
	period_no: number;
	rulebook: string;
	rulebook_name: string | null;
	rulebook_version: number | null;
	cs_rulebook: string | null;
	scope_code: string | null;
	scope_name: string | null;
	data_fingerprint: string;
	finding_count: number | null;
	exempted_count: number;
	seconds: number | null;
	what_if: boolean;
	rule_count: number;
}

/** The runs the caller may see with their counts in view (sql/queries/runs_in_view.sql), as a CTE `runs`. */
const RUNS = `with ${VIEW_UNIT_CTE}, runs as (\n${sqlFile('queries/runs_in_view.sql')}\n)`;
const runsParams = (scope: ScopeInfo, id: number | null = null) => ({ prefixes: JSON.stringify(scope.allowed), scope_path: scope.path, id });

/** Runs visible in scope, newest first, one page, with the total and the years for the filter. */
export async function runList(
	db: Db,
	scope: ScopeInfo,
	o: { year: number | null; page: number; pageSize: number }
): Promise<{ rows: RunRow[]; total: number; years: number[] }> {
	const rows = await db.query<RunRow & { total: number }>(
		`${RUNS}
		select v.id, cast(v.started_at as varchar) as started_at, v.period_year, v.period_kind, v.period_no, v.rulebook,
		       json_extract_string(v.rulebook_params, '$.party.name') as rulebook_name,
		       json_extract(v.rulebook_params, '$.party.version')::integer as rulebook_version,
		       json_extract_string(v.rulebook_params, '$.civil_servant.id') as cs_rulebook,
		       v.scope_code, v.scope_name, v.data_fingerprint, if(v.finding_count is null, null, v.flagged_in_view) as finding_count, v.exempted_in_view as exempted_count, v.seconds,
		       coalesce(json_extract(v.rulebook_params, '$.what_if')::boolean, false) as what_if,
		       len(v.rules)::integer as rule_count,
		       count(*) over ()::integer as total
		from runs v
		where $year::integer is null or v.period_year = $year
		order by v.id desc
		limit $limit offset $offset`,
		{ ...runsParams(scope), year: o.year, limit: o.pageSize, offset: (o.page - 1) * o.pageSize }
	);
	const years = await db.query<{ y: number }>(`${RUNS} select distinct period_year as y from runs order by y desc`, runsParams(scope));
	return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, years: years.map((y) => y.y) };
}

export interface RunDetail extends Omit<AuditResult, 'findings'> {
	findings: Finding[];
	/** findings of the run in the caller's scope (after the rule filter), before paging */
	shown: number;
	/** the caller sees part of the country: findingCount and counts are those in view (how many
	 * findings other units have is not theirs to know, so it is not said) */
	scoped: boolean;
	/** the name of the unit the run was scoped to (scopeCode), null for a whole-country run */
	scopeName: string | null;
}

/** The run as stored, or null when it does not exist or is not visible in scope. */
export async function runDetail(
	db: Db,
	scope: ScopeInfo,
	id: number,
	o: { rule: RuleId | null; page: number; pageSize: number }
): Promise<RunDetail | null> {
	const vis = await db.one<{ scope_name: string | null }>(`${RUNS} select scope_name from runs`, runsParams(scope, id));
	if (!vis) return null;
	const inScope = (p: string | null | undefined) => inView(scope.allowed, p);
	const run = await showRun(db, id);
	let findings = run.findings;
	let signals = run.signals;
	let counts = run.counts;
	let findingCount = run.findingCount;
	if (scope.code) {
		// one query for the paths of every unit the run's findings and signals name
		const unitOf = (f: Finding) => f.unit_id ?? f.deciding_unit_id;
		const ids = [...new Set([...findings.map(unitOf), ...signals.map((s) => s.unit_id)].filter((x): x is number => x !== null))];
		const paths = new Map(
			(
				await db.query<{ id: number; path: string }>(`select id, path from unit where list_contains(from_json($ids, '["INTEGER"]'), id)`, {
					ids: JSON.stringify(ids)
				})
			).map((r) => [r.id, r.path])
		);
		findings = findings.filter((f) => inScope(paths.get(unitOf(f) as number)));
		signals = signals.filter((s) => s.unit_id !== null && inScope(paths.get(s.unit_id)));
		counts = {};
		for (const f of findings) (counts[f.rule] ??= { flagged: 0, exempted: 0 })[f.status] += 1;
		findingCount = findings.filter((f) => f.status === 'flagged').length;
	}
	if (o.rule) findings = findings.filter((f) => f.rule === o.rule);
	const start = (o.page - 1) * o.pageSize;
	return { ...run, findingCount, signals, counts, findings: findings.slice(start, start + o.pageSize), shown: findings.length, scoped: scope.code !== null, scopeName: vis.scope_name };
}
