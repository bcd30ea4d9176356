// `npm run audit`: the arguments, the two output formats, a stored run shown again, and the
// Vietnamese errors with a non-zero exit code. Runs the real CLI in a child process on a file
// database built from fixture rows.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../../src/lib/server/db';
import { tempDir } from '../../helpers/files';
import { loadGiven } from '../../helpers/fixture-db';

let dbPath = '';

function audit(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/audit.ts', ...args], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
	dbPath = join(tempDir('giamsat-audit-cli-'), 'cli.duckdb');
	const db = await getDb(dbPath);
	await loadGiven(
		db,
		{
			units: [
				{ code: 'X01', name: 'Đảng bộ xã Một', kind: 'dang_bo_co_so' },
				{ code: 'CB1', name: 'Chi bộ thôn Một', kind: 'chi_bo_truc_thuoc', parent: 'X01' }
			],
			persons: [{ key: 'an', name: 'Nguyễn Văn An', card: '01000001', birth: '1980-03-02' }],
			ratings: [
				{ kind: 'party_org', org: 'X01', decider: 'X01', level: 'good', decided_on: '2022-12-10' },
				{ kind: 'party_org', org: 'CB1', decider: 'X01', level: 'good', decided_on: '2022-12-05' },
				{ unit: 'CB1', decider: 'X01', level: 'excellent', count: 3 },
				{ unit: 'CB1', decider: 'X01', level: 'good', count: 5 },
				{ person: 'an', unit: 'CB1', decider: 'X01', level: 'good', sick_days: 120 }
			]
		},
		{ year: 2022 }
	);
	await closeDb(dbPath);
});

describe('npm run audit', () => {
	it('prints one JSON object per finding per line, with the fields the issue names', () => {
		const r = audit('--year', '2022', '--db', dbPath, '--format', 'json');
		expect(r.code, r.err).toBe(0);
		const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
		expect(lines.length).toBeGreaterThan(0);
		for (const f of lines)
			for (const k of ['rule', 'status', 'year', 'unit_code', 'deciding_unit_code', 'subject_kind', 'subject_name', 'subject_card', 'subject_birth_date', 'subject_birth_year', 'message', 'source_file', 'source_row'])
				expect(f, k).toHaveProperty(k);
		const sick = lines.find((f) => f.rule === 'sick_leave_cap');
		expect(sick).toMatchObject({ status: 'flagged', unit_code: 'CB1', subject_card: '01000001', subject_birth_date: '1980-03-02', subject_name: 'Nguyễn Văn An' });
		expect(lines.filter((f) => f.rule === 'excellent_cap').map((f) => f.subject_ref).sort()).toEqual(['group:decider', 'group:unit']);
		expect(r.err).toMatch(/^Lượt kiểm tra số 1 \(năm 2022, qd132\)/);
	});

	it('a JSON output of many findings reaches a pipe whole (the process had exited with all but its first 64 KiB unwritten)', async () => {
		const path = join(tempDir('giamsat-audit-pipe-'), 'pipe.duckdb');
		const db = await getDb(path);
		await loadGiven(db, {
			units: [{ code: 'X01', name: 'Đảng bộ xã Một', kind: 'dang_bo_co_so' }, { code: 'CB1', name: 'Chi bộ thôn Một', kind: 'chi_bo_truc_thuoc', parent: 'X01' }],
			ratings: [{ unit: 'CB1', decider: 'X01', level: 'good', sick_days: 120, count: 600 }]
		}, { year: 2022 });
		await closeDb(path);
		const r = audit('--year', '2022', '--db', path, '--format', 'json', '--rule', 'sick_leave_cap');
		expect(r.code, r.err).toBe(0);
		expect(r.out.length).toBeGreaterThan(65_536);
		expect(r.out.endsWith('\n')).toBe(true);
		expect(r.out.trim().split('\n').map((l) => JSON.parse(l).rule)).toEqual(Array(600).fill('sick_leave_cap'));
	});

	it('prints an aligned table in Vietnamese, and a stored run again exactly as it was', () => {
		const r = audit('--year', '2022', '--db', dbPath, '--rule', 'excellent_cap,sick_leave_cap');
		expect(r.code, r.err).toBe(0);
		expect(r.out).toMatch(/Lượt kiểm tra số 2 — năm 2022 — Quy định số 132-QĐ\/TW/);
		expect(r.out).toMatch(/Chi bộ thôn Một: 3 HTXSNV \/ 6 HTTNV = 50% > 20%, vượt 2/);
		// the run's start as every date the CLI prints: dd/mm/yyyy hh:mm
		expect(r.out).toMatch(/ · bắt đầu \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · /);
		const header = r.out.split('\n').find((l) => l.startsWith('Quy tắc'))!;
		const row = r.out.split('\n').find((l) => l.startsWith('R6'))!;
		expect(row.indexOf('CB1')).toBe(header.indexOf('Đơn vị'));
		// a cap's finding cites every rating it counts over the cap (up to three, then how many more)
		const cap = r.out.split('\n').find((l) => l.startsWith('R1') && l.includes('Chi bộ thôn Một: 3 HTXSNV'))!;
		expect(cap).toMatch(/ [^ ]+\.xlsx:\d+; [^ ]+\.xlsx:\d+; [^ ]+\.xlsx:\d+\s*$/);
		const again = audit('--run', '2', '--db', dbPath);
		expect(again.code).toBe(0);
		expect(again.out).toBe(r.out);
		const json = audit('--run', '1', '--db', dbPath, '--format', 'json');
		expect(json.out).toBe(audit('--run', '1', '--db', dbPath, '--format', 'json').out);
	});

	it('runs another rulebook on the year ("what if") and lists the runs', () => {
		const r = audit('--year', '2022', '--rulebook', 'qd366', '--rule', 'score_band', '--db', dbPath);
		expect(r.code, r.err).toBe(0);
		expect(r.out).toMatch(/Chạy thử "nếu như"/);
		expect(r.out).toMatch(/không có điểm/);
		const runs = audit('--runs', '--db', dbPath);
		expect(runs.out).toMatch(/qd366 \(nếu như\)/);
		// started as dd/mm/yyyy hh:mm, the period in Vietnamese
		expect(runs.out).toMatch(/\b\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\b.*Năm 2022/);
		// which rules each ran: a run of some (--rule) is not read as a whole audit with fewer findings
		const row = (id: number) => runs.out.split('\n').find((l) => l.startsWith(`${id} `))!;
		expect([row(1), row(2), row(3)].map((l) => / (mọi quy tắc|R\d+(?:, R\d+)*) /.exec(l)?.[1])).toEqual(['mọi quy tắc', 'R1, R6', 'R9']);
	});

	it('refuses bad arguments in Vietnamese with a non-zero exit code', () => {
		const cases: Array<[string[], RegExp]> = [
			[[], /Cần --year/],
			[['--year', 'abc'], /--year cần một số nguyên/],
			[['--year', '2022', '--quarter', '5'], /--quarter chỉ nhận 1, 2, 3 hoặc 4/],
			[['--year', '2022', '--format', 'xml'], /--format chỉ nhận table hoặc json/],
			[['--year', '2022', '--rule', 'nope'], /Không có quy tắc "nope"/],
			[['--year', '2022', '--term', '2020-2024'], /--term cần dạng/],
			[['--year', '2022', '--rulebook', 'qd999', '--db', dbPath], /Không có bộ quy tắc "qd999"/],
			[['--year', '2022', '--scope', 'KHONGCO', '--db', dbPath], /Không có đơn vị mã "KHONGCO"/],
			[['--run', '99', '--db', dbPath], /Không có lượt kiểm tra số 99/],
			[['--year', '2022', '--set', 'r1_share=2', '--db', dbPath], /r1_share.*không hợp lệ/]
		];
		for (const [args, msg] of cases) {
			const r = audit(...args);
			expect(r.code, args.join(' ')).not.toBe(0);
			expect(r.err, args.join(' ')).toMatch(msg);
			expect(r.err).toMatch(/^Lỗi: /);
		}
	});

	it('takes a scope code in any case, as the pages do, and stores it as the registry writes it', () => {
		const r = audit('--year', '2022', '--scope', 'cb1', '--rule', 'sick_leave_cap', '--db', dbPath);
		expect(r.code, r.err).toBe(0);
		expect(r.out).toMatch(/^Phạm vi: CB1 · /m);
		expect(audit('--runs', '--db', dbPath).out.split('\n')[1]).toMatch(/ CB1 /);
	});

	it('a "what if" says what differs from the year\'s own rulebook, parameters in Vietnamese with their values; a JSON value in --set keeps its commas', () => {
		const denominator = audit('--year', '2022', '--set', 'r1_denominator=good_and_above', '--rule', 'excellent_cap', '--db', dbPath);
		expect(denominator.code, denominator.err).toBe(0);
		expect(denominator.out.split('\n')[2]).toBe('Chạy thử "nếu như" theo bộ quy tắc áp dụng cho năm 2022 (QĐ 132-QĐ/TW); tham số thay: mẫu số tỷ lệ HTXSNV (R1) = số HTTNV trở lên (QĐ 132-QĐ/TW: số HTTNV).');
		const other = audit('--year', '2022', '--rulebook', 'qd366', '--rule', 'excellent_cap', '--db', dbPath);
		expect(other.out.split('\n')[2]).toBe('Chạy thử "nếu như" theo QĐ 366-QĐ/TW thay cho QĐ 132-QĐ/TW áp dụng cho năm 2022.');
		// the province allows Chi bộ thôn Một and Đảng bộ xã Một above the cap: both R1 groupings exempted
		const allowed = audit('--year', '2022', '--set', 'r1_allowance={"2022":["CB1","X01"]},r1_share=0.25', '--rule', 'excellent_cap', '--db', dbPath, '--format', 'json');
		expect(allowed.code, allowed.err).toBe(0);
		expect(allowed.out.trim().split('\n').map((l) => JSON.parse(l).status)).toEqual(['exempted', 'exempted']);
		const shown = audit('--run', /Lượt kiểm tra số (\d+)/.exec(allowed.err)![1], '--db', dbPath);
		expect(shown.out).toContain('tham số thay: đơn vị được cho vượt tỷ lệ, theo năm (R1) = 2022: CB1, X01 (QĐ 132-QĐ/TW: —); tỷ lệ HTXSNV tối đa (R1) = 25% (QĐ 132-QĐ/TW: 20%).');
		// the values a clerk reads are words, not the codes the rulebook stores
		const statuses = audit('--year', '2022', '--set', 'r4_not_owed_statuses=["exempt","suspended"]', '--rule', 'missing_review', '--db', dbPath);
		expect(statuses.code, statuses.err).toBe(0);
		expect(statuses.out.split('\n')[2]).toBe(
			'Chạy thử "nếu như" theo bộ quy tắc áp dụng cho năm 2022 (QĐ 132-QĐ/TW); tham số thay: tình trạng không phải xếp loại (R4) = miễn sinh hoạt, đình chỉ sinh hoạt (QĐ 132-QĐ/TW: miễn sinh hoạt, đình chỉ sinh hoạt, sinh hoạt tạm thời, đã ra khỏi chi bộ).'
		);
	});

	it('a term alone names its year ("--term 2018-2022" is audited as of 2022); a --year that is not its last is refused', () => {
		const r = audit('--term', '2018-2022', '--rule', 'excellent_cap', '--db', dbPath);
		expect(r.code, r.err).toBe(0);
		expect(r.out).toMatch(/nhiệm kỳ 2018–2022/);
		expect(audit('--year', '2021', '--term', '2018-2022', '--db', dbPath).err).toMatch(/--term cần dạng/);
	});
});
