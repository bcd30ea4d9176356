// npm run audit -- (--year Y [--quarter Q] | --term 2020-2025) [--rulebook ID] [--scope MÃ] [--rule ID,…]
//                  [--set tham_số=giá_trị,…] [--db PATH] [--format table|json] [--limit N]
// npm run audit -- --run ID [--format table|json]      a stored run, exactly as it was stored
// npm run audit -- --runs [--year Y]                   the stored runs
// npm run audit -- --rulebooks                         the rulebooks and the years they govern
// Thin over rules/runner.ts (the ingest and the pages call the same runAudit / showRun).
import { RULES, SEVERITY_VI, STATUS_VI, type Finding, type RuleId } from '../lib/domain/anomaly';
import { fmtDateTime, fmtInt, fmtPeriod } from '../lib/format';
import type { PeriodKind } from '../lib/domain/levels';
import { closeDb, defaultDbPath, getDb } from '../lib/server/db';
import { refreshMarts } from '../lib/server/rules/marts';
import { getRulebook, listRulebooks, paramLabelVi, paramValueVi, pickRulebook, type RulebookKind } from '../lib/server/rules/rulebook';
import { listRuns, RULE_IDS, runAudit, showRun, type AuditResult } from '../lib/server/rules/runner';
import { SIGNALS } from '../lib/server/rules/signals';
import { exitWhenFlushed, fail, flagInt, flagString, num, parseArgs, secs, table } from './output';

const USAGE = `Cách dùng:
  npm run audit -- (--year NĂM [--quarter 1-4] | --term 2020-2025) [--rulebook qd132|qd124|qd366] [--cs-rulebook nd90|nd335]
                   [--scope MÃ_ĐƠN_VỊ] [--rule ${RULE_IDS[0]},…] [--set tham_số=giá_trị,…] [--no-signals]
                   [--db ĐƯỜNG_DẪN] [--format table|json] [--limit SỐ_DÒNG]
  npm run audit -- --run SỐ_LƯỢT [--format table|json]   xem lại một lượt kiểm tra đã lưu
  npm run audit -- --runs [--year NĂM]                   danh sách các lượt kiểm tra
  npm run audit -- --rulebooks                           các bộ quy tắc và năm áp dụng`;

// (lower-case in the table's cells)
const lower = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toLowerCase()]));
const STATUS = lower(STATUS_VI);
const SEVERITY = lower(SEVERITY_VI);
const QUARTER = ['', 'I', 'II', 'III', 'IV'];

/** "--set r1_share=0.25,r1_denominator=good_and_above" or a JSON object. A comma splits only
 * before the next "tham_số=": a JSON value holds commas of its own (r1_allowance={"2025":["A","B"]}). */
function parseSet(text: string): Record<string, unknown> {
	if (text.trim().startsWith('{')) {
		try {
			return JSON.parse(text);
		} catch {
			fail(`--set: "${text}" không phải JSON hợp lệ.`);
		}
	}
	const out: Record<string, unknown> = {};
	for (const part of text.split(/,(?=\s*[a-z][a-z0-9_]*\s*=)/i).filter(Boolean)) {
		const eq = part.indexOf('=');
		if (eq <= 0) fail(`--set cần dạng tham_số=giá_trị, nhận được "${part}".`);
		const raw = part.slice(eq + 1).trim();
		let v: unknown = raw;
		try {
			v = JSON.parse(raw);
		} catch {
			/* a bare string */
		}
		out[part.slice(0, eq).trim()] = v;
	}
	return out;
}

/** The rules a run ran: "mọi quy tắc", or their numbers ("R1, R6") for a run of some (--rule). */
function rulesLabel(rules: string[]): string {
	return RULE_IDS.every((id) => rules.includes(id)) ? 'mọi quy tắc' : rules.map((r) => RULES[r as RuleId]?.no ?? r).join(', ');
}

function periodLabel(r: AuditResult): string {
	const p = r.period;
	if (p.kind === 'quarter') return `quý ${QUARTER[p.no]} năm ${p.year}`;
	if (p.kind === 'term') return `nhiệm kỳ ${p.no}–${p.year}`;
	return `năm ${p.year}`;
}

function subjectLabel(f: Finding): string {
	if (f.subject_ref === 'group:unit') return f.subject_kind === 'civil_servant' ? 'cả cơ quan' : 'cả chi bộ';
	if (f.subject_ref === 'group:decider') return 'cấp quyết định';
	const who = f.subject_name ?? f.subject_ref;
	return f.subject_card ? `${who} (${f.subject_card})` : who;
}

/** A finding's sources for the table: the row it cites, then the other rows involved (a discipline
 * register's row beside the rating, the members a cap counts), two of them and how many more. */
function sourcesCell(f: Finding): string {
	if (!f.source_file) return '';
	const others = f.sources.filter((s) => s.file !== f.source_file || s.row !== f.source_row);
	const more = others.length > 2 ? ` (+${fmtInt(others.length - 2)} dòng)` : '';
	return [`${f.source_file}:${f.source_row ?? ''}`, ...others.slice(0, 2).map((s) => `${s.file}:${s.row}`)].join('; ') + more;
}

/** What a "what if" run changed: a rulebook other than the year's, parameters (in Vietnamese, with
 * the rulebook's own value beside). */
function whatIfLabel(r: AuditResult): string {
	const year = r.period.year;
	const own = (kind: RulebookKind) => {
		try {
			return pickRulebook(year, kind).short;
		} catch {
			return null; // (a year no rulebook governs)
		}
	};
	const short = (id: string) => getRulebook(id).short;
	const party = own('party');
	const said = [
		short(r.rulebook.id) === party ? `theo bộ quy tắc áp dụng cho năm ${year} (${party})` : `theo ${short(r.rulebook.id)} thay cho ${party ?? 'bộ quy tắc'} áp dụng cho năm ${year}`
	];
	const cs = own('civil_servant');
	if (short(r.csRulebook.id) !== cs) said.push(`công chức, viên chức theo ${short(r.csRulebook.id)} thay cho ${cs ?? 'bộ quy tắc'} áp dụng cho năm ${year}`);
	const changed = Object.entries(r.overrides).map(([k, v]) => {
		const rb = getRulebook(k.startsWith('cs_') ? r.csRulebook.id : r.rulebook.id);
		return `${paramLabelVi(k)} = ${paramValueVi(k, v)} (${rb.short}: ${paramValueVi(k, rb.params[k.replace(/^cs_/, '')])})`;
	});
	if (changed.length) said.push(`tham số thay: ${changed.join('; ')}`);
	return `Chạy thử "nếu như" ${said.join('; ')}.`;
}

function printTable(r: AuditResult, limit: number): void {
	console.log(`Lượt kiểm tra số ${r.runId} — ${periodLabel(r)} — ${r.rulebook.name} (${r.rulebook.id}); công chức, viên chức: ${r.csRulebook.id}`);
	console.log(`Phạm vi: ${r.scopeCode ?? 'toàn bộ'} · dấu dữ liệu ${r.fingerprint.slice(0, 12)} · bắt đầu ${fmtDateTime(r.startedAt)} · ${secs(r.seconds)}`);
	if (r.whatIf) console.log(whatIfLabel(r));
	for (const w of r.warnings) console.log(`Cảnh báo: ${w}`);
	console.log();
	const shown = limit > 0 ? r.findings.slice(0, limit) : r.findings;
	if (!r.findings.length) console.log('Không có phát hiện nào.');
	else
		console.log(
			table(
				['Quy tắc', 'Trạng thái', 'Mức độ', 'Đơn vị', 'Cấp quyết định', 'Đối tượng', 'Nội dung', 'Nguồn'],
				shown.map((f) => [
					RULES[f.rule]?.no ?? f.rule,
					STATUS[f.status] ?? f.status,
					SEVERITY[f.severity] ?? f.severity,
					f.unit_code ?? '',
					f.deciding_unit_code ?? '',
					subjectLabel(f),
					f.message,
					sourcesCell(f)
				])
			)
		);
	if (shown.length < r.findings.length)
		console.log(`… và ${num(r.findings.length - shown.length)} dòng khác (--limit 0 để in hết, --format json để xử lý tiếp).`);
	console.log();
	const rows = (Object.keys(RULES) as RuleId[])
		.filter((id) => r.rules.includes(id))
		.map((id) => [RULES[id].no, id, RULES[id].vi, num(r.counts[id]?.flagged ?? 0), num(r.counts[id]?.exempted ?? 0)]);
	console.log(table(['', 'Quy tắc', 'Nội dung', 'Vi phạm', 'Miễn trừ'], rows));
	if (r.signals.length) {
		console.log('\nTín hiệu thống kê (không phải vi phạm quy định, để xem xét thêm):');
		console.log(
			table(
				['Tín hiệu', 'Đơn vị', 'Điểm', 'Nội dung'],
				r.signals.map((s) => [SIGNALS[s.signal]?.vi ?? s.signal, s.unit_code ?? '', s.score === null ? '' : s.score.toLocaleString('vi-VN'), s.message])
			)
		);
	}
}

function printJson(r: AuditResult): void {
	const out: string[] = [];
	for (const f of r.findings) out.push(JSON.stringify({ run_id: r.runId, ...f }));
	if (out.length) process.stdout.write(out.join('\n') + '\n');
	process.stderr.write(
		`Lượt kiểm tra số ${r.runId} (${periodLabel(r)}, ${r.rulebook.id}${r.whatIf ? ', chạy thử "nếu như"' : ''}): ` +
			`${num(r.findingCount)} vi phạm, ${num(r.findings.length - r.findingCount)} miễn trừ, ${num(r.signals.length)} tín hiệu thống kê.\n`
	);
	for (const w of r.warnings) process.stderr.write(`Cảnh báo: ${w}\n`);
}

async function main() {
	const { flags, rest } = parseArgs(process.argv.slice(2));
	if (flags.has('help')) {
		console.log(USAGE);
		return 0;
	}
	if (rest.length) fail(`Tham số thừa: ${rest.join(' ')}.\n${USAGE}`);
	const format = flagString(flags, 'format') ?? 'table';
	if (format !== 'table' && format !== 'json') fail(`--format chỉ nhận table hoặc json, nhận được "${flags.get('format')}".`);
	const limit = flagInt(flags, 'limit') ?? 200;

	if (flags.has('rulebooks')) {
		console.log(
			table(
				['Mã', 'Loại', 'Năm áp dụng', 'Tên'],
				listRulebooks().map((r) => [r.id, r.kind === 'party' ? 'đảng' : 'công chức', `${r.years.from ?? '…'}–${r.years.to ?? '…'}`, r.name])
			)
		);
		return 0;
	}

	const runId = flagInt(flags, 'run');
	const quarter = flagInt(flags, 'quarter');
	const term = flagString(flags, 'term');
	// a term names its last year: --year may be left out
	const year = flagInt(flags, 'year') ?? (term && /^\d{4}\s*[-–]\s*(\d{4})$/.test(term) ? Number(term.slice(-4)) : undefined);
	if (runId === undefined && !flags.has('runs') && year === undefined) fail(`Cần --year NĂM (hoặc --run SỐ_LƯỢT).\n${USAGE}`);
	if (quarter !== undefined && (quarter < 1 || quarter > 4)) fail(`--quarter chỉ nhận 1, 2, 3 hoặc 4, nhận được ${quarter}.`);
	if (quarter !== undefined && term) fail('Chọn --quarter hoặc --term, không chọn cả hai.');
	let periodKind: PeriodKind = 'year';
	let periodNo = 0;
	if (quarter !== undefined) [periodKind, periodNo] = ['quarter', quarter];
	if (term) {
		const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(term);
		if (!m || Number(m[2]) !== year || Number(m[1]) >= Number(m[2]))
			fail(`--term cần dạng NĂM_ĐẦU-NĂM_CUỐI (ví dụ --term 2020-2025), năm cuối bằng --year nếu có, nhận được "${term}".`);
		[periodKind, periodNo] = ['term', Number(m[1])];
	}
	const rules = flagString(flags, 'rule')?.split(',').map((s) => s.trim()).filter(Boolean) as RuleId[] | undefined;
	for (const r of rules ?? []) if (!(r in RULES)) fail(`Không có quy tắc "${r}". Các quy tắc: ${RULE_IDS.join(', ')}.`);
	const overrides = flags.has('set') ? parseSet(flagString(flags, 'set') ?? '') : {};

	const dbPath = flagString(flags, 'db') ?? defaultDbPath();
	const db = await getDb(dbPath).catch((e) => fail(e.message, 1));
	try {
		if (flags.has('runs')) {
			const runs = await listRuns(db, { year });
			if (!runs.length) console.log('Chưa có lượt kiểm tra nào.');
			else
				console.log(
					table(
						['Lượt', 'Bắt đầu', 'Kỳ', 'Bộ quy tắc', 'Quy tắc', 'Phạm vi', 'Vi phạm', 'Thời gian', 'Dấu dữ liệu'],
						runs.map((r) => [
							String(r.id),
							fmtDateTime(r.started_at as string),
							fmtPeriod(Number(r.period_year), String(r.period_kind), Number(r.period_no)),
							`${r.rulebook}${r.what_if ? ' (nếu như)' : ''}`,
							rulesLabel(r.rules as string[]),
							String(r.scope_code ?? 'toàn bộ'),
							num(Number(r.finding_count ?? 0)),
							secs(Number(r.seconds ?? 0)),
							String(r.data_fingerprint).slice(0, 12)
						])
					)
				);
			return 0;
		}
		const result =
			runId !== undefined
				? await showRun(db, runId)
				: await runAudit(db, {
						year: year!,
						periodKind,
						periodNo,
						rulebook: flagString(flags, 'rulebook'),
						csRulebook: flagString(flags, 'cs-rulebook'),
						scope: flagString(flags, 'scope') ?? null,
						rules,
						overrides,
						signals: flags.has('no-signals') ? false : undefined
					});
		if (runId === undefined && !result.whatIf) await refreshMarts(db);
		if (format === 'json') printJson(result);
		else printTable(result, limit);
		return 0;
	} finally {
		await closeDb(dbPath);
	}
}

main()
	.then(exitWhenFlushed)
	.catch((e) => fail(e?.message ?? String(e), 1));

