// Queries of the audit-run pages (/kiem-tra): the stored runs the caller may see (those covering
// their scope and those inside it), and one run as stored (runner.showRun), its findings cut to the
// caller's scope and paged.
import type { Finding, RuleId } from '$lib/domain/anomaly';
import { showRun, type AuditResult } from '../rules/runner';
import type { Db } from '../db';
import { inView, type ScopeInfo } from './scope';

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

const RUN_PATH = `coalesce(json_extract_string(r.rulebook_params, '$.scope_path'), su.path, '/')`;

/** Runs visible in scope, newest first, one page, with the total and the years for the filter. */
export async function runList(
	db: Db,
	scope: ScopeInfo,
	o: { year: number | null; page: number; pageSize: number }
): Promise<{ rows: RunRow[]; total: number; years: number[] }> {
	const params = { prefixes: JSON.stringify(scope.allowed), year: o.year, limit: o.pageSize, offset: (o.page - 1) * o.pageSize };
	const visible = `
		visible as (
			select r.*, ${RUN_PATH} as run_path, su.name as scope_name
			from audit_run r left join unit su on su.code = r.scope_code
			where exists (select 1 from (select unnest(from_json($prefixes, '["VARCHAR"]')) as p) x
			              where starts_with(${RUN_PATH}, x.p) or starts_with(x.p, ${RUN_PATH}))
		)`;
	const rows = await db.query<RunRow & { total: number }>(
		`with ${visible},
		exempted as (select run_id, count(*)::integer as n from anomaly where status = 'exempted' and run_id in (select id from visible) group by run_id)
		select v.id, cast(v.started_at as varchar) as started_at, v.period_year, v.period_kind, v.period_no, v.rulebook,
		       json_extract_string(v.rulebook_params, '$.party.name') as rulebook_name,
		       json_extract(v.rulebook_params, '$.party.version')::integer as rulebook_version,
		       json_extract_string(v.rulebook_params, '$.civil_servant.id') as cs_rulebook,
		       v.scope_code, v.scope_name, v.data_fingerprint, v.finding_count, coalesce(e.n, 0) as exempted_count, v.seconds,
		       coalesce(json_extract(v.rulebook_params, '$.what_if')::boolean, false) as what_if,
		       len(v.rules)::integer as rule_count,
		       count(*) over ()::integer as total
		from visible v left join exempted e on e.run_id = v.id
		where $year::integer is null or v.period_year = $year
		order by v.id desc
		limit $limit offset $offset`,
		params
	);
	const years = await db.query<{ y: number }>(
		`with ${visible} select distinct period_year as y from visible order by y desc`,
		{ prefixes: params.prefixes }
	);
	return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, years: years.map((y) => y.y) };
}

export interface RunDetail extends Omit<AuditResult, 'findings'> {
	findings: Finding[];
	/** findings of the run in the caller's scope (after the rule filter), before paging */
	shown: number;
	/** findings of the run outside the caller's scope, not shown */
	hidden: number;
}

/** The run as stored, or null when it does not exist or is not visible in scope. */
export async function runDetail(
	db: Db,
	scope: ScopeInfo,
	id: number,
	o: { rule: RuleId | null; page: number; pageSize: number }
): Promise<RunDetail | null> {
	const vis = await db.one<{ run_path: string }>(
		`select ${RUN_PATH} as run_path from audit_run r left join unit su on su.code = r.scope_code where r.id = $id`,
		{ id }
	);
	if (!vis) return null;
	const inScope = (p: string | null | undefined) => inView(scope.allowed, p);
	if (!scope.allowed.some((a) => vis.run_path.startsWith(a) || a.startsWith(vis.run_path))) return null;
	const run = await showRun(db, id);
	let findings = run.findings;
	let signals = run.signals;
	let counts = run.counts;
	let hidden = 0;
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
		const kept = findings.filter((f) => inScope(paths.get(unitOf(f) as number)));
		hidden = findings.length - kept.length;
		findings = kept;
		signals = signals.filter((s) => s.unit_id !== null && inScope(paths.get(s.unit_id)));
		counts = {};
		for (const f of findings) (counts[f.rule] ??= { flagged: 0, exempted: 0 })[f.status] += 1;
	}
	if (o.rule) findings = findings.filter((f) => f.rule === o.rule);
	const start = (o.page - 1) * o.pageSize;
	return { ...run, signals, counts, findings: findings.slice(start, start + o.pageSize), shown: findings.length, hidden };
}
