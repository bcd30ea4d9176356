// Rating lists as units really write them: a cấp ủy's term under the unit's name, periods written
// "QUÝ III/2025", "QUÝ IV VÀ CẢ NĂM", "6 THÁNG ĐẦU NĂM"; several score columns; a leader list with
// a member level beside the leader level; level columns headed "Phân loại"; scores written "85
// điểm". Each test writes the file a unit would send and asserts what was stored (or refused).
import { describe, expect, it, vi } from 'vitest';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

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

	it('the audit failing after the commit leaves a full report: the files loaded, the audit’s error beside them', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'a.csv', [...UNIT, ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'], HEAD, ...ROWS]);
		audit.fail = true;
		try {
			const r = await ingest(db, [f], { audit: true });
			expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
			expect(r.touched).toEqual([{ year: 2025, period_kind: 'year', period_no: 0 }]);
			expect(r.auditRuns).toEqual([]);
			expect(r.auditError).toMatch(/^Dữ liệu đã nạp, nhưng kiểm tra quy định không chạy được: /);
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
