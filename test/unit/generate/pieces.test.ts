// The generator's small parts: the random stream, names in real proportions, calendar months,
// header and level spellings the ingest understands, and the XLSX writer read back by exceljs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fold } from '$lib/domain/anomaly';
import { alnumKey, fieldOfHeader } from '$lib/server/ingest/fields';
import { convertFontText, unicodeToLegacy } from '$lib/server/ingest/encoding';
import { addMonths, day, iso, monthsBefore } from '$lib/server/generate/dates';
import { fullName } from '$lib/server/generate/names';
import { Rng } from '$lib/server/generate/prng';
import { ALL_LEVEL_SPELLINGS, fieldOf, HEADERS } from '$lib/server/generate/style';
import { ST, xlsxBuffer } from '$lib/server/generate/xlsx';

describe('prng', () => {
	it('is deterministic per key and differs across keys', () => {
		const a = new Rng('x');
		const b = new Rng('x');
		const c = new Rng('y');
		const sa = Array.from({ length: 5 }, () => a.next());
		expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
		expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
		expect(new Rng('x').fork('a').next()).toBe(new Rng('x').fork('a').next());
	});
});

describe('names', () => {
	it('family names in real proportions: Nguyễn ~38%, Trần ~11%, Lê ~9.5%', () => {
		const rng = new Rng('names');
		const n = 20_000;
		const fam = new Map<string, number>();
		let thi = 0;
		for (let i = 0; i < n; i++) {
			const female = i % 2 === 0;
			const name = fullName(rng, female, 1975, i % 3 === 0);
			const parts = name.split(' ');
			fam.set(parts[0], (fam.get(parts[0]) ?? 0) + 1);
			if (female && parts[1] === 'Thị') thi++;
			expect(name).not.toMatch(/[ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]/);
		}
		const share = (f: string) => (fam.get(f) ?? 0) / n;
		expect(share('Nguyễn')).toBeGreaterThan(0.33);
		expect(share('Nguyễn')).toBeLessThan(0.43);
		expect(share('Trần')).toBeGreaterThan(0.08);
		expect(share('Lê')).toBeGreaterThan(0.07);
		expect(thi / (n / 2)).toBeGreaterThan(0.5);
	});
});

describe('dates', () => {
	it('adds calendar months as RULES.md says (31/05 + 6 months = 30/11)', () => {
		expect(iso(addMonths(day(2024, 5, 31), 6))).toBe('2024-11-30');
		expect(iso(addMonths(day(2024, 8, 31), 6))).toBe('2025-02-28');
		const d = day(2024, 11, 30);
		expect(addMonths(monthsBefore(d, 6), 6)).toBe(d);
		expect(addMonths(monthsBefore(d, 6) + 1, 6)).toBeGreaterThan(d);
	});
});

describe('spellings the ingest understands', () => {
	it('every header spelling maps to its field', () => {
		for (const [key, spellings] of Object.entries(HEADERS)) for (const h of spellings) expect(fieldOfHeader(h), `${key}: ${h}`).toBe(fieldOf(key));
		for (const h of ['Đảng ủy quyết định', 'Chi bộ quyết định', 'BTV Huyện ủy quyết định', 'BTV Thị ủy quyết định', 'Ban Thường vụ quyết định', 'Ban Thường vụ Tỉnh ủy quyết định', 'BTV quyết định'])
			expect(fieldOfHeader(h), h).toBe('final_level');
	});

	it('every level spelling is in data/reference/level_alias.csv (case and accents aside)', () => {
		const aliases = new Set(
			readFileSync(join(process.cwd(), 'data/reference/level_alias.csv'), 'utf8')
				.split('\n')
				.slice(1)
				.map((l) => alnumKey(l.split(',')[0] ?? ''))
		);
		for (const s of ALL_LEVEL_SPELLINGS) expect(aliases.has(alnumKey(s)), s).toBe(true);
		expect(fold('HT tốt NV')).toBe('ht tot nv');
	});
});

describe('xlsx writer', () => {
	it('writes merged title lines, dates, numbers and legacy-font cells that exceljs and the ingest read back', async () => {
		const buf = xlsxBuffer([
			{
				name: 'Danh sách',
				rows: [
					[{ v: 'ĐẢNG BỘ XÃ BOM BO', s: ST.title }],
					[{ v: unicodeToLegacy('danh sách đảng viên', 'tcvn3'), s: ST.vnTimeH }],
					['STT', 'Họ và tên', 'Ngày sinh', 'Điểm'],
					[1, { v: unicodeToLegacy('Nguyễn Văn Hùng', 'tcvn3'), s: ST.vnTime }, { date: 25569 + day(1970, 5, 12) }, 85.5],
					[2, { v: unicodeToLegacy('Trần Thị Lụa', 'vni'), s: ST.vni }, '1971', null]
				],
				merges: ['A1:D1']
			}
		]);
		expect(Buffer.compare(xlsxBuffer([{ name: 'x', rows: [['a']] }]), xlsxBuffer([{ name: 'x', rows: [['a']] }]))).toBe(0);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(buf as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(ws.getCell('A1').isMerged).toBe(true);
		expect(ws.getCell('B4').font?.name).toBe('.VnTime');
		expect(convertFontText(String(ws.getCell('B4').value), ws.getCell('B4').font?.name)).toBe('Nguyễn Văn Hùng');
		expect(convertFontText(String(ws.getCell('B5').value), ws.getCell('B5').font?.name)).toBe('Trần Thị Lụa');
		expect(convertFontText(String(ws.getCell('A2').value), ws.getCell('A2').font?.name)).toBe('DANH SÁCH ĐẢNG VIÊN');
		expect((ws.getCell('C4').value as Date).toISOString().slice(0, 10)).toBe('1970-05-12');
		expect(ws.getCell('D4').value).toBe(85.5);
	});
});
