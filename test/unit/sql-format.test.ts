// The vi-VN formatting macros of sql/functions.sql, which the rules' messages use: a finding states
// its numbers, and they must not contradict the comparison they support.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, type Db } from '../../src/lib/server/db';

let db: Db;
beforeAll(async () => {
	db = await getDb(':memory:');
});
afterAll(async () => {
	await closeDb(':memory:');
});

const one = async (expr: string) => (await db.one<{ v: string }>(`select ${expr} as v`))!.v;

describe('sql formatting macros', () => {
	it('vi_num: thousands with dots, one decimal with a comma, none when whole', async () => {
		expect(await one('vi_num(1234)')).toBe('1.234');
		expect(await one('vi_num(37.5)')).toBe('37,5');
		expect(await one('vi_num(37.04)')).toBe('37');
		expect(await one('vi_dec(1234.5, 2)')).toBe('1.234,5');
	});
	it('vi_pct_vs: a share beside its bound takes the decimals it needs not to read as the bound', async () => {
		// 401 HTXSNV / 2001 HTTNV is over 20% (allowed 400), and must not read "20% > 20%"
		expect(await one('vi_pct_vs(401 / 2001, 0.2)')).toBe('20,04%');
		// 9 999 of 10 000 members "complete or above" is short of 100%
		expect(await one('vi_pct_vs(9999 / 10000, 1)')).toBe('99,99%');
		expect(await one('vi_pct_vs(3 / 5, 0.2)')).toBe('60%');
		expect(await one('vi_pct_vs(0.375, 0.2)')).toBe('37,5%');
	});
	it('vi_num_vs with min_decimals: a score keeps its two decimals (69,75, not 69,8), a whole one none', async () => {
		expect(await one('vi_num_vs(69.75, 70, min_decimals := 2)')).toBe('69,75');
		expect(await one('vi_num_vs(85, 90, min_decimals := 2)')).toBe('85');
		expect(await one('vi_num_vs(89.999, 90, min_decimals := 2)')).toBe('89,999');
	});
	it('first_five: a warning cites five rows, then "…"', async () => {
		expect(await one("first_five(['1', '2', '3'])")).toBe('1, 2, 3');
		expect(await one("first_five(['1', '2', '3', '4', '5'])")).toBe('1, 2, 3, 4, 5');
		expect(await one("first_five(['1', '2', '3', '4', '5', '6'])")).toBe('1, 2, 3, 4, 5, …');
	});
});

describe('list macros', () => {
	const supplements = async (file: string, lines: string[]) =>
		(await db.one<{ v: boolean }>('select supplements($f, $l) as v', { f: file, l: lines.join('\n') }))!.v;
	it('supplements: the list\'s own title line or its file name says "bổ sung"; other lines above the header, or a correction, do not', async () => {
		expect(await supplements('xl.csv', ['CHI BỘ THÔN 1', 'DANH SÁCH BỔ SUNG ĐẢNG VIÊN XẾP LOẠI NĂM 2024'])).toBe(true);
		expect(await supplements('xl.csv', ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024', '(BỔ SUNG)'])).toBe(true);
		expect(await supplements('xl_bo_sung.csv', ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'])).toBe(true);
		expect(await supplements('xl.csv', ['Căn cứ Quy định bổ sung số 12', 'DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'])).toBe(false);
		expect(await supplements('xl.csv', ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024 (SỬA ĐỔI, BỔ SUNG)'])).toBe(false);
		expect(await supplements('xl.csv', ['DANH SÁCH BỔ SUNG, ĐIỀU CHỈNH XẾP LOẠI NĂM 2024'])).toBe(false);
		expect(await supplements('xl bổ sung (bản sửa).csv', ['DANH SÁCH XẾP LOẠI'])).toBe(false);
	});
});
