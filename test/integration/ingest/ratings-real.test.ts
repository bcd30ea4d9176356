// Rating lists as units really write them: a cấp ủy's term under the unit's name, periods written
// "QUÝ III/2025", "QUÝ IV VÀ CẢ NĂM", "6 THÁNG ĐẦU NĂM"; several score columns; a leader list with
// a member level beside the leader level; level columns headed "Phân loại"; scores written "85
// điểm". Each test writes the file a unit would send and asserts what was stored (or refused).
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findHeader, parseSheetPeriod } from '../../../src/lib/server/ingest/header';
import { REGISTRY, writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { getRulebook } from '../../../src/lib/server/rules/rulebook';

// The audit after a load, made to fail on demand (a rulebook missing, a bug): see "audit failing".
const audit = vi.hoisted(() => ({ fail: false }));
vi.mock('../../../src/lib/server/rules/runner', async (orig) => {
	const real = await orig<typeof import('../../../src/lib/server/rules/runner')>();
	return {
		...real,
		auditPeriods: async (...args: Parameters<typeof real.auditPeriods>) => {
			if (audit.fail) throw new Error('Nhiệm kỳ 2025–2025 không hợp lệ.');
			return real.auditPeriods(...args);
		}
	};
});

const UNIT = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1']];
const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Tự xếp loại', 'Đảng ủy quyết định'];
const ROWS = [
	['1', 'Nguyễn Văn An', '1970', 'HTXSNV', 'HTXSNV'],
	['2', 'Trần Thị Bình', '1985', 'HTTNV', 'HTTNV']
];
const PERIODS = 'select distinct period_year, period_kind, period_no from rating order by all';

describe('a cấp ủy term line is not the list’s period', () => {
	it.each([
		['NHIỆM KỲ 2025 - 2030', 'under the unit, above a "NĂM 2025" title'],
		['(Nhiệm kỳ 2025 – 2030)', 'in brackets under the unit']
	])('"%s" %s: the year 2025', async (line) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [...UNIT, [line], [], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], [], HEAD, ...ROWS], { bom: true });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(PERIODS)).toEqual([{ period_year: 2025, period_kind: 'year', period_no: 0 }]);
	});

	it('a term line under a "QUÝ III NĂM 2025" title: quarter III of 2025', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [...UNIT, [], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN QUÝ III NĂM 2025'], ['Nhiệm kỳ 2025-2030'], [], HEAD, ...ROWS]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(PERIODS)).toEqual([{ period_year: 2025, period_kind: 'quarter', period_no: 3 }]);
	});

	it('(kept) a term alone under a rating title naming no year is the list’s term', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [...UNIT, ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN'], ['NHIỆM KỲ 2020 - 2025'], HEAD, ...ROWS]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect(await db.query(PERIODS)).toEqual([{ period_year: 2025, period_kind: 'term', period_no: 2020 }]);
	});

	it('an impossible term in the title is refused before anything is stored, naming the file', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [...UNIT, ['ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NHIỆM KỲ 2025 - 2025'], HEAD, ...ROWS]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/^nk\.csv: Nhiệm kỳ 2025–2025 .*không hợp lệ/);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
	});

	it('an impossible term in a period cell is refused naming file, row, column and value', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [...UNIT, ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN'], [...HEAD, 'Kỳ đánh giá'], [...ROWS[0], 'Nhiệm kỳ 2025–2020'], [...ROWS[1], 'Nhiệm kỳ 2020–2025']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toEqual([
			expect.objectContaining({ file: 'nk.csv', row: 5, column: 'Kỳ đánh giá', value: 'Nhiệm kỳ 2025–2020', message: expect.stringMatching(/Nhiệm kỳ 2025–2020 không hợp lệ/) })
		]);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
	});

	it('a corrected 2022 list re-audits 2023 and 2024 too, whose "identical years" signal reads it', async () => {
		const { db, dir } = await dbWithRegistry();
		const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];
		const list = (year: number, first: string) => [...UNIT, [`DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM ${year}`], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Ngày quyết định'],
			...names.map((n, i) => [String(i + 1), n, String(1970 + i), i === 0 ? first : 'HTTNV', `05/12/${year}`])];
		for (const y of [2022, 2023, 2024]) await ingest(db, [writeCsv(dir, `xl${y}.csv`, list(y, 'HTXSNV'))], { audit: true });
		const signal = async () => (await db.query<{ n: number }>(
			`select count(*)::int as n from signal s join audit_run a on a.id = s.run_id where s.signal = 'identical_years' and a.period_year = 2024
			 and a.id = (select max(id) from audit_run where period_year = 2024)`))[0].n;
		expect(await signal()).toBe(1);
		const r = await ingest(db, [writeCsv(dir, 'xl2022 (bản sửa).csv', list(2022, 'HTTNV'))], { audit: true });
		expect(r.files[0]).toMatchObject({ status: 'loaded' });
		expect(r.audited?.map((p) => p.year)).toEqual([2022, 2023, 2024]);
		expect(await signal()).toBe(0);
	});

	it('the audit failing after the commit leaves a full report: the files loaded, the audit’s error beside them', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'a.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], HEAD, ...ROWS]);
		audit.fail = true;
		try {
			const r = await ingest(db, [f], { audit: true });
			expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
			expect(r.touched).toEqual([{ year: 2025, period_kind: 'year', period_no: 0 }]);
			expect(r.auditRuns).toEqual([]);
			expect(r.auditError).toBe('Nhiệm kỳ 2025–2025 không hợp lệ.');
		} finally {
			audit.fail = false;
		}
	});
});

describe('periods as titles and cells write them', () => {
	const head = ['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Đảng ủy quyết định'];
	const rows = [
		['1', 'Nguyễn Văn An', '1970', '92,5', 'HTXSNV'],
		['2', 'Trần Thị Bình', '1985', '85', 'HTTNV']
	];

	it.each(['6 THÁNG ĐẦU NĂM 2025', '9 THÁNG NĂM 2025'])('"… %s" is neither a year nor a quarter: refused, saying so', async (period) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'p.csv', [...UNIT, [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN ${period}`], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toContain(`p.csv: Tiêu đề "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN ${period}"`);
		expect(r.files[0].message).toMatch(/không phải kỳ đánh giá năm, quý hay nhiệm kỳ/);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
	});

	it.each([
		['QUÝ IV VÀ CẢ NĂM 2025', 2025, 'year', 0],
		['QUÝ III/2025', 2025, 'quarter', 3],
		['QUÝ III - 2025', 2025, 'quarter', 3]
	])('a title "… %s": %i %s %i', async (period, year, kind, no) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'p.csv', [...UNIT, [`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN ${period}`], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		// "QUÝ IV VÀ CẢ NĂM" is the year's rating: no quarter-IV warning
		expect(r.files[0].warnings).toEqual([]);
		expect(await db.query(PERIODS)).toEqual([{ period_year: year, period_kind: kind, period_no: no }]);
	});

	it('a "Kỳ đánh giá" cell "Quý III/2025", "Q3/2025", "Q3-2025" gives the quarter and the year', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'p.csv', [
			...UNIT,
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Kỳ đánh giá', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Quý III/2025', 'HTXSNV'],
			['2', 'Trần Thị Bình', '1985', 'Q3/2025', 'HTTNV'],
			['3', 'Lê Văn Cường', '1990', 'Q3-2025', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(PERIODS)).toEqual([{ period_year: 2025, period_kind: 'quarter', period_no: 3 }]);
	});

	it('a bare "III" or "3" under a header "Quý" is quarter 3; under "Kỳ đánh giá" it is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const list = (col: string) => [
			...UNIT,
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', col, 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'III', 'HTXSNV'],
			['2', 'Trần Thị Bình', '1985', '3', 'HTTNV']
		];
		const [ok, bad] = [writeCsv(dir, 'quy.csv', list('Quý')), writeCsv(dir, 'ky.csv', list('Kỳ đánh giá'))];
		const r = await ingest(db, [ok, bad]);
		expect(r.files.map((x) => x.status)).toEqual(['loaded', 'refused']);
		expect(r.files[1].errors.map((e) => [e.row, e.column, e.value])).toEqual([[5, 'Kỳ đánh giá', 'III'], [6, 'Kỳ đánh giá', '3']]);
		expect(await db.query(PERIODS)).toEqual([{ period_year: 2025, period_kind: 'quarter', period_no: 3 }]);
	});
});

describe('a quarter-IV list: warned where the rulebook the year picks does not rate quarter IV apart', () => {
	const q4 = (year: number) => [...UNIT, [`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN QUÝ IV NĂM ${year}`], HEAD, ...ROWS];

	it('"… QUÝ IV NĂM 2025" (QĐ 366 folds quarter IV into the year): loaded, warned, naming the rulebook', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'q4.csv', q4(2025))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(r.files[0].warnings.join(' ')).toContain('theo QĐ 366-QĐ/TW quý IV không đánh giá riêng');
	});

	it('"… QUÝ IV NĂM 2024": no warning under QĐ 124; warned where its setting says quarter IV is not rated apart', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'q4-2024.csv', q4(2024))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		// (the rulebooks are read once per process: the setting moved for this test only)
		const rb = getRulebook('qd124');
		const was = rb.params.quarter_iv_rated_apart;
		rb.params.quarter_iv_rated_apart = false;
		try {
			const again = await ingest(db, [writeCsv(dir, 'q4-2024-b.csv', [...q4(2024), ['3', 'Lê Văn Cường', '1990', 'HTNV', 'HTNV']])]);
			expect(again.files[0].warnings.join(' ')).toContain('theo QĐ 124-QĐ/TW quý IV không đánh giá riêng');
		} finally {
			rb.params.quarter_iv_rated_apart = was;
		}
	});
});

describe('several score columns: the list’s score is the total, the deciding body’s, the year’s', () => {
	const SCORES = 'select score from rating order by source_row';

	it('"Tiêu chí chung (30 điểm) | Kết quả thực hiện nhiệm vụ (70 điểm) | Tổng điểm" under "Điểm đánh giá": the total', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm đánh giá', null, null, 'Xếp loại', null],
			['STT', 'Họ và tên', 'Năm sinh', 'Tiêu chí chung (30 điểm)', 'Kết quả thực hiện nhiệm vụ (70 điểm)', 'Tổng điểm', 'Tự xếp loại', 'Đảng ủy quyết định'],
			['(1)', '(2)', '(3)', '(4)', '(5)', '(6)=(4)+(5)', '(7)', '(8)'],
			[1, 'Nguyễn Văn An', 1970, 28, 64.5, 92.5, 'HTXSNV', 'HTXSNV'],
			[2, 'Trần Thị Bình', 1985, 26, 56, 82, 'HTTNV', 'HTTNV']
		], { merges: ['D4:F4', 'G4:H4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ score: number }>(SCORES)).map((x) => x.score)).toEqual([92.5, 82]);
	});

	it('"Điểm tự chấm | Điểm Đảng ủy chấm": the Đảng ủy’s', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm tự chấm', 'Điểm Đảng ủy chấm', 'Tự xếp loại', 'Đảng ủy quyết định'],
			['1', 'Nguyễn Văn An', '1970', '95', '88', 'HTXSNV', 'HTTNV'],
			['2', 'Trần Thị Bình', '1985', '90', '80', 'HTXSNV', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect((await db.query<{ score: number }>(SCORES)).map((x) => x.score)).toEqual([88, 80]);
	});

	it('"Điểm" over "Tự chấm | Chi bộ chấm | Đảng ủy chấm": the last body’s, not a unit column', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm', null, null, 'Xếp loại', null, null],
			['STT', 'Họ và tên', 'Năm sinh', 'Tự chấm', 'Chi bộ chấm', 'Đảng ủy chấm', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định'],
			[1, 'Nguyễn Văn An', 1970, 95, 92, 88, 'HTXSNV', 'HTXSNV', 'HTTNV'],
			[2, 'Trần Thị Bình', 1985, 90, 85, 80, 'HTXSNV', 'HTTNV', 'HTTNV']
		], { merges: ['D4:F4', 'G4:I4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ score: number }>(SCORES)).map((x) => x.score)).toEqual([88, 80]);
	});

	it('"Điểm tự chấm" and "Điểm chi bộ đánh giá" each over "Tiêu chí chung | Nhiệm vụ | Tổng": the chi bộ’s total', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN QUÝ II/2026'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm tự chấm', null, null, 'Điểm chi bộ đánh giá', null, null, 'Tự xếp loại', 'Chi bộ xếp loại'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tiêu chí chung', 'Nhiệm vụ', 'Tổng', 'Tiêu chí chung', 'Nhiệm vụ', 'Tổng', 'Tự xếp loại', 'Chi bộ xếp loại'],
			[1, 'Nguyễn Văn An', 1970, 29, 63, 92, 28, 60, 88, 'HTXSNV', 'HTTNV'],
			[2, 'Trần Thị Bình', 1985, 25, 50, 75, 22, 40, 62, 'HTTNV', 'HTNV']
		], { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:F4', 'G4:I4', 'J4:J5', 'K4:K5'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score, self_level, final_level from rating order by source_row')).toEqual([
			{ score: 88, self_level: 4, final_level: 3 },
			{ score: 62, self_level: 3, final_level: 2 }
		]);
	});

	it('a workbook with STT, Họ và tên, Ngày sinh, Số thẻ merged down both header rows, "Điểm chi bộ chấm" over its parts and "Xếp loại" over three levels: the chi bộ’s total', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Điểm chi bộ chấm', null, null, 'Xếp loại', null, null, 'Ghi chú'],
			[null, null, null, null, 'Tiêu chí chung (30đ)', 'Kết quả thực hiện nhiệm vụ (70đ)', 'Tổng', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', null],
			[1, 'Nguyễn Văn An', '12/05/1970', '66012345', 27, 63, 90, 'HTXSNV', 'HTXSNV', 'HTXSNV', null],
			[2, 'Trần Thị Bình', '03/07/1975', '66012346', '27,0', '62,9', '89,9', 'HTXSNV', 'HTXSNV', 'HTXSNV', null],
			[3, 'Lê Văn Cường', '21/11/1980', '66012347', null, null, '85đ', 'HTTNV', 'HTTNV', 'HTTNV', null]
		], { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:G4', 'H4:J4', 'K4:K5'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query('select score, self_level, proposed_level, final_level from rating order by source_row')).toEqual([
			{ score: 90, self_level: 4, proposed_level: 4, final_level: 4 },
			{ score: 89.9, self_level: 4, proposed_level: 4, final_level: 4 },
			{ score: 85, self_level: 3, proposed_level: 3, final_level: 3 }
		]);
	});

	it.each([
		['"Điểm tiêu chí chung (30đ) | Điểm thực hiện nhiệm vụ (70đ) | Cộng"', ['Điểm tiêu chí chung (30đ)', 'Điểm thực hiện nhiệm vụ (70đ)', 'Cộng']],
		['"Tiêu chí 1 | Tiêu chí 2 | Tổng số" under "Điểm đánh giá"', ['Điểm đánh giá', 'Tiêu chí 2', 'Tổng số'], ['Tiêu chí 1', 'Tiêu chí 2', 'Tổng số']]
	])('%s: the total', async (_, head, sub?) => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN QUÝ I NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', ...(sub ? [head[0], null, null] : head), 'Xếp loại'],
			...(sub ? [['STT', 'Họ và tên', 'Năm sinh', ...sub, 'Xếp loại']] : []),
			[1, 'Nguyễn Văn An', 1970, 28, 64, 92, 'HTXSNV'],
			[2, 'Trần Thị Bình', 1985, 20, 40, 60, 'HTNV']
		], { merges: sub ? ['A4:A5', 'B4:B5', 'C4:C5', 'D4:F4', 'G4:G5'] : [] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ score: number }>(SCORES)).map((x) => x.score)).toEqual([92, 60]);
	});

	it('"Tiêu chí chung (30 điểm) | Thực hiện nhiệm vụ (70 điểm)" and no total: their sum (QĐ 366’s 100 points); a row with a part blank has none', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN QUÝ I NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tiêu chí chung (30 điểm)', 'Thực hiện nhiệm vụ (70 điểm)', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', '28', '64', 'HTXSNV'],
			['2', 'Trần Thị Bình', '1985', '27', '62,9đ', 'HTXSNV'],
			['3', 'Lê Văn Cường', '1980', '25', '', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(SCORES)).toEqual([{ score: 92 }, { score: 89.9 }, { score: null }]);
	});

	// a chi bộ's quarterly list with QĐ 366's two parts abbreviated and no total column
	const partsList = (dir: string, general: string, tasks: string, rows: Array<[string, number, number | null, string]>) =>
		writeXlsx(dir, 'quy3.xlsx', [
			...UNIT,
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN QUÝ III NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', general, tasks, 'Tự xếp loại', 'Chi bộ quyết định'].filter((h) => h),
			...rows.map(([name, g, t, level], i) => [i + 1, name, 1970 + i, 'Đảng viên', g, ...(tasks ? [t] : []), level, level])
		], { merges: ['A1:H1', 'A2:H2', 'A3:H3'] });

	it.each([
		['Tiêu chí chung (30đ)', 'Kết quả thực hiện nhiệm vụ (70đ)'],
		['Tiêu chí chung (30 đ)', 'Kết quả thực hiện nhiệm vụ (70 đ)'],
		['Phần I (tối đa 30 điểm)', 'Phần II (tối đa 70 điểm)'],
		['Tiêu chí chung 30đ', 'Nhiệm vụ được giao 70đ']
	])('"%s | %s" and no total: their sum, said nothing of', async (general, tasks) => {
		const { db, dir } = await dbWithRegistry();
		const f = await partsList(dir, general, tasks, [['Nguyễn Văn An', 28, 63, 'HTXSNV'], ['Trần Thị Bình', 27, 62, 'HTXSNV'], ['Lê Văn Cường', 22, 49.5, 'HTTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3, warnings: [] });
		expect(await db.query(SCORES)).toEqual([{ score: 91 }, { score: 89 }, { score: 71.5 }]);
	});

	it('a lone "Kết quả thực hiện nhiệm vụ (70đ)" (the general part’s column dropped): no score, and the file says why', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await partsList(dir, 'Kết quả thực hiện nhiệm vụ (70đ)', '', [['Nguyễn Văn An', 63, null, 'HTXSNV'], ['Trần Thị Bình', 62, null, 'HTXSNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(SCORES)).toEqual([{ score: null }, { score: null }]);
		expect(r.files[0].warnings).toEqual([
			'Cột điểm "Kết quả thực hiện nhiệm vụ (70đ)" chỉ ghi một phần của điểm, không có cột tổng điểm hay đủ hai phần (tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm) để cộng: điểm không được đọc, các dòng được lưu không có điểm. Thêm cột "Tổng điểm" hoặc ghi đủ hai phần rồi gửi lại.'
		]);
	});

	it('"Điểm tự chấm" and "Điểm chi bộ chấm" each over "Tiêu chí chung (30đ) | Kết quả thực hiện nhiệm vụ (70đ)", no totals: the chi bộ’s sum', async () => {
		const { db, dir } = await dbWithRegistry();
		const parts = ['Tiêu chí chung (30đ)', 'Kết quả thực hiện nhiệm vụ (70đ)'];
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm tự chấm', null, 'Điểm chi bộ chấm', null, 'Xếp loại'],
			[null, null, null, ...parts, ...parts, null],
			[1, 'Nguyễn Văn An', 1970, 29, 65, 28, 64, 'HTXSNV'],
			[2, 'Trần Thị Bình', 1985, 28, 64, 26.5, 55.25, 'HTTNV']
		], { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:E4', 'F4:G4', 'H4:H5'] });
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(SCORES)).toEqual([{ score: 92 }, { score: 81.75 }]);
	});

	it('parts that are not QĐ 366’s two ("Tiêu chí 1 | Tiêu chí 2"), or one of them alone ("Kết quả thực hiện nhiệm vụ (70đ)" under "Điểm chi bộ chấm"): no score', async () => {
		const list = (group: string, subs: string[]) => [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN QUÝ I NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', group, ...subs.slice(1).map(() => ''), 'Xếp loại'],
			['', '', '', ...subs, ''],
			['1', 'Nguyễn Văn An', '1970', ...['28', '64'].slice(0, subs.length), 'HTXSNV']
		];
		for (const [group, subs] of [['Điểm đánh giá', ['Tiêu chí 1', 'Tiêu chí 2']], ['Điểm chi bộ chấm', ['Kết quả thực hiện nhiệm vụ (70đ)']]] as const) {
			const { db, dir } = await dbWithRegistry();
			expect((await ingest(db, [writeCsv(dir, 'd.csv', list(group, [...subs]))])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
			expect(await db.query(SCORES)).toEqual([{ score: null }]);
		}
	});

	it('"Điểm Quý I … Quý IV | Điểm trung bình năm" on a civil-servant list: the year’s', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cc.csv', [
			['UBND XÃ BÙ ĐĂNG'],
			['TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Điểm Quý I', 'Điểm Quý II', 'Điểm Quý III', 'Điểm Quý IV', 'Điểm trung bình năm', 'Xếp loại năm'],
			['1', 'Nguyễn Văn An', '1970', 'Chủ tịch UBND', '60', '95', '95', '98', '87', 'Hoàn thành tốt nhiệm vụ'],
			['2', 'Trần Thị Bình', '1985', 'Công chức Tư pháp - Hộ tịch', '92', '91', '93', '92', '92', 'Hoàn thành xuất sắc nhiệm vụ']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ score: number }>(SCORES)).map((x) => x.score)).toEqual([87, 92]);
	});
});

describe('a leadership list whose "Tập thể" column names each collective', () => {
	it('an organisations\' list in two sections, "I | XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG", "II | XẾP LOẠI TẬP THỂ LÃNH ĐẠO, QUẢN LÝ", the text in the name column: the organisations, then their collectives', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'tc.csv', [
			['BAN THƯỜNG VỤ HUYỆN ỦY BÙ ĐĂNG'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2024'],
			['STT', 'Tên tổ chức đảng', 'Xếp loại'],
			['I', 'XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG', ''],
			['1', 'Đảng bộ xã Đoàn Kết', 'HTTNV'],
			['2', 'Đảng bộ xã Minh Hưng', 'HTXSNV'],
			['II', 'XẾP LOẠI TẬP THỂ LÃNH ĐẠO, QUẢN LÝ', ''],
			['1', 'Ban Thường vụ Đảng ủy xã Đoàn Kết', 'HTXSNV'],
			['2', 'Ban Thường vụ Đảng ủy xã Minh Hưng', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await db.query(`select r.source_row as row, r.subject_kind as k, u.code from rating r join unit u on u.id = r.subject_unit_id order by 1`)).toEqual([
			{ row: 5, k: 'party_org', code: 'X700101' },
			{ row: 6, k: 'party_org', code: 'X700102' },
			{ row: 8, k: 'leadership', code: 'X700101' },
			{ row: 9, k: 'leadership', code: 'X700102' }
		]);
	});

	it('the State\'s and mass organisations\' collectives on the đảng ủy\'s list ("Tập thể lãnh đạo UBND xã", "Thường trực HĐND xã"): skipped and said, the party collectives stored', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'tt.csv', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Tên tập thể', 'Xếp loại'],
			['1', 'Chi ủy Chi bộ thôn 1', 'HTTNV'],
			['2', 'Tập thể lãnh đạo UBND xã', 'HTTNV'],
			['3', 'Tập thể Thường trực HĐND xã', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsRead: 3, rowsStored: 1 });
		expect(r.files[0].warnings).toContain('2 dòng là tập thể chính quyền, đoàn thể, không phải tổ chức đảng (dòng 5: "Tập thể lãnh đạo UBND xã", dòng 6: "Tập thể Thường trực HĐND xã"): không lưu, không kiểm tra.');
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.subject_unit_id`)).toEqual([{ code: 'C70010101' }]);
	});

	it.each([['Tên tổ chức đảng'], ['Tên tổ chức đảng, tập thể'], ['Tên tổ chức cơ sở đảng']])('"Tập thể Ban Chấp hành Đảng bộ xã Đoàn Kết", "Tập thể lãnh đạo Đảng bộ xã Minh Hưng", "Tập thể Chi ủy Chi bộ thôn 2" under "%s": the collectives of those units', async (nameHeader) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tt.csv', [
			['BAN THƯỜNG VỤ HUYỆN ỦY BÙ ĐĂNG'],
			['KẾT QUẢ XẾP LOẠI NĂM 2024'],
			['STT', nameHeader, 'Đối tượng', 'Xếp loại'],
			['1', 'Tập thể Ban Chấp hành Đảng bộ xã Đoàn Kết', 'Tập thể lãnh đạo', 'HTXSNV'],
			['2', 'Tập thể lãnh đạo Đảng bộ xã Minh Hưng', 'Tập thể lãnh đạo', 'HTTNV'],
			['3', 'Tập thể Chi ủy Chi bộ thôn 2', 'Tập thể lãnh đạo', 'HTNV']
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(`select r.subject_kind as k, u.code from rating r join unit u on u.id = r.subject_unit_id order by r.source_row`)).toEqual([
			{ k: 'leadership', code: 'X700101' },
			{ k: 'leadership', code: 'X700102' },
			{ k: 'leadership', code: 'C70010102' }
		]);
	});

	it.each([['BTV ĐU xã Đoàn Kết'], ['Tập thể BTV ĐU xã Đoàn Kết'], ['Ban Thường vụ ĐU xã Đoàn Kết']])('"%s": the collective of Đảng bộ xã Đoàn Kết', async (name) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'tt.csv', [
			['BAN THƯỜNG VỤ HUYỆN ỦY BÙ ĐĂNG'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Tên tập thể', 'Xếp loại'],
			['1', name, 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query(`select r.subject_kind as k, u.code from rating r join unit u on u.id = r.subject_unit_id`)).toEqual([{ k: 'leadership', code: 'X700101' }]);
	});

	it('a list rating both the Ban Thường vụ and the Ban Chấp hành of one đảng bộ (seed 003: "tập thể BTV, BCH"): the Ban Thường vụ kept as its collective, the other row skipped and said, not the list refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'tt.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Tên tập thể', 'Xếp loại'],
			['1', 'Tập thể Ban Chấp hành Đảng bộ xã Đoàn Kết', 'HTTNV'],
			['2', 'Tập thể Ban Thường vụ Đảng ủy xã Đoàn Kết', 'HTXSNV'],
			['3', 'Chi ủy Chi bộ thôn 1', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsRead: 3, rowsStored: 2 });
		expect(r.files[0].warnings).toContain('1 dòng xếp loại Ban Chấp hành (Đảng ủy) của đảng bộ mà danh sách cũng xếp loại Ban Thường vụ (dòng 4: "Tập thể Ban Chấp hành Đảng bộ xã Đoàn Kết"): Giám Sát giữ một tập thể lãnh đạo cho mỗi đảng bộ, là Ban Thường vụ; dòng này không lưu, không kiểm tra.');
		expect(await db.query(`select r.source_row as row, u.code, r.final_level as level from rating r join unit u on u.id = r.subject_unit_id order by 1`)).toEqual([
			{ row: 5, code: 'X700101', level: 4 },
			{ row: 6, code: 'C70010101', level: 3 }
		]);
		// two rows of one collective are still a duplicate, refused
		const d = await ingest(db, [writeCsv(dir, 'tt2.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO, QUẢN LÝ NĂM 2023'],
			['STT', 'Tên tập thể', 'Xếp loại'],
			['1', 'Tập thể Ban Chấp hành Đảng bộ xã Đoàn Kết', 'HTTNV'],
			['2', 'Ban Chấp hành Đảng bộ xã Đoàn Kết', 'HTXSNV']
		])]);
		expect(d.files[0].status).toBe('refused');
		expect(d.files[0].errors[0]).toMatchObject({ row: 5, message: expect.stringMatching(/trùng trong cùng danh sách \(dòng 4\)/) });
	});

	it('"Ban Thường vụ Đảng ủy xã", "Chi ủy Chi bộ thôn 1": the collectives of the đảng bộ and of its chi bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tt.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Tập thể', 'Tự xếp loại', 'Cấp có thẩm quyền xếp loại'],
			['1', 'Ban Thường vụ Đảng ủy xã', 'HTXSNV', 'HTTNV'],
			['2', 'Chi ủy Chi bộ thôn 1', 'HTTNV', 'HTTNV'],
			['3', 'Chi ủy Chi bộ thôn 2', 'HTTNV', 'HTNV']
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(`select r.subject_kind as k, u.code, r.final_level as l from rating r join unit u on u.id = r.subject_unit_id order by r.source_row`)).toEqual([
			{ k: 'leadership', code: 'X700101', l: 3 },
			{ k: 'leadership', code: 'C70010101', l: 3 },
			{ k: 'leadership', code: 'C70010102', l: 2 }
		]);
	});
});

describe('the decision a list is attached to', () => {
	it.each([
		['(Kèm theo Quyết định số 45-QĐ/ĐU ngày 10/12/2025 của Đảng ủy xã)'],
		['(Ban hành kèm theo Quyết định số 45-QĐ/ĐU, ngày 10 tháng 12 năm 2025)'],
		['(Kèm theo Nghị quyết số 12-NQ/CB ngày 10/12/2025 của Chi bộ)']
	])('"%s" dates every row (R4 judges the list by it); a row’s own date column wins', async (line) => {
		const { db, dir } = await dbWithRegistry();
		const withColumn = writeCsv(dir, 'a.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], [line], [...HEAD, 'Ngày quyết định'], [...ROWS[0], '05/12/2025']]);
		const without = writeCsv(dir, 'b.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], [line], HEAD, ...ROWS]);
		const r = await ingest(db, [withColumn, without]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query(`select u.code, strftime(r.decided_on, '%d/%m/%Y') as d from rating r join unit u on u.id = r.unit_id order by u.code, r.source_row`)).toEqual([
			{ code: 'C70010101', d: '05/12/2025' },
			{ code: 'C70010102', d: '10/12/2025' },
			{ code: 'C70010102', d: '10/12/2025' }
		]);
	});

	it('none cited: the place-date line the list is signed under dates it, beside the letterhead or above the signature; a cited decision, a date column win over it; a day left blank dates nothing', async () => {
		const { db, dir } = await dbWithRegistry();
		const title = ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'];
		const r = await ingest(db, [
			writeCsv(dir, 'thon1.csv', [
				['ĐẢNG BỘ XÃ ĐOÀN KẾT', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
				['CHI BỘ THÔN 1', '', '', 'Đoàn Kết, ngày 05 tháng 12 năm 2025'],
				title, ['(Kèm theo Quyết định số 45-QĐ/ĐU ngày 10/12/2025 của Đảng ủy xã)'], HEAD, ...ROWS
			]),
			writeCsv(dir, 'thon2.csv', [
				['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], title, [...HEAD, 'Ngày quyết định'], [...ROWS[0], '08/12/2025'], ROWS[1], [],
				['', '', '', 'Thôn 2, ngày 06 tháng 12 năm 2025'], ['', '', '', 'T/M CHI BỘ'], ['', '', '', 'BÍ THƯ']
			]),
			writeCsv(dir, 'minh-hung.csv', [
				['ĐẢNG BỘ XÃ MINH HƯNG', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
				['CHI BỘ THÔN 1', '', '', 'Minh Hưng, ngày 04 tháng 12 năm 2025'],
				title, HEAD, ...ROWS
			]),
			writeCsv(dir, 'thcs.csv', [
				['ĐẢNG BỘ HUYỆN BÙ ĐĂNG', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
				['CHI BỘ TRƯỜNG THCS ĐOÀN KẾT', '', '', 'Đoàn Kết, ngày      tháng 12 năm 2025'],
				title, HEAD, ...ROWS
			])
		]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
		expect(await db.query(`select u.code, strftime(r.decided_on, '%d/%m/%Y') as d from rating r join unit u on u.id = r.unit_id order by u.code, r.source_row`)).toEqual([
			{ code: 'C70010101', d: '10/12/2025' },
			{ code: 'C70010101', d: '10/12/2025' },
			{ code: 'C70010102', d: '08/12/2025' },
			{ code: 'C70010102', d: '06/12/2025' },
			{ code: 'C70010201', d: '04/12/2025' },
			{ code: 'C70010201', d: '04/12/2025' },
			{ code: 'C70010301', d: null },
			{ code: 'C70010301', d: null }
		]);
	});
});

describe('levels headed "… đánh giá", and marked x under three groups', () => {
	it.each([
		['Chi bộ đánh giá', 'Cá nhân tự đánh giá'],
		['Đảng ủy đánh giá', 'Tự đánh giá'],
		['Cấp có thẩm quyền đánh giá', 'Tự đánh giá']
	])('"%s" is the final level (beside "%s")', async (final, self) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ ĐẢNG VIÊN QUÝ II NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm', self, final],
			['1', 'Nguyễn Văn An', '1970', '90', 'HTXSNV', 'HTXSNV'],
			['2', 'Trần Thị Bình', '1985', '80', 'HTXSNV', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select self_level, final_level from rating order by source_row')).toEqual([
			{ self_level: 4, final_level: 4 },
			{ self_level: 4, final_level: 3 }
		]);
	});

	it('"Chi bộ đánh giá | Đảng ủy đánh giá": the Đảng ủy’s', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ ĐẢNG VIÊN QUÝ II NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ đánh giá', 'Đảng ủy đánh giá'],
			['1', 'Nguyễn Văn An', '1970', 'HTXSNV', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query('select final_level from rating')).toEqual([{ final_level: 3 }]);
	});

	it('"Tự xếp loại | Chi bộ đề xuất | Đảng ủy quyết định" each over HTXSNV | HTTNV | HTNV | KHTNV marked x: three levels', async () => {
		const { db, dir } = await dbWithRegistry();
		const levels = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
		const mark = (k: number) => levels.map((_, i) => (i === k ? 'x' : null));
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Tự xếp loại', null, null, null, 'Chi bộ đề xuất', null, null, null, 'Đảng ủy quyết định', null, null, null],
			['STT', 'Họ và tên', 'Ngày sinh', ...levels, ...levels, ...levels],
			[1, 'Nguyễn Văn An', '12/05/1970', ...mark(0), ...mark(0), ...mark(0)],
			[2, 'Trần Thị Bình', '03/02/1985', ...mark(0), ...mark(1), ...mark(1)],
			[3, 'Lê Văn Cường', '01/01/1990', ...mark(1), ...mark(2), ...mark(2)]
		], { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:G4', 'H4:K4', 'L4:O4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query('select self_level, proposed_level, final_level from rating order by source_row')).toEqual([
			{ self_level: 4, proposed_level: 4, final_level: 4 },
			{ self_level: 4, proposed_level: 3, final_level: 3 },
			{ self_level: 3, proposed_level: 2, final_level: 2 }
		]);
	});
});

describe('a leader list with the member level beside the leader level', () => {
	it('"Xếp loại chất lượng đảng viên | Xếp loại cán bộ lãnh đạo, quản lý": the leader’s level is the leader column', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ld.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Chức vụ', 'Xếp loại chất lượng đảng viên', 'Xếp loại cán bộ lãnh đạo, quản lý'],
			['1', 'Nguyễn Văn An', 'Bí thư Đảng ủy', 'HTXSNV', 'HTTNV'],
			['2', 'Trần Thị Bình', 'Phó Bí thư Đảng ủy', 'HTTNV', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select subject_kind, final_level from rating order by source_row')).toEqual([
			{ subject_kind: 'leader', final_level: 3 },
			{ subject_kind: 'leader', final_level: 2 }
		]);
	});
});

describe('the subject kind from the title', () => {
	it('"KẾT QUẢ XẾP LOẠI TẬP THỂ CHI ỦY CÁC CHI BỘ": leadership collectives', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tt.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['KẾT QUẢ XẾP LOẠI TẬP THỂ CHI ỦY CÁC CHI BỘ NĂM 2024'],
			['STT', 'Chi bộ', 'Tự xếp loại', 'Đảng ủy quyết định'],
			['1', 'Chi bộ thôn 1', 'HTXSNV', 'HTTNV'],
			['2', 'Chi bộ thôn 2', 'HTTNV', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect(await db.query('select distinct subject_kind from rating')).toEqual([{ subject_kind: 'leadership' }]);
	});

	it('"CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ HUYỆN ỦY QUẢN LÝ" with a Chức vụ column: leaders', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cb.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ HUYỆN ỦY QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Tự xếp loại', 'Cấp có thẩm quyền quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Bí thư Đảng ủy, Chủ tịch HĐND xã', 'HTXSNV', 'HTXSNV'],
			['2', 'Trần Thị Bình', '1975', 'Phó Bí thư Thường trực Đảng ủy', 'HTTNV', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect(await db.query('select distinct subject_kind from rating')).toEqual([{ subject_kind: 'leader' }]);
	});
});

describe('a rating list is not a roster', () => {
	it.each(['Phân loại', 'Mức đánh giá'])('"Tổng điểm | %s" with Xuất sắc / Tốt: a rating list, the column its level', async (col) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'pl.csv', [
			...UNIT,
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Tổng điểm', col],
			['1', 'Nguyễn Văn An', '12/05/1970', '92', 'Xuất sắc'],
			['2', 'Trần Thị Bình', '03/02/1985', '80', 'Tốt']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select final_level, score from rating order by source_row')).toEqual([
			{ final_level: 4, score: 92 },
			{ final_level: 3, score: 80 }
		]);
		expect(await db.one('select count(*)::int as n from membership')).toEqual({ n: 0 });
	});

	it('a list of names with scores and no level column is neither a roster nor a rating list replacing the rated one: refused saying why; told it is a rating list, it is one', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [...UNIT, ['KẾT QUẢ CHẤM ĐIỂM ĐẢNG VIÊN NĂM 2025'], ['STT', 'Họ và tên', 'Ngày sinh', 'Tổng điểm'], ['1', 'Nguyễn Văn An', '12/05/1970', '92']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/có cột điểm nhưng không có cột Xếp loại/);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
		expect((await ingest(db, [f], { kind: 'rating' })).files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
		expect(await db.one('select final_level, score from rating')).toEqual({ final_level: null, score: 92 });
	});

	it('"DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ" with no level column is refused, saying why, not stored as a roster', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xs.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Chi bộ'],
			['1', 'Nguyễn Văn An', '1970', 'Bí thư chi bộ', 'Chi bộ thôn 1'],
			['2', 'Hoàng Văn Em', '1965', 'Đảng viên', 'Chi bộ thôn 2']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/^xs\.csv: Tiêu đề "DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ NĂM 2024" là danh sách những người đạt một mức xếp loại/);
		expect(await db.one('select count(*)::int as n from membership')).toEqual({ n: 0 });
		// told it is a roster, it is one
		expect((await ingest(db, [f], { kind: 'roster' })).files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
	});
});

describe('scores written with their unit', () => {
	it('"92,5 điểm", "85 điểm", "62,25đ", "45 đ", "70 ĐIỂM", "92/100", "88,5 / 100 điểm": the number', async () => {
		const { db, dir } = await dbWithRegistry();
		const cells = ['92,5 điểm', '85 điểm', '62,25đ', '45 đ', '70 ĐIỂM', '92/100', '88,5 / 100 điểm'];
		const f = writeCsv(dir, 'd.csv', [
			...UNIT,
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Đảng ủy quyết định'],
			...cells.map((c, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), c, 'HTNV'])
		], { nfd: true });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		expect((await db.query<{ score: number }>('select score from rating order by source_row')).map((x) => x.score)).toEqual([92.5, 85, 62.25, 45, 70, 92, 88.5]);
	});

	it('"đạt 92 điểm", "95 điểm/100 điểm", "90 (chín mươi)", "85,5 (tám mươi lăm phẩy năm)", "91 (chín mươi mốt) điểm": the number (the unit, the scale, the number in words, the unit after them)', async () => {
		const { db, dir } = await dbWithRegistry();
		const cells = ['đạt 92 điểm', '95 điểm/100 điểm', '90 (chín mươi)', '85,5 (tám mươi lăm phẩy năm)', '100 (Một trăm)', '92,25 (chín mươi hai phẩy hai lăm)', '91 (chín mươi mốt) điểm', '88 (tám mươi tám)đ'];
		const f = await writeXlsx(dir, 'd.xlsx', [
			...UNIT,
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Đảng ủy quyết định'],
			...cells.map((c, i) => [i + 1, `Đảng viên ${i + 1}`, 1970 + i, c, 'HTXSNV'])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		expect((await db.query<{ score: number }>('select score from rating order by source_row')).map((x) => x.score)).toEqual([92, 95, 90, 85.5, 100, 92.25, 91, 88]);
	});

	it.each(['90-95', '90 (chín mươi lăm)', '90 (khá)', '92,7 (chín mươi hai phẩy năm)', '85,5 (tám mươi lăm)'])('(kept) "%s", two numbers or words that contradict it, is refused', async (cell) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], ['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Đảng ủy quyết định'], ['1', 'Nguyễn Văn An', '1970', cell, 'HTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([expect.objectContaining({ row: 5, column: 'Tổng điểm', value: cell, message: expect.stringMatching(/Điểm phải là số từ 0 đến 100/) })]);
	});

	it('(kept) a score with other words is still refused, quoting it', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'd.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], ['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Đảng ủy quyết định'], ['1', 'Nguyễn Văn An', '1970', 'khoảng 80 điểm', 'HTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([expect.objectContaining({ file: 'd.csv', row: 5, column: 'Tổng điểm', value: 'khoảng 80 điểm' })]);
	});

	it('"Không chấm", "Chưa chấm", "-" in the score column: no score, stored and said (a missing score is R9\'s finding, not a refused row)', async () => {
		const { db, dir } = await dbWithRegistry();
		const cells = ['91', 'Không chấm', 'Chưa chấm', '-'];
		const f = writeCsv(dir, 'd.csv', [
			...UNIT,
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Đảng ủy quyết định'],
			...cells.map((c, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), c, 'HTTNV'])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(r.files[0].warnings).toContain('3 dòng ghi ở cột Điểm chữ không phải số điểm (dòng 6: "Không chấm", dòng 7: "Chưa chấm", dòng 8: "-"): lưu là không có điểm.');
		expect((await db.query<{ score: number | null }>('select score from rating order by source_row')).map((x) => x.score)).toEqual([91, null, null, null]);
	});
});

describe('what a second probe of the readings found', () => {
	const period = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
		db.query<{ y: number; k: string; n: number; sk: string }>('select distinct period_year as y, period_kind as k, period_no as n, subject_kind as sk from rating');

	it.each([
		[[['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], ['(Sau khi tổng hợp kết quả đánh giá các quý I, II, III)']]],
		[[['(Kèm theo Báo cáo kết quả quý IV của Chi bộ)'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025']]]
	])('notes naming quarters leave the year\'s list a year: %j', async (title) => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'a.csv', [...UNIT, ...title, HEAD, ...ROWS])])).files[0].status).toBe('loaded');
		expect(await period(db)).toEqual([{ y: 2025, k: 'year', n: 0, sk: 'member' }]);
	});

	// each of these titles read as "6 tháng" before (the list was refused)
	it.each([
		[[['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN 12 THÁNG NĂM 2025']]],
		[[['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], ['(Đảng viên mới kết nạp dưới 6 tháng năm 2025 không xếp loại)']]]
	])('a year\'s list, not a "6 tháng" one: %j', async (title) => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'a.csv', [...UNIT, ...title, HEAD, ...ROWS])])).files[0].status).toBe('loaded');
		expect(await period(db)).toEqual([{ y: 2025, k: 'year', n: 0, sk: 'member' }]);
	});

	it('level columns per quarter and one for the year: the year\'s is the level', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'q.csv', [...UNIT, ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại quý I', 'Xếp loại quý II', 'Xếp loại quý III', 'Xếp loại năm'],
			['1', 'Nguyễn Văn An', '1970', 'HTT', 'HTT', 'HTXS', 'HTXS'], ['2', 'Trần Thị Bình', '1985', 'HTXS', 'HTT', 'HTT', 'HTT']]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect(await db.query('select final_level from rating order by source_row')).toEqual([{ final_level: 4 }, { final_level: 3 }]);
	});

	it('a leader list titled "… CÁN BỘ LÃNH ĐẠO, QUẢN LÝ LÀ ĐẢNG VIÊN", or untitled with a leaders\' level column, rates leaders of the đảng bộ', async () => {
		const rows = [['1', 'Nguyễn Văn An', '1970', 'Bí thư Đảng ủy', 'HTXS'], ['2', 'Trần Thị Bình', '1985', 'Bí thư Chi bộ thôn 1', 'HTT']];
		for (const [title, level] of [['KẾT QUẢ XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ LÀ ĐẢNG VIÊN NĂM 2024', 'Xếp loại'], ['KẾT QUẢ NĂM 2024', 'Xếp loại cán bộ lãnh đạo, quản lý']]) {
			const { db, dir } = await dbWithRegistry();
			const r = await ingest(db, [writeCsv(dir, 'ld.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [title], ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', level], ...rows])]);
			expect(r.files[0].status, title).toBe('loaded');
			// the Bí thư of a chi bộ on the đảng bộ's leader list does not head the đảng bộ
			expect(await db.query('select r.subject_kind, u.code, r.is_head from rating r join unit u on u.id = r.unit_id order by r.source_row')).toEqual([
				{ subject_kind: 'leader', code: 'X700101', is_head: true },
				{ subject_kind: 'leader', code: 'X700101', is_head: false }
			]);
		}
	});
});

describe('a quarter\'s list of cadres (QĐ 366)', () => {
	it('"KẾT QUẢ ĐÁNH GIÁ CÁN BỘ QUÝ I NĂM 2025": leaders of the đảng bộ, quarter I; "cán bộ, công chức" stays a civil-servant list', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'q1.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ CÁN BỘ QUÝ I NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Điểm', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1968', 'Bí thư Đảng ủy', '85', 'HTXSNV'],
			['2', 'Trần Thị Bình', '1970', 'Chủ tịch UBND xã', '80', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select r.subject_kind, r.period_year, r.period_kind, r.period_no, u.code, r.is_head
			from rating r join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ subject_kind: 'leader', period_year: 2025, period_kind: 'quarter', period_no: 1, code: 'X700101', is_head: true },
			{ subject_kind: 'leader', period_year: 2025, period_kind: 'quarter', period_no: 1, code: 'X700101', is_head: false }
		]);
		const cs = await ingest(db, [writeCsv(dir, 'cc.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'], ['1', 'Lê Văn Cường', '1980', 'Công chức Văn phòng', 'HTTNV']
		])]);
		expect(cs.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded' });
	});
});

describe('a workbook of a sheet per quarter: the sheet’s name is the period a title naming only the year leaves', () => {
	// cadres of the Ban Thường vụ rated by quarter (QĐ 366), the quarters' sheets copied from one
	// another, each title "… NĂM 2026"
	const CADRES = (title: string, level: string) => [
		['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['BAN THƯỜNG VỤ'], [`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUẢN LÝ ${title}`],
		['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Tổng điểm', 'Xếp loại'],
		[1, 'Nguyễn Văn An', 1968, 'Bí thư Đảng ủy xã', 92, level],
		[2, 'Trần Thị Bình', 1975, 'Chủ tịch UBND xã', 80, 'HTTNV']
	];
	async function quarters(dir: string, name: string, sheets: string[][]) {
		const wb = new ExcelJS.Workbook();
		for (const [sheet, title, level] of sheets) {
			const ws = wb.addWorksheet(sheet);
			for (const r of CADRES(title, level)) ws.addRow(r);
		}
		await wb.xlsx.writeFile(join(dir, name));
		return join(dir, name);
	}

	it('sheets "Quý I", "Q2", "QUÝ III-2026", "Cả năm" under titles "… NĂM 2026": three quarters and the year, none replacing another', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await quarters(dir, 'quy.xlsx', [['Quý I', 'NĂM 2026', 'HTXSNV'], ['Q2', 'NĂM 2026', 'HTTNV'], ['QUÝ III-2026', 'NĂM 2026', 'HTNV'], ['Cả năm', 'NĂM 2026', 'KHTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 8 });
		expect(await db.query(`select f.file_name as sheet, r.period_year as y, r.period_kind as k, r.period_no as n, count(*)::int as rows, count(r.superseded_by)::int as superseded
			from rating r join source_file f on f.id = r.source_file_id group by all order by k, n`)).toEqual([
			{ sheet: 'quy.xlsx [Quý I]', y: 2026, k: 'quarter', n: 1, rows: 2, superseded: 0 },
			{ sheet: 'quy.xlsx [Q2]', y: 2026, k: 'quarter', n: 2, rows: 2, superseded: 0 },
			{ sheet: 'quy.xlsx [QUÝ III-2026]', y: 2026, k: 'quarter', n: 3, rows: 2, superseded: 0 },
			{ sheet: 'quy.xlsx [Cả năm]', y: 2026, k: 'year', n: 0, rows: 2, superseded: 0 }
		]);
	});

	it('a sheet "Quý III" whose title says "QUÝ II NĂM 2026" (copied from the sheet before): refused naming both, the real Quý II not replaced', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [await quarters(dir, 'chep.xlsx', [['Quý II', 'QUÝ II NĂM 2026', 'HTXSNV'], ['Quý III', 'QUÝ II NĂM 2026', 'HTTNV']])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toEqual([
			expect.objectContaining({ file: 'chep.xlsx [Quý III]', column: 'Tên trang tính', value: 'Quý III', message: expect.stringMatching(/^Tên trang tính "Quý III" là quý III\/2026, nhưng tiêu đề của trang ghi quý II\/2026 \("DANH SÁCH .* QUÝ II NĂM 2026"\)/) })
		]);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
	});

	it.each([
		['Quy 2', { kind: 'quarter', no: 2 }],
		['Quí IV', { kind: 'quarter', no: 4 }],
		['Quý 3 năm 2025', { kind: 'quarter', no: 3, year: 2025 }],
		['Q1/2026', { kind: 'quarter', no: 1, year: 2026 }],
		['Năm 2025', { kind: 'year', no: 0, year: 2025 }],
		// a unit's name holding such words, a sheet saying more than its period: none
		['Năm Căn', null],
		['Thôn Quý Xuân', null],
		['Quý I (cũ)', null],
		['Sheet1', null],
		// (rev24b) a quận of Hồ Chí Minh City ("Q.1"), a place named "Nam": no period; "Năm", "Quý.2" are
		['Q.1', null], ['Q. 3', null], ['Nam', null], ['Năm', { kind: 'year', no: 0 }], ['Quý.2', { kind: 'quarter', no: 2 }]
	])('a sheet "%s" names %o', (name, period) => {
		expect(parseSheetPeriod(name)).toEqual(period);
	});
});

describe('the deciding body the level column names', () => {
	const deciders = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
		db.query(`select u.code as unit, d.code as decider from rating r join unit u on u.id = r.unit_id left join unit d on d.id = r.deciding_unit_id order by r.source_row`);

	const MANAGED = '(Thuộc diện Ban Thường vụ Đảng ủy xã quản lý)';
	it.each([
		['BTV Đảng ủy quyết định', null, 'X700101'],
		['Ban Thường vụ Đảng ủy xã quyết định', null, 'X700101'],
		['Ban Thường vụ Đảng ủy xã đánh giá', null, 'X700101'],
		['Xếp loại', null, 'H7001'],
		['Cấp có thẩm quyền quyết định', null, 'H7001'],
		// a body above the grassroots the mapping does not know: the default
		['Đảng ủy Công an tỉnh quyết định', null, 'H7001'],
		// a column that names no body: the title's body that manages them, or that decided
		['Xếp loại', MANAGED, 'X700101'],
		['Cấp có thẩm quyền quyết định', MANAGED, 'X700101'],
		// … said without "thuộc", or "do … quản lý", or the body alone before "quản lý"
		['Kết quả', '(Diện Ban Thường vụ Đảng ủy xã quản lý)', 'X700101'],
		['Xếp loại', 'DANH SÁCH CÁN BỘ DO BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUẢN LÝ', 'X700101'],
		['Xếp loại', 'CÁN BỘ BTV ĐẢNG ỦY XÃ QUẢN LÝ', 'X700101'],
		['Xếp loại', '(Kèm theo Quyết định số 45-QĐ/ĐU ngày 10/12/2024 của Ban Thường vụ Đảng ủy xã Đoàn Kết về việc xếp loại cán bộ)', 'X700101'],
		['Xếp loại', '(Kèm theo Quyết định số 45-QĐ/ĐU ngày 10/12/2024 của Đảng ủy Công an tỉnh)', 'H7001'],
		['Xếp loại', '(Kèm theo Thông báo số 12-TB/ĐU ngày 08/10/2024 của Ban Thường vụ Đảng ủy xã)', 'X700101'],
		// a line citing another document's body is not the list's
		['Xếp loại', 'Căn cứ Quy chế ban hành kèm theo Quyết định số 123-QĐ/TU ngày 01/3/2024 của Ban Thường vụ Đảng ủy xã;', 'H7001'],
		// the column's body before the title's
		['Ban Thường vụ Huyện ủy quyết định', MANAGED, 'H7001']
	])('a commune’s list of its cadres, under "%s" (title: %s): decided by %s', async (header, line, decider) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'cb.csv', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ CÁN BỘ QUÝ III NĂM 2024'], ...(line ? [[line]] : []),
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Điểm', header],
			['1', 'Nguyễn Văn An', '1968', 'Chủ tịch Ủy ban MTTQ xã', '85', 'HTTNV'],
			['2', 'Trần Thị Bình', '1970', 'Chủ tịch Hội Phụ nữ xã', '80', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await deciders(db)).toEqual([{ unit: 'X700101', decider }, { unit: 'X700101', decider }]);
	});

	it.each(['ĐẢNG ỦY SỞ', 'ĐẢNG ỦY SỞ TÀI CHÍNH', 'ĐẢNG ỦY CƠ QUAN SỞ TÀI CHÍNH'])('an agency’s đảng bộ: "CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ %s QUẢN LÝ" is decided by that grassroots đảng ủy, not the body above it', async (body) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', [REGISTRY[1], ['1', 'S7001', 'Đảng bộ Sở Tài chính', 'Đảng bộ cơ sở', 'T70', 'Bình Phước', '', '01/01/2000', '', '', '']])]);
		const r = await ingest(db, [writeCsv(dir, 'cb.csv', [
			['ĐẢNG BỘ SỞ TÀI CHÍNH'], ['BAN THƯỜNG VỤ ĐẢNG ỦY'], [`KẾT QUẢ ĐÁNH GIÁ CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ ${body} QUẢN LÝ QUÝ II NĂM 2024`],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Điểm', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1968', 'Giám đốc Sở', '85', 'HTTNV'],
			['2', 'Trần Thị Bình', '1970', 'Phó Giám đốc Sở', '80', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await deciders(db)).toEqual([{ unit: 'S7001', decider: 'S7001' }, { unit: 'S7001', decider: 'S7001' }]);
	});

	it('a Tỉnh ủy’s list "CÁN BỘ DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ" (no "thuộc"), level column "Kết quả": the Tỉnh ủy decides, not each unit’s parent', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'btv.csv', [
			['TỈNH ỦY BÌNH PHƯỚC'], ['DANH SÁCH XẾP LOẠI CÁN BỘ DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Đơn vị', 'Kết quả'],
			['1', 'Nguyễn Văn An', '1968', 'Bí thư Đảng ủy xã', 'Đảng ủy xã Đoàn Kết', 'HTTNV'],
			['2', 'Trần Thị Bình', '1970', 'Bí thư Huyện ủy', 'Huyện ủy Bù Đăng', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await deciders(db)).toEqual([{ unit: 'X700101', decider: 'T70' }, { unit: 'H7001', decider: 'T70' }]);
	});

	it('"BTV Thành ủy quyết định" on a ward’s list in a centrally-run city: the city’s committee, not the Quận ủy between them', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm-hcm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Ngày thành lập'],
			['1', 'T79', 'Đảng bộ thành phố Hồ Chí Minh', 'Thành ủy trực thuộc Trung ương', '', 'TP. Hồ Chí Minh', '1930'],
			['2', 'Q7901', 'Đảng bộ quận 1', 'Quận ủy', 'T79', 'TP. Hồ Chí Minh', '1976'],
			['3', 'P790101', 'Đảng bộ phường Bến Nghé', 'Đảng bộ cơ sở', 'Q7901', 'TP. Hồ Chí Minh', '1976']
		])])).files[0].status).toBe('loaded');
		const r = await ingest(db, [writeCsv(dir, 'ld.csv', [
			['ĐẢNG BỘ PHƯỜNG BẾN NGHÉ'], ['DANH SÁCH XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'BTV Thành ủy quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Bí thư Đảng ủy phường', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await deciders(db)).toEqual([{ unit: 'P790101', decider: 'T79' }]);
	});

	it('"Chi bộ quyết định" on a chi bộ trực thuộc’s member list: the chi bộ, not its đảng ủy; a "Cấp quyết định" column still wins', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dv.csv', [
			...UNIT, ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ quyết định', 'Cấp quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV', ''],
			['2', 'Trần Thị Bình', '1985', 'HTTNV', 'X700101']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await deciders(db)).toEqual([{ unit: 'C70010101', decider: 'C70010101' }, { unit: 'C70010101', decider: 'X700101' }]);
	});
});

describe('the quarters\' scores and not the year\'s', () => {
	it('"Điểm quý I | II | III | IV": the score is their mean (NĐ 335), not quarter I\'s; a quarter left blank is not counted', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'cc.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm quý I', 'Điểm quý II', 'Điểm quý III', 'Điểm quý IV', 'Xếp loại'],
			['1', 'Lê Văn Cường', '1980', '95', '92', '85', '80', 'HTXSNV'],
			['2', 'Phạm Thị Dung', '1982', '92,5', '88', '', '85,5đ', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score from rating order by source_row')).toEqual([{ score: 88 }, { score: 88.66666666666667 }]);
	});

	const MONTHS = Array.from({ length: 12 }, (_, k) => `Tháng ${k + 1}`);
	const TITLE = [['ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC NĂM 2026']];

	it.each([['Tháng 1 … Tháng 12', MONTHS], ['T1 … T12', MONTHS.map((_, k) => `T${k + 1}`)]])('"Điểm đánh giá hằng tháng" merged over "%s", no year’s score: the mean of the months scored, not January’s', async (_, months) => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'cc.xlsx', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Điểm đánh giá hằng tháng', ...Array(11).fill(null), 'Xếp loại'],
			[null, null, null, null, ...months, null],
			[1, 'Võ Thị Quyên', 1993, 'Công chức Văn hóa - Xã hội', ...Array(11).fill(90), 89, 'HTXSNV'],
			// a month not scored (on leave) is not counted
			[2, 'Đặng Văn Rin', 1987, 'Chỉ huy trưởng Quân sự', 60, ...Array(10).fill(85), null, 'HTTNV']
		], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:P3', 'Q3:Q4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score from rating order by source_row')).toEqual([{ score: 89.91666666666667 }, { score: 82.72727272727273 }]);
	});

	// a Sở's list: quarters 92, 90, 88, 88 (89,5 rated HTXSNV) and 70, 69, 70, 70 (69,75 rated HTTNV)
	const SO = [['UBND TỈNH ĐỒNG NAI'], ['SỞ TÀI CHÍNH'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC NĂM 2026']];
	const QUARTERS = [[92, 90, 88, 88], [70, 69, 70, 70]];

	it('"Điểm đánh giá hằng tháng" merged over bare "1 | 2 | … | 12" (a workbook): the months, their mean, not month 1’s', async () => {
		const { db, dir } = await dbWithRegistry();
		const months = (q: number[]) => q.flatMap((x) => [x, x, x]);
		const f = await writeXlsx(dir, 'cc.xlsx', [
			...SO,
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Điểm đánh giá hằng tháng', ...Array(11).fill(null), 'Xếp loại'],
			[null, null, null, null, ...Array.from({ length: 12 }, (_, k) => String(k + 1)), null],
			[1, 'Trịnh Văn Long', '10/10/1985', 'Trưởng phòng Ngân sách', ...months(QUARTERS[0]), 'HTXSNV'],
			[2, 'Tạ Văn Toàn', '05/05/1990', 'Chuyên viên', ...months(QUARTERS[1]), 'HTTNV']
		], { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:P4', 'Q4:Q5'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score from rating order by source_row')).toEqual([{ score: 89.5 }, { score: 69.75 }]);
	});

	it.each([
		['I | II | III | IV', ['I', 'II', 'III', 'IV']],
		['1 | 2 | 3 | 4', ['1', '2', '3', '4']]
	])('"Điểm đánh giá các quý" over bare "%s" (a CSV, the merge’s other cells blank): the quarters, their mean, not quarter I’s', async (_, subs) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cc.csv', [
			...SO,
			['STT', 'Họ và tên', 'Ngày sinh', 'Điểm đánh giá các quý', '', '', '', 'Xếp loại'],
			['', '', '', ...subs, ''],
			['1', 'Trịnh Văn Long', '10/10/1985', ...QUARTERS[0].map(String), 'HTXSNV'],
			['2', 'Tạ Văn Toàn', '05/05/1990', ...QUARTERS[1].map(String), 'HTTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score from rating order by source_row')).toEqual([{ score: 89.5 }, { score: 69.75 }]);
	});

	it.each([
		['', [89.5, 69.75]],
		['Điểm TB năm', [89.5, 70]],
		['Điểm bình quân năm', [89.5, 70]],
		['Tổng điểm năm', [89.5, 70]]
	])('flat "Quý I | Quý II | Quý III | Quý IV" holding scores, then "%s": the quarters’ scores, not the period column (the file was refused); a year’s score given wins over their mean', async (year, expected) => {
		const { db, dir } = await dbWithRegistry();
		const annual = (v: string) => (year ? [v] : []);
		const f = writeCsv(dir, 'cc.csv', [
			...SO,
			['STT', 'Họ và tên', 'Ngày sinh', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', ...annual(year), 'Xếp loại'],
			['1', 'Trịnh Văn Long', '10/10/1985', ...QUARTERS[0].map(String), ...annual('89,5'), 'HTXSNV'],
			// the year's score as the Sở rounded it
			['2', 'Tạ Văn Toàn', '05/05/1990', ...QUARTERS[1].map(String), ...annual('70'), 'HTTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select period_kind, score from rating order by source_row')).toEqual(expected.map((score) => ({ period_kind: 'year', score })));
	});

	it('"Kết quả đánh giá theo quý (điểm)" merged over "Quý I | … | Quý IV" (a workbook): the quarters’ scores, their mean, not the period column', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'cc.xlsx', [
			...SO,
			['STT', 'Họ và tên', 'Ngày sinh', 'Kết quả đánh giá theo quý (điểm)', null, null, null, 'Xếp loại'],
			[null, null, null, 'Quý I', 'Quý II', 'Quý III', 'Quý IV', null],
			[1, 'Trịnh Văn Long', '10/10/1985', ...QUARTERS[0], 'HTXSNV'],
			[2, 'Tạ Văn Toàn', '05/05/1990', ...QUARTERS[1], 'HTTNV']
		], { merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:G4', 'H4:H5'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score from rating order by source_row')).toEqual([{ score: 89.5 }, { score: 69.75 }]);
	});

	it('flat "Tháng 1 | … | Tháng 12" holding scores, no "Điểm" anywhere: the months’ scores, their mean; the same columns holding đảng phí ("30.000") are no score', async () => {
		const { db, dir } = await dbWithRegistry();
		const months = (q: number[]) => q.flatMap((x) => [x, x, x].map(String));
		const scores = writeCsv(dir, 'cc.csv', [
			...SO,
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', ...MONTHS, 'Xếp loại', 'Ghi chú'],
			['1', 'Trịnh Văn Long', '10/10/1985', 'Trưởng phòng Ngân sách', ...months(QUARTERS[0]), 'HTXSNV', ''],
			// a month not scored (maternity leave) is not counted
			['2', 'Tạ Văn Toàn', '05/05/1990', 'Chuyên viên', ...months(QUARTERS[1]).slice(0, 11), 'Nghỉ', 'HTTNV', 'Nghỉ phép tháng 12']
		]);
		const dues = writeCsv(dir, 'dv.csv', [
			...UNIT, ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', ...MONTHS, 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', ...Array(12).fill('30.000'), 'HTTNV']
		]);
		const r = await ingest(db, [scores, dues]);
		expect(r.files.map((x) => [x.kind, x.status])).toEqual([['civil_servant', 'loaded'], ['rating', 'loaded']]);
		expect(await db.query('select p.full_name as name, r.score from rating r join person p on p.id = r.person_id order by r.source_row, p.full_name')).toEqual([
			{ name: 'Nguyễn Văn An', score: null },
			{ name: 'Trịnh Văn Long', score: 89.5 },
			{ name: 'Tạ Văn Toàn', score: 69.72727272727273 }
		]);
	});

	// a chi bộ's member list with other numbers under the months or quarters: no score (R9 would
	// judge a present-mark of 1, or 45 thousand đồng of dues, as a score out of its band)
	const PARTY = [...UNIT, ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025']];
	it.each([
		['flat "Tháng 1 … Tháng 12" holding 1 (present) and 0 (absent)', [['STT', 'Họ và tên', 'Năm sinh', ...MONTHS, 'Xếp loại']], Array(12).fill('1'), [...Array(11).fill('1'), '0']],
		['"Đảng phí đã đóng (nghìn đồng)" over "Quý I … Quý IV" holding 90, 45', [['STT', 'Họ và tên', 'Năm sinh', 'Đảng phí đã đóng (nghìn đồng)', '', '', '', 'Xếp loại'], ['', '', '', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', '']], Array(4).fill('90'), Array(4).fill('45')]
	])('%s on a member list: no score, no R9 finding', async (_, head, a, b) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dv.csv', [...PARTY, ...(head as string[][]), ['1', 'Nguyễn Văn An', '1970', ...(a as string[]), 'HTTNV'], ['2', 'Trần Văn Bình', '1972', ...(b as string[]), 'HTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select score from rating order by source_row')).toEqual([{ score: null }, { score: null }]);
		// (only that the level has no score, as with no such columns)
		const fs = (await runAudit(db, { year: 2025, rules: ['score_band'], signals: false })).findings;
		expect(fs.filter((x) => !/không có điểm$/.test(x.message))).toEqual([]);
	});

	it('"Điểm danh sinh hoạt các tháng" (a roll-call) over "1 … 12": neither it nor the months a score column; "Điểm đánh giá hằng tháng" still is', () => {
		const grid = (group: string) => findHeader([['STT', 'Họ và tên', 'Năm sinh', group, ...Array(11).fill(''), 'Xếp loại'],
			['', '', '', ...MONTHS.map((_, k) => String(k + 1)), ''], ['1', 'Nguyễn Văn An', '1970', ...Array(12).fill('x'), 'HTTNV']], 2025)!.columns.filter((c) => c.field.startsWith('score')).length;
		expect([grid('Điểm danh sinh hoạt các tháng'), grid('Điểm đánh giá hằng tháng')]).toEqual([0, 12]);
	});

	it('"Điểm tháng 1 … Điểm tháng 12" in one row: their mean; beside an "Điểm bình quân" column, that column', async () => {
		const { db, dir } = await dbWithRegistry();
		const row = ['1', 'Võ Thị Quyên', '1993', ...Array(11).fill('90'), '89'];
		const flat = writeCsv(dir, 'a.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', ...MONTHS.map((m) => `Điểm ${m.toLowerCase()}`), 'Xếp loại'], [...row, 'HTXSNV']]);
		const mean = writeCsv(dir, 'b.csv', [
			['ỦY BAN NHÂN DÂN XÃ MINH HƯNG'], TITLE[1],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm đánh giá hằng tháng', ...Array(11).fill(''), 'Điểm bình quân', 'Xếp loại'],
			['', '', '', ...MONTHS, '', ''],
			[...row, '91', 'HTXSNV']
		]);
		const r = await ingest(db, [flat, mean]);
		expect(r.files.map((x) => x.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query('select score from rating order by score')).toEqual([{ score: 89.91666666666667 }, { score: 91 }]);
	});
});

describe('the quarters\' scores of a list loaded with lists that have a score column', () => {
	it('in one load, the list with only "Điểm quý I … IV" still has their mean; the other its own score; months of sick leave likewise beside a days column', async () => {
		const { db, dir } = await dbWithRegistry();
		const quarters = writeCsv(dir, 'q.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm quý I', 'Điểm quý II', 'Điểm quý III', 'Điểm quý IV', 'Nghỉ ốm (tháng)', 'Xếp loại'],
			['1', 'Lê Văn Cường', '1980', '95', '92', '85', '80', '3', 'HTXSNV']
		]);
		const total = writeCsv(dir, 't.csv', [
			['UBND XÃ MINH HƯNG'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tổng điểm', 'Số ngày nghỉ ốm', 'Xếp loại'],
			['1', 'Phạm Thị Dung', '1982', '75', '10', 'HTTNV']
		]);
		const r = await ingest(db, [quarters, total]);
		expect(r.files.map((f) => [f.kind, f.status])).toEqual([['civil_servant', 'loaded'], ['civil_servant', 'loaded']]);
		expect(await db.query('select p.full_name as name, r.score, r.sick_leave_months as months, r.sick_leave_days as days from rating r join person p on p.id = r.person_id order by p.full_name')).toEqual([
			{ name: 'Lê Văn Cường', score: 88, months: 3, days: null },
			{ name: 'Phạm Thị Dung', score: 75, months: null, days: 10 }
		]);
	});
});

describe('a Huyện ủy\'s list of the cadres it manages, by "Đơn vị công tác"', () => {
	it('each leader is a leader of the party unit their cell names, or their commune\'s (a People\'s Committee\'s), decided by the Huyện ủy; an agency placed nowhere leaves them the title\'s, said', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ld.csv', [
			['HUYỆN ỦY BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN BAN THƯỜNG VỤ HUYỆN ỦY QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Mức xếp loại'],
			['1', 'Nguyễn Văn An', 'Bí thư Đảng ủy xã', 'Đảng ủy xã Đoàn Kết', 'HTXSNV'],
			['2', 'Trần Thị Bình', 'Phó Bí thư Đảng ủy xã', 'Đảng ủy xã Minh Hưng', 'HTTNV'],
			['3', 'Lê Văn Cường', 'Bí thư Chi bộ', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV'],
			['4', 'Phạm Văn Dũng', 'Trưởng phòng', 'Phòng Nội vụ huyện', 'HTNV'],
			// a commune's Bí thư whose cell names its People's Committee: the commune's đảng bộ, which he heads
			['5', 'Hoàng Văn Em', 'Bí thư Đảng ủy xã', 'Ủy ban nhân dân xã Minh Hưng', 'HTTNV'],
			['6', 'Vũ Văn Giang', 'Bí thư Huyện ủy', 'Huyện ủy Bù Đăng', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 6 });
		expect(await db.query(`select u.code as unit, d.code as decider, r.is_head from rating r join unit u on u.id = r.unit_id
			left join unit d on d.id = r.deciding_unit_id order by r.source_row`)).toEqual([
			{ unit: 'X700101', decider: 'H7001', is_head: true },
			{ unit: 'X700102', decider: 'H7001', is_head: false },
			{ unit: 'C70010301', decider: 'H7001', is_head: true },
			// (the title names the deciding body, "thuộc diện Ban Thường vụ Huyện ủy quản lý", as a level column
			// "Ban Thường vụ Huyện ủy quyết định" would: the Huyện ủy, for the rows of the huyện itself too)
			{ unit: 'H7001', decider: 'H7001', is_head: false },
			{ unit: 'X700102', decider: 'H7001', is_head: true },
			{ unit: 'H7001', decider: 'H7001', is_head: true }
		]);
		expect(r.files[0].warnings).toEqual([expect.stringMatching(/^1 dòng ghi đơn vị công tác không khớp .*\(dòng 7: "Phòng Nội vụ huyện"\): đã ghi vào Đảng bộ huyện Bù Đăng \(đơn vị ở tiêu đề\)/)]);
	});

	it('"Chức vụ, đơn vị công tác" in one column ("Bí thư Đảng ủy xã Đoàn Kết"): the post and the unit; beside an "Đơn vị công tác" column, the post only', async () => {
		const { db, dir } = await dbWithRegistry();
		const title = [['HUYỆN ỦY BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN BAN THƯỜNG VỤ HUYỆN ỦY QUẢN LÝ NĂM 2024']];
		const one = await ingest(db, [writeCsv(dir, 'mot-cot.csv', [...title,
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ ĐV', 'Chức vụ, đơn vị công tác', 'Tự xếp loại', 'Xếp loại'],
			['1', 'Trương Văn Sơn', '1968', '70050031', 'Bí thư Đảng ủy xã Đoàn Kết', 'HTXSNV', 'HTXSNV'],
			['2', 'Trịnh Văn Minh', '1972', '70050021', 'Phó Bí thư Thường trực Đảng ủy xã Minh Hưng', 'HTTNV', 'HTTNV']
		])]);
		const two = await ingest(db, [writeCsv(dir, 'hai-cot.csv', [...title,
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ ĐV', 'Chức vụ, đơn vị công tác', 'Đơn vị công tác', 'Tự xếp loại', 'Xếp loại'],
			['1', 'Lê Văn Cường', '1975', '70050041', 'Bí thư Đảng ủy xã', 'Đảng ủy xã Minh Hưng', 'HTXSNV', 'HTXSNV']
		])]);
		expect([one, two].map((r) => [r.files[0].status, r.files[0].warnings])).toEqual([['loaded', []], ['loaded', []]]);
		expect(await db.query(`select r.position, u.code as unit, r.is_head from rating r join unit u on u.id = r.unit_id order by r.source_file_id, r.source_row`)).toEqual([
			{ position: 'Bí thư Đảng ủy xã Đoàn Kết', unit: 'X700101', is_head: true },
			{ position: 'Phó Bí thư Thường trực Đảng ủy xã Minh Hưng', unit: 'X700102', is_head: false },
			{ position: 'Bí thư Đảng ủy xã', unit: 'X700102', is_head: true }
		]);
	});

	it('a commune’s list with "Chức vụ, đơn vị công tác" = "Bí thư Chi bộ thôn 1": the post, then the chi bộ (of the commune’s own, the head by the post); a chi bộ not in the commune is said, naming file, row, column and value', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'lanh-dao.csv', [
			['ĐẢNG BỘ HUYỆN BÙ ĐĂNG', '', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
			['ĐẢNG ỦY XÃ ĐOÀN KẾT', '', '', '', 'Đoàn Kết, ngày 10 tháng 12 năm 2024'],
			['DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Điểm', 'Xếp loại'],
			// (Minh Hưng has a "Chi bộ thôn 1" too: the commune's own is meant)
			['1', 'Huỳnh Thị Uyên', '1980', 'Bí thư Chi bộ thôn 1', '92', 'HTXSNV'],
			// (a second post after ";", as after "kiêm", is no part of the unit's name)
			['2', 'Võ Văn Tâm', '1975', 'Phó Bí thư Chi bộ thôn 1; Trưởng ban công tác Mặt trận thôn', '85', 'HTTNV'],
			['3', 'Lê Văn Cường', '1972', 'Đảng ủy viên, Bí thư Chi bộ thôn 2 kiêm Trưởng thôn', '80', 'HTTNV'],
			// (a post naming only its unit's kind: the list's unit, said nothing of, as before)
			['4', 'Phạm Văn Dũng', '1968', 'Bí thư Đảng ủy xã', '88', 'HTTNV'],
			['5', 'Đỗ Thị Hoa', '1983', 'Phó Bí thư chi bộ thôn', '78', 'HTTNV'],
			['6', 'Hoàng Văn Em', '1979', 'Bí thư Chi bộ thôn 9', '75', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 6 });
		expect(await db.query(`select u.code as unit, r.is_head from rating r join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ unit: 'C70010101', is_head: true },
			{ unit: 'C70010101', is_head: false },
			{ unit: 'C70010102', is_head: true },
			{ unit: 'X700101', is_head: true },
			{ unit: 'X700101', is_head: false },
			{ unit: 'X700101', is_head: false }
		]);
		expect(r.files[0].warnings).toEqual([
			expect.stringMatching(/^Tệp "lanh-dao\.csv": 1 dòng ghi ở cột "Chức vụ, đơn vị công tác" tên tổ chức đảng không có .*\(dòng 10: "Bí thư Chi bộ thôn 9"\): đã ghi vào Đảng bộ xã Đoàn Kết \(đơn vị ở tiêu đề\)/)
		]);
	});

	it('a commune’s own list: "Ủy ban MTTQ xã", "Đoàn Thanh niên xã" are the commune’s, said nothing of', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ld.csv', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Xếp loại'],
			['1', 'Nguyễn Văn An', 'Chủ tịch', 'Ủy ban MTTQ xã', 'HTTNV'],
			['2', 'Trần Thị Bình', 'Bí thư', 'Đoàn Thanh niên xã', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2, warnings: [] });
		expect(await db.query('select distinct u.code from rating r join unit u on u.id = r.unit_id')).toEqual([{ code: 'X700101' }]);
	});

	it.each([['Đơn vị công tác'], ['Đơn vị']])('a commune written as its People\'s Committee or bare ("UBND xã Minh Hưng", "xã Đoàn Kết") under "%s": the commune\'s đảng bộ, not the Huyện ủy heading the list', async (column) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ld.csv', [
			['HUYỆN ỦY BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI CÁN BỘ DIỆN BAN THƯỜNG VỤ HUYỆN ỦY QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', column, 'Điểm', 'Kết quả'],
			['1', 'Nguyễn Văn An', '1968', 'Phó Bí thư, Chủ tịch UBND xã', 'UBND xã Minh Hưng', '65', 'HTTNV'],
			['2', 'Trần Thị Bình', '1970', 'Phó Bí thư Thường trực Đảng ủy', 'xã Đoàn Kết', '85', 'HTTNV'],
			['3', 'Lê Văn Cường', '1975', 'Bí thư Huyện ủy', 'Huyện ủy Bù Đăng', '92', 'HTXSNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3, warnings: [] });
		expect(await db.query(`select u.code as unit, d.code as decider from rating r join unit u on u.id = r.unit_id
			left join unit d on d.id = r.deciding_unit_id order by r.source_row`)).toEqual([
			{ unit: 'X700102', decider: 'H7001' },
			{ unit: 'X700101', decider: 'H7001' },
			{ unit: 'H7001', decider: 'H7001' }
		]);
	});
});

describe('the period told (--period) and a school year', () => {
	it('--period gives every list its period, a "6 THÁNG" title included; a term\'s year is its last', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'p.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN 6 THÁNG ĐẦU NĂM 2025'], HEAD, ...ROWS]);
		expect((await ingest(db, [f], { period: { kind: 'quarter', no: 2 } })).files[0].status).toBe('loaded');
		const t = writeCsv(dir, 't.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI CÁN BỘ LÃNH ĐẠO'], HEAD, ...ROWS]);
		expect((await ingest(db, [t], { period: { kind: 'term', no: 2020, year: 2025 } })).files[0].status).toBe('loaded');
		expect(await db.query('select distinct period_year as y, period_kind as k, period_no as n from rating order by 2, 3')).toEqual([
			{ y: 2025, k: 'quarter', n: 2 },
			{ y: 2025, k: 'term', n: 2020 }
		]);
	});

	it.each([['NĂM HỌC 2023-2024'], ['NĂM HỌC: 2023 - 2024'], ['NH 2023-2024']])('"%s" is the year 2024 (the school year ended in it, RULES.md R8)', async (span) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nh.csv', [['TRƯỜNG THCS ĐOÀN KẾT'], [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI VIÊN CHỨC ${span}`],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'Giáo viên', 'Hoàn thành tốt nhiệm vụ']]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded' });
		expect(await db.query('select period_year as y from rating')).toEqual([{ y: 2024 }]);
	});
});

describe('a member rated twice for one period by lists in force', () => {
	const list = (chiBo: string, decider: string, rows: string[][]) => [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [chiBo], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', decider], ...rows];
	const AN = ['1', 'Nguyễn Văn An', '1970', '70012345', 'HTTNV'];
	const BINH = ['2', 'Trần Thị Bình', '1975', '70012346', 'HTTNV'];

	it('in another chi bộ, or in the same chi bộ under another deciding body: the file names them and the other list; a corrected list says nothing', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'thon1.csv', list('CHI BỘ THÔN 1', 'Đảng ủy quyết định', [AN, BINH]))])).files[0].warnings).toEqual([]);
		// a corrected list replaces the first: no one is rated twice
		const fixed = await ingest(db, [writeCsv(dir, 'thon1 (bản sửa).csv', list('CHI BỘ THÔN 1', 'Đảng ủy quyết định', [AN, ['2', 'Trần Thị Bình', '1975', '70012346', 'HTNV']]))]);
		expect(fixed.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		const other = await ingest(db, [writeCsv(dir, 'thon2.csv', list('CHI BỘ THÔN 2', 'Đảng ủy quyết định', [['1', 'Nguyễn Văn An', '1970', '70012345', 'HTXSNV']]))]);
		expect(other.files[0]).toMatchObject({ status: 'loaded' });
		expect(other.files[0].warnings).toEqual([expect.stringMatching(/^Tệp "thon2\.csv": 1 đảng viên đã có kết quả xếp loại khác trong cùng kỳ ở danh sách còn hiệu lực \(dòng 5: Nguyễn Văn An \(Chi bộ thôn 1, "thon1 \(bản sửa\)\.csv"\)\)/)]);
		const byChiBo = await ingest(db, [writeCsv(dir, 'thon1-cb.csv', list('CHI BỘ THÔN 1', 'Chi bộ quyết định', [BINH]))]);
		expect(byChiBo.files[0].warnings).toEqual([expect.stringMatching(/^Tệp "thon1-cb\.csv": 1 đảng viên .*\(dòng 5: Trần Thị Bình \(Chi bộ thôn 1, "thon1 \(bản sửa\)\.csv"\)\)/)]);
	});
});

describe('a re-sent list loaded with the one it corrects, decided the same day, listed first (a folder sorts "… (gửi lại).xlsx" first)', () => {
	// the chi bộ's list as sent, then again with An lowered and Bình raised; the title dates both
	const list = (dir: string, name: string, title: string, an: string, binh: string) =>
		writeXlsx(dir, name, [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], [],
			[title],
			['(Kèm theo Nghị quyết số 05-NQ/CB ngày 05/12/2024 của Chi bộ thôn 1)'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ ĐV', 'Tổng điểm', 'Tự xếp loại', 'Chi bộ quyết định'],
			[1, 'Nguyễn Văn An', '1970', '70012345', 92, 'HTXSNV', an],
			[2, 'Trần Thị Bình', '1975', '70012346', 80, 'HTTNV', binh]
		], { merges: ['A1:G1', 'A2:G2', 'A4:G4', 'A5:G5'] });
	const TITLE = 'DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024';

	it.each([
		['its title ends "(BẢN SỬA)", its name says nothing', 'thon1 (2).xlsx', `${TITLE} (BẢN SỬA)`],
		['its file name says "(gửi lại)", its title nothing', 'thon1 (gửi lại).xlsx', TITLE],
		['its file name says "(đính chính)", its title nothing', 'thon1 (đính chính).xlsx', TITLE],
		// the markings clerks put at the end of the title of a re-sent list
		['its title ends "(ĐÃ ĐIỀU CHỈNH)"', 'thon1-v2.xlsx', `${TITLE} (ĐÃ ĐIỀU CHỈNH)`],
		['its title ends "(Bản điều chỉnh)"', 'thon1-v2.xlsx', `${TITLE} (Bản điều chỉnh)`],
		['its title ends "(Đã sửa)"', 'thon1-v2.xlsx', `${TITLE} (Đã sửa)`],
		['its title ends "(Đã sửa đổi)"', 'thon1-v2.xlsx', `${TITLE} (Đã sửa đổi)`],
		['its title ends "- Bản sửa lần 2"', 'thon1-v2.xlsx', `${TITLE} - Bản sửa lần 2`]
	])('%s: the correction is current, the original says it is kept as the earlier version', async (_, name, title) => {
		const { db, dir } = await dbWithRegistry();
		const fixed = await list(dir, name, title, 'HTTNV', 'HTTNV');
		const first = await list(dir, 'thon1.xlsx', TITLE, 'HTXSNV', 'HTNV');
		const r = await ingest(db, [fixed, first]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query(`select f.file_name as file, p.full_name, r.final_level from rating_current r join source_file f on f.id = r.source_file_id
			join person p on p.id = r.person_id order by r.source_row`)).toEqual([
			{ file: name, full_name: 'Nguyễn Văn An', final_level: 3 },
			{ file: name, full_name: 'Trần Thị Bình', final_level: 3 }
		]);
		expect(r.files[0].warnings).toEqual([]);
		expect(r.files[1].warnings).toEqual([
			`Tệp "thon1.xlsx": 2 dòng thuộc danh sách đã có bản "${name}" cùng ngày quyết định 05/12/2024, bản đó được giữ làm bản hiện hành (tên tệp hoặc tiêu đề ghi là bản sửa, hoặc nạp sau) và tệp này được lưu làm bản trước.`
		]);
	});
});

describe('(kept) a title using the words of a correction without marking the list as one', () => {
	it.each([
		'DANH SÁCH KẾT QUẢ ĐIỀU CHỈNH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024',
		'DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024 (theo Quy định số 132-QĐ/TW đã sửa đổi)'
	])('"%s", listed first, decided the same day as the other version: the one loaded last is current', async (title) => {
		const { db, dir } = await dbWithRegistry();
		const list = (name: string, title: string, an: string) =>
			writeXlsx(dir, name, [
				['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], [title],
				['(Kèm theo Nghị quyết số 05-NQ/CB ngày 05/12/2024 của Chi bộ thôn 1)'],
				['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ ĐV', 'Tự xếp loại', 'Chi bộ quyết định'],
				[1, 'Nguyễn Văn An', '1970', '70012345', 'HTXSNV', an]
			]);
		const r = await ingest(db, [await list('thon1-a.xlsx', title, 'HTXSNV'), await list('thon1-b.xlsx', 'DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024', 'HTTNV')]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query('select f.file_name as file, r.final_level from rating_current r join source_file f on f.id = r.source_file_id')).toEqual([
			{ file: 'thon1-b.xlsx', final_level: 3 }
		]);
	});
});

describe('a deciding body dissolved before the decision', () => {
	it('a December list whose "Cấp quyết định" names the Huyện ủy abolished on 30/06/2025: stored, and the file names the body and the dates; one decided before that says nothing', async () => {
		const { db, dir } = await dbWithRegistry();
		const list = (name: string, day: string) => writeCsv(dir, name, [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI TẬP THỂ LÃNH ĐẠO NĂM 2025'],
			['STT', 'Tập thể', 'Xếp loại', 'Cấp quyết định', 'Ngày quyết định'], ['1', 'Ban Thường vụ Đảng ủy xã Bù Đăng', 'HTTNV', 'H7001', day]]);
		const late = await ingest(db, [list('tt.csv', '08/12/2025')]);
		expect(late.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(late.files[0].warnings).toEqual([
			'Tệp "tt.csv": 1 dòng ghi cấp quyết định đã giải thể trước ngày quyết định (Đảng bộ huyện Bù Đăng: giải thể ngày 30/06/2025, quyết định ngày 08/12/2025): kiểm tra lại cấp quyết định của danh sách.'
		]);
		const early = await ingest(db, [list('tt2.csv', '20/06/2025')]);
		expect(early.files[0].warnings.join(' ')).not.toMatch(/giải thể/);
	});
});
