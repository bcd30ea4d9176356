// The audit runner: runs every rule of sql/rules/ (and the screens of sql/signals/) for one period
// under one rulebook, and stores the run, its findings and its signals in one transaction, with the
// rulebook's parameters and a fingerprint of the data, so that a finding cited in an order can be
// shown again exactly as it was (showRun). Called by the audit CLI, by the ingest for the periods a
// load touched (auditPeriods), and by the pages.
import { createHash } from 'node:crypto';
import { RULES, type Finding, type RuleId } from '../../domain/anomaly';
import { isValidTerm, PERIOD_KINDS, SUBJECT_KINDS, type PeriodKind } from '../../domain/levels';
import { type Db, scopeUnit, sqlFile } from '../db';
import { getRulebook, pickRulebook, rulebookVariables, RulebookError, sqlLiteral, withOverrides, type Rulebook, type Variable } from './rulebook';
import { SIGNAL_IDS, signalVariables, type Signal } from './signals';
import { trace } from '../trace';
import { fmtPeriod } from '../../format';

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/**
 * The rules whose findings are about single ratings: their SQL returns rows of the temp table
 * rating_finding (sql/rules/shared/macros.sql), which the runner gathers for all of them and turns
 * into anomaly rows once (rating_findings()), so that people, units and files are looked up once
 * per run. The others return anomaly rows themselves.
 */
export const RATING_FINDING_RULES: ReadonlySet<RuleId> = new Set<RuleId>([
	'disciplined_not_incomplete',
	'leader_above_unit',
	'sick_leave_cap',
	'rated_too_early',
	'order_of_rating',
	'score_band',
	'collective_with_disciplined'
]);

/**
 * The rules that judge only ratings of some subject kinds: with no rated rating of any of them in
 * the period they find nothing, and are not run (a quarter rates leaders only: five rules read
 * millions of roster rows and units to find nothing). The others can find something in any period.
 */
const JUDGES_ONLY: Partial<Record<RuleId, string[]>> = {
	leader_above_unit: ['party_org', 'leadership', 'member'],
	org_level_vs_members: ['party_org'],
	sick_leave_cap: ['member', 'civil_servant'],
	rated_too_early: ['member', 'party_org', 'leadership'],
	order_of_rating: ['member', 'party_org'],
	collective_with_disciplined: ['party_org', 'leadership']
};

export interface AuditOptions {
	year: number;
	/** 'year' (default), 'quarter' or 'term' */
	periodKind?: PeriodKind;
	/** quarter 1..4; a term: its first year (the year is its last); a plain year: 0 */
	periodNo?: number;
	/** the Party rulebook; default: the one in force in `year` */
	rulebook?: string;
	/** the civil-servant rulebook; default: the one in force in `year` */
	csRulebook?: string;
	/** "what if": parameters replaced for this run; 'cs_…' keys go to the civil-servant rulebook */
	overrides?: Record<string, unknown>;
	/** a unit code: only findings about units in its subtree; null or absent = the whole country */
	scope?: string | null;
	/** a subset of the rules (default all) */
	rules?: RuleId[];
	/** compute the statistical screens (default true for a plain year) */
	signals?: boolean;
	/** return the findings (default true); false: only the run and its counts (the ingest's audit) */
	findings?: boolean;
}

export interface RunInfo {
	runId: number;
	startedAt: string;
	period: { year: number; kind: PeriodKind; no: number; start: string; end: string };
	rulebook: { id: string; version: number; name: string };
	csRulebook: { id: string; version: number; name: string };
	/** true when the rulebooks are not those in force for the year, or parameters were replaced */
	whatIf: boolean;
	overrides: Record<string, unknown>;
	scopeCode: string | null;
	scopePath: string;
	rules: RuleId[];
	fingerprint: string;
	/** the session variables the rules read, as set */
	variables: Record<string, unknown>;
	warnings: string[];
	findingCount: number;
	seconds: number;
}

export interface AuditResult extends RunInfo {
	findings: Finding[];
	signals: Signal[];
	/** per rule: flagged and exempted counts */
	counts: Record<string, { flagged: number; exempted: number }>;
}

export class AuditError extends Error {}

/** First and last day of a period. */
export function periodRange(year: number, kind: PeriodKind, no: number): { start: string; end: string } {
	const pad = (n: number) => String(n).padStart(2, '0');
	if (kind === 'year') return { start: `${year}-01-01`, end: `${year}-12-31` };
	if (kind === 'term') return { start: `${no}-01-01`, end: `${year}-12-31` };
	const first = 3 * (no - 1) + 1;
	const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate(); // day 0 of the next month
	return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 2)}-${pad(last)}` };
}

function checkPeriod(year: number, kind: PeriodKind, no: number): void {
	if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new AuditError(`Năm "${year}" không hợp lệ.`);
	if (!['year', 'quarter', 'term'].includes(kind)) throw new AuditError(`Loại kỳ "${kind}" không hợp lệ: year, quarter hoặc term.`);
	if (kind === 'year' && no !== 0) throw new AuditError('Kỳ đánh giá năm không có số kỳ.');
	if (kind === 'quarter' && !(Number.isInteger(no) && no >= 1 && no <= 4)) throw new AuditError(`Quý "${no}" không hợp lệ: chọn 1, 2, 3 hoặc 4.`);
	if (kind === 'term' && !isValidTerm(no, year)) throw new AuditError(`Nhiệm kỳ ${no}–${year} không hợp lệ.`);
}

function ruleSql(rel: string): string {
	return sqlFile(rel).trim().replace(/;\s*$/, '');
}

/** The rulebook pair, overrides applied, and the warnings a period earns under them. */
function resolveRulebooks(opts: AuditOptions) {
	const year = opts.year;
	const party = opts.rulebook ? getRulebook(opts.rulebook) : pickRulebook(year, 'party');
	if (party.kind !== 'party') throw new RulebookError(`"${party.id}" là bộ quy tắc công chức, viên chức: dùng --rulebook với qd132, qd124 hoặc qd366.`);
	const cs = opts.csRulebook ? getRulebook(opts.csRulebook) : pickRulebook(year, 'civil_servant');
	if (cs.kind !== 'civil_servant') throw new RulebookError(`"${cs.id}" không phải bộ quy tắc công chức, viên chức.`);
	const overrides = opts.overrides ?? {};
	const partyOver: Record<string, unknown> = {};
	const csOver: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(overrides)) {
		if (k.startsWith('cs_')) csOver[k.slice(3)] = v;
		else partyOver[k] = v;
	}
	const inForce = (rb: Rulebook) => (rb.years.from ?? -Infinity) <= year && year <= (rb.years.to ?? Infinity);
	return {
		party: withOverrides(party, partyOver),
		cs: withOverrides(cs, csOver),
		overrides,
		whatIf: !inForce(party) || !inForce(cs) || Object.keys(overrides).length > 0
	};
}

function describe(rb: Rulebook) {
	return { id: rb.id, version: rb.version, name: rb.name };
}

/**
 * A fingerprint of the stored data, for a run to record what it read. Only a load changes stored
 * data, and a load always adds its files to source_file (in the transaction that stores their rows,
 * replaces earlier lists and completes people), so the loaded files (id, rows) identify the data
 * (ids come from a sequence, never reused; hashing their SHA-256 texts too cost 0,03 s a run);
 * each table's row count, highest id and superseded rows are added to tell apart data changed
 * outside the loader. Equal fingerprints: the same input, so the same findings. Kept per
 * process while the loaded files are the same (the quarters of a year, repeated runs). Hashing
 * the rows themselves (a year's ratings, two years of rosters) cost 0,3 s per national year.
 */
export async function dataFingerprint(db: Db): Promise<string> {
	const files = (await db.one<{ h: string }>(
		`select count(*) || '/' || coalesce(sum(hash(s.id, s.row_count)), 0) || '/' || coalesce(max(s.id), 0) as h from source_file s`
	))!.h;
	const known = fingerprints.get(db.instance);
	if (known?.files === files) return known.fp;
	const rows = await db.query<{ t: string; n: number; h: string }>(
		`select 'rating' as t, count(*) as n, hash(max(id), count(superseded_by))::varchar as h from rating
		 union all select 'membership', count(*), hash(max(source_file_id), count(superseded_by))::varchar from membership
		 union all select 'discipline', count(*), hash(max(source_file_id), count(superseded_by))::varchar from discipline
		 union all select 'unit', count(*), hash(max(id), max(source_file_id))::varchar from unit
		 union all select 'unit_lineage', count(*), max(source_file_id)::varchar from unit_lineage
		 union all select 'person', count(*), max(id)::varchar from person`
	);
	const fp = createHash('sha256').update(JSON.stringify([files, ...rows.map((r) => [r.t, r.n, r.h])])).digest('hex');
	fingerprints.set(db.instance, { files, fp });
	return fp;
}

/** The last fingerprint computed per database in this process, with the digest of the files it stood for. */
const fingerprints = new WeakMap<object, { files: string; fp: string }>();

async function setVariables(db: Db, vars: Variable[]): Promise<void> {
	// one round trip for the seventy-odd statements
	if (vars.length) await db.run(vars.map((v) => `set variable ${v.name} = ${v.sql};`).join('\n'));
}

/**
 * The inputs the rules share (sql/rules/shared/), made once per run on the run's connection, after
 * the session variables they read: the period's disciplines (few) as a temp table, its roster as a
 * temp view, its ratings as a temp view or, for a period with few of them (a quarter), a temp table:
 * then the planner knows how few they are and builds its hash tables on them, where over a view it
 * assumes the whole table's millions and builds on the registry or the people instead. A year's
 * millions stay a view: copying them costs more than the rules' scans of the stored table, which
 * read only the columns and row groups each needs. The counts and pairs of member ratings several
 * rules take (sql/rules/README.md) are temp tables, made in this order. Then the macros, which read
 * them.
 */
export const SHARED_INPUTS = {
	period_discipline: 'table',
	period_roster: 'view',
	period_rating: 'view',
	period_member_groups: 'table',
	period_member_counts: 'table',
	period_member_pairs: 'table'
} as const;

/** Up to this many ratings, the period's ratings are copied into a temp table (see above). */
const SMALL_PERIOD_RATINGS = 250_000;

/**
 * Rebuild unit_origin when the registry it was built from has changed (sql/schema/007_unit_origin.sql).
 * A registry load inserts units and lineage or updates units, always from a new file (ids grow), so
 * the counts and the highest ids and file ids say whether it has. The ingest calls it after a
 * registry load (the cost belongs to the load: 1 s for the national registry); every audit checks
 * it again, for a registry changed any other way.
 */
export async function refreshUnitOrigin(db: Db): Promise<void> {
	const build = sqlFile('rules/shared/unit_origin.sql');
	// the build's own text is part of the stamp: a changed definition rebuilds the table too
	const version = createHash('sha256').update(build).digest('hex').slice(0, 12);
	const now = await db.one<{ stamp: string }>(
		`select '${version}/' || (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(max(source_file_id), 0) from unit)
		        || '/' || (select count(*) || '/' || coalesce(max(source_file_id), 0) from unit_lineage) as stamp`
	);
	const built = await db.one<{ stamp: string }>('select registry_stamp as stamp from unit_origin_stamp');
	if (built?.stamp === now!.stamp) return;
	await db.run(`set variable registry_stamp = ${sqlLiteral(now!.stamp)}`);
	await db.run(build);
}

/**
 * Make the shared inputs on `db`'s connection; return the subject kinds the period rates (a rating
 * with a level). The period's ratings come first: a period with few of them is copied (see above)
 * before the inputs made from them.
 */
async function makeSharedInputs(db: Db): Promise<Set<string>> {
	let t0 = performance.now();
	await refreshUnitOrigin(db);
	trace('  unit_origin checked', t0);
	const make = async (name: string, as: string) => {
		const t1 = performance.now();
		await db.run(`create or replace temp ${as} ${name} as\n${ruleSql(`rules/shared/${name}.sql`)}`);
		trace(`  ${name}`, t1);
	};
	await make('period_rating', SHARED_INPUTS.period_rating);
	t0 = performance.now();
	// whether the period is small, and (from the copy, if it is) which kinds it rates: a count that
	// stops past the limit, an exists per kind that stops at its first rating (a kind the period does
	// not rate is read through, the copy's few rows for a quarter); counting a year's millions, or
	// listing their kinds, read them all: 0,08 s a year
	const sizeProbe = await db.one<{ n: number }>(`select count(*) as n from (select 1 from period_rating limit ${SMALL_PERIOD_RATINGS + 1})`);
	if (sizeProbe!.n <= SMALL_PERIOD_RATINGS) {
		await db.run('create or replace temp table period_rating_small as select * from period_rating');
		await db.run('create or replace temp view period_rating as select * from period_rating_small');
	}
	const kinds = Object.keys(SUBJECT_KINDS);
	const rated = (await db.one<Record<string, boolean>>(
		`select ${kinds.map((k) => `exists (select 1 from period_rating where subject_kind = '${k}' and final_level is not null) as "${k}"`).join(', ')}`
	))!;
	trace('  period count, rated kinds', t0);
	for (const [name, as] of Object.entries(SHARED_INPUTS)) if (name !== 'period_rating') await make(name, as);
	await db.run(sqlFile('rules/shared/macros.sql'));
	return new Set(kinds.filter((k) => rated[k]));
}

interface Prepared {
	year: number;
	kind: PeriodKind;
	no: number;
	range: { start: string; end: string };
	rules: RuleId[];
	party: Rulebook;
	cs: Rulebook;
	overrides: Record<string, unknown>;
	whatIf: boolean;
	scopeCode: string | null;
	path: string;
	warnings: string[];
	vars: Variable[];
}

/** Options checked, rulebooks resolved, and the session variables the rules will read. */
async function prepare(db: Db, opts: AuditOptions): Promise<Prepared> {
	const kind: PeriodKind = opts.periodKind ?? 'year';
	const no = opts.periodNo ?? 0;
	checkPeriod(opts.year, kind, no);
	const rules = opts.rules?.length ? [...opts.rules] : RULE_IDS;
	for (const r of rules) if (!(r in RULES)) throw new AuditError(`Không có quy tắc "${r}". Các quy tắc: ${RULE_IDS.join(', ')}.`);
	const { party, cs, overrides, whatIf } = resolveRulebooks(opts);
	const { code: scopeCode, path } = await scopeUnit(db, opts.scope ?? null);
	const range = periodRange(opts.year, kind, no);

	const warnings: string[] = [];
	if (!(party.params.period_kinds as string[]).includes(kind))
		warnings.push(`${party.short} không có kỳ đánh giá theo ${PERIOD_KINDS[kind]}: các danh sách được kiểm tra như đã nạp, theo tham số của bộ quy tắc này.`);
	if (kind === 'quarter' && no === 4 && party.params.quarter_iv_rated_apart === false)
		warnings.push(`Theo ${party.short}, quý IV không đánh giá riêng mà gộp vào đánh giá cuối năm: các danh sách quý IV được kiểm tra như đã nạp.`);
	// a "what if" of a rulebook that asks a score (QĐ 366, NĐ 335) on a period whose own rulebook
	// asks none: every rating of its lists is "không có điểm" (R9), which says nothing of the lists
	if (whatIf && rules.includes('score_band'))
		for (const rb of [party, cs]) {
			let own: Rulebook | null = null;
			try {
				own = pickRulebook(opts.year, rb.kind);
			} catch {
				// (a year no rulebook governs)
			}
			if (rb.params.r9_score_required === true && own?.params.r9_score_required !== true)
				warnings.push(
					`${rb.short} đòi mỗi xếp loại có điểm, ${own?.short ?? 'quy định của năm'} áp dụng cho năm ${opts.year} không chấm điểm: ` +
						'các phát hiện R9 "không có điểm" là do chạy thử quy định mới trên kỳ cũ, không phải lỗi của danh sách.'
				);
		}
	// no rating of the period in the scope: "no finding" would read as a clean period
	const anyRated = await db.one<{ yes: boolean }>(
		`select exists (select 1 from rating_current r ${path === '/' ? '' : 'join unit u on u.id = coalesce(r.unit_id, r.subject_unit_id, r.agency_unit_id)'}
		 where r.period_year = $year and r.period_kind = $kind and r.period_no = $no and r.final_level is not null
		 ${path === '/' ? '' : 'and starts_with(u.path, $path)'}) as yes`,
		{ year: opts.year, kind, no, ...(path === '/' ? {} : { path }) }
	);
	if (!anyRated?.yes) {
		const period = fmtPeriod(opts.year, kind, no);
		warnings.push(
			`Chưa có kết quả xếp loại nào của ${period[0].toLowerCase()}${period.slice(1)}${scopeCode ? ` trong phạm vi ${scopeCode}` : ''} trong dữ liệu đã nạp: ` +
				'các quy định so kết quả xếp loại không có gì để xét; hãy kiểm tra các đơn vị đã gửi danh sách của kỳ này chưa.'
		);
	}

	const vars: Variable[] = [
		{ name: 'rulebook', value: party.id, sql: sqlLiteral(party.id) },
		{ name: 'cs_rulebook', value: cs.id, sql: sqlLiteral(cs.id) },
		{ name: 'period_year', value: opts.year, sql: sqlLiteral(opts.year) },
		{ name: 'period_kind', value: kind, sql: sqlLiteral(kind) },
		{ name: 'period_no', value: no, sql: sqlLiteral(no) },
		{ name: 'period_start', value: range.start, sql: `date '${range.start}'` },
		{ name: 'period_end', value: range.end, sql: `date '${range.end}'` },
		{ name: 'scope_path', value: path, sql: sqlLiteral(path) },
		...rulebookVariables(party, opts.year),
		...rulebookVariables(cs, opts.year, 'cs_'),
		...signalVariables()
	];
	return { year: opts.year, kind, no, range, rules, party, cs, overrides, whatIf, scopeCode, path, warnings, vars };
}

/**
 * Set on `db`'s own connection the session variables a run with these options gives the rules, and
 * make the shared inputs they read (for running one rule's SQL by hand: `npm run audit -- --explain`,
 * tests).
 */
export async function setSessionVariables(db: Db, opts: AuditOptions): Promise<Variable[]> {
	const p = await prepare(db, opts);
	await setVariables(db, p.vars);
	await makeSharedInputs(db);
	return p.vars;
}

/** Run the rules for one period, store the run with its findings and signals; return it as stored. */
export async function runAudit(db: Db, opts: AuditOptions): Promise<AuditResult> {
	const t0 = performance.now();
	const { year, kind, no, range, rules, party, cs, overrides, whatIf, scopeCode, path, warnings, vars } = await prepare(db, opts);
	const withSignals = opts.signals ?? kind === 'year';

	return db.tx(async (t) => {
		await setVariables(t, vars);
		const tf = performance.now();
		const fingerprint = await dataFingerprint(t);
		trace(`audit ${year}:   fingerprint`, tf);
		const stored = {
			party: { ...describe(party), short: party.short, params: party.params },
			civil_servant: { ...describe(cs), short: cs.short, params: cs.params },
			period: { year, kind, no, ...range },
			overrides,
			what_if: whatIf,
			scope_path: path,
			variables: Object.fromEntries(vars.map((v) => [v.name, v.value])),
			warnings
		};
		const run = await t.one<{ id: number }>(
			`insert into audit_run (period_year, period_kind, period_no, rulebook, rulebook_params, scope_code, rules, data_fingerprint, with_signals)
			 values ($year, $kind, $no, $rulebook, $params::json, $scope, ${sqlLiteral(rules, 'varchar[]')}, $fp, $signals) returning id`,
			{ year, kind, no, rulebook: party.id, params: JSON.stringify(stored), scope: scopeCode, fp: fingerprint, signals: withSignals }
		);
		const runId = run!.id;
		const rated = await makeSharedInputs(t);
		trace(`audit ${year}: fingerprint, shared inputs`, t0);
		for (const rule of rules) {
			if (JUDGES_ONLY[rule] && !JUDGES_ONLY[rule].some((k) => rated.has(k))) continue;
			// R4 outside the yearly round judges only reviews, in the periods that hold one: in a
			// quarter it read the registry and rosters to find nothing (0,1 s a quarter)
			if (rule === 'missing_review' && kind !== 'year' && !(party.params.r4_review_period_kinds as string[]).includes(kind)) continue;
			const t1 = performance.now();
			try {
				if (RATING_FINDING_RULES.has(rule)) await t.run(`insert into rating_finding by name select * from (\n${ruleSql(`rules/${rule}.sql`)}\n)`);
				else await t.run(`insert into anomaly by name select ${runId}::integer as run_id, * from (\n${ruleSql(`rules/${rule}.sql`)}\n)`);
			} catch (e) {
				throw new AuditError(`Quy tắc ${rule} lỗi: ${(e as Error).message}`);
			}
			trace(`audit ${year}: ${rule}`, t1);
		}
		const t2 = performance.now();
		try {
			await t.run(`insert into anomaly by name select ${runId}::integer as run_id, * from rating_findings()`);
		} catch (e) {
			throw new AuditError(`Quy tắc ${rules.filter((r) => RATING_FINDING_RULES.has(r)).join(', ')} lỗi: ${(e as Error).message}`);
		}
		trace(`audit ${year}: rating_findings()`, t2);
		if (withSignals)
			for (const s of SIGNAL_IDS) {
				try {
					await t.run(`insert into signal by name select ${runId}::integer as run_id, * from (\n${ruleSql(`signals/${s}.sql`)}\n)`);
				} catch (e) {
					throw new AuditError(`Tín hiệu ${s} lỗi: ${(e as Error).message}`);
				}
			}
		const seconds = (performance.now() - t0) / 1000;
		await t.run(
			`update audit_run set finding_count = (select count(*) from anomaly where run_id = $id and status = 'flagged'), seconds = $seconds where id = $id`,
			{ id: runId, seconds }
		);
		const shown = await showRun(t, runId, { findings: opts.findings });
		trace(`audit ${year}: run`, t0);
		return shown;
	});
}

const FINDING_ORDER = `rule, year, period_kind, period_no, unit_code nulls first, deciding_unit_code nulls first,
	subject_kind nulls first, subject_ref, status, message`;

function parseJson<T>(v: unknown, fallback: T): T {
	if (v === null || v === undefined) return fallback;
	return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

/**
 * A stored run, as it was stored: the run, its findings in a fixed order, its signals. With
 * `findings: false` the findings are left out (their counts are kept): what the ingest needs.
 */
export async function showRun(db: Db, runId: number, o: { findings?: boolean } = {}): Promise<AuditResult> {
	const run = await db.one<Record<string, unknown>>('select * from audit_run where id = $id', { id: runId });
	if (!run) throw new AuditError(`Không có lượt kiểm tra số ${runId}.`);
	const stored = parseJson<Record<string, any>>(run.rulebook_params, {});
	// each row as one JSON text, built by DuckDB: far cheaper than column-by-column conversion
	const findings =
		o.findings === false
			? []
			: (
					await db.query<{ j: string }>(
						`select to_json(a)::varchar as j from (select * exclude (run_id) from anomaly where run_id = $id) a order by ${FINDING_ORDER}`,
						{ id: runId }
					)
				).map((r) => JSON.parse(r.j) as Finding);
	const signals = (
		await db.query<{ j: string }>(
			`select to_json(s)::varchar as j from (select * exclude (run_id) from signal where run_id = $id) s
			 order by signal, year, unit_code nulls first, message`,
			{ id: runId }
		)
	).map((r) => JSON.parse(r.j) as Signal);
	const counts: AuditResult['counts'] = {};
	for (const c of await db.query<{ rule: string; flagged: number; exempted: number }>(
		`select rule, count(*) filter (where status = 'flagged') as flagged, count(*) filter (where status = 'exempted') as exempted
		 from anomaly where run_id = $id group by rule order by rule`,
		{ id: runId }
	))
		counts[c.rule] = { flagged: c.flagged, exempted: c.exempted };
	return {
		runId,
		startedAt: String(run.started_at),
		period: stored.period ?? { year: run.period_year, kind: run.period_kind, no: run.period_no, ...periodRange(run.period_year as number, run.period_kind as PeriodKind, run.period_no as number) },
		rulebook: { id: stored.party?.id ?? run.rulebook, version: stored.party?.version, name: stored.party?.name },
		csRulebook: { id: stored.civil_servant?.id, version: stored.civil_servant?.version, name: stored.civil_servant?.name },
		whatIf: Boolean(stored.what_if),
		overrides: stored.overrides ?? {},
		scopeCode: (run.scope_code as string | null) ?? null,
		scopePath: stored.scope_path ?? '/',
		rules: run.rules as RuleId[],
		fingerprint: run.data_fingerprint as string,
		variables: stored.variables ?? {},
		warnings: stored.warnings ?? [],
		findingCount: (run.finding_count as number) ?? 0,
		seconds: (run.seconds as number) ?? 0,
		findings,
		signals,
		counts
	};
}

/** Stored runs, newest first (for the pages and `npm run audit -- --runs`). */
export async function listRuns(db: Db, filter: { year?: number } = {}): Promise<Array<Record<string, unknown>>> {
	return db.query(
		`select id, started_at, period_year, period_kind, period_no, rulebook, rules, scope_code, data_fingerprint, finding_count, seconds,
		        coalesce(json_extract(rulebook_params, '$.what_if')::boolean, false) as what_if
		 from audit_run where $year::integer is null or period_year = $year order by id desc`,
		{ year: filter.year ?? null }
	);
}

/**
 * The audit of several periods (an ingest's touched periods, the rules bench): the rulebook in force
 * for each, whole country or `scope`, one period after another. Findings are stored, not read back.
 * Returns the run ids, in the order of `periods`; the caller refreshes the marts once afterwards
 * (marts.ts). Two periods at a time (a connection and a transaction each) were tried: on two cores
 * the national audit took as long, with 10 % more CPU and twice the memory.
 */
export async function auditPeriods(
	db: Db,
	periods: Array<{ year: number; period_kind: string; period_no: number }>,
	opts: { scope?: string | null; signals?: boolean } = {}
): Promise<number[]> {
	const ids: number[] = [];
	for (const p of periods) {
		const r = await runAudit(db, {
			year: p.year,
			periodKind: p.period_kind as PeriodKind,
			periodNo: p.period_no,
			scope: opts.scope ?? null,
			signals: opts.signals,
			findings: false
		});
		ids.push(r.runId);
	}
	return ids;
}
