// Every encoding RULES.md lists reaches the same stored text: UTF-8 with and without BOM, comma or
// semicolon, NFD, Windows-1258, TCVN3 and VNI CSV bytes, and XLSX cells typed in .VnTime / VNI fonts
// (with .VnTimeH upper-cased). TCVN3 has no toned capitals, so the text avoids them. The byte-level tables are tested in test/unit/ingest/encoding.test.ts.
import { describe, expect, it } from 'vitest';
import { unicodeToLegacy } from '../../../src/lib/server/ingest/encoding';
import { writeCsv, writeXlsx, type CsvOptions } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const ROWS = [
	['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'],
	['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Xếp loại', 'Ghi chú'],
	['1', 'Nguyễn Thị Kim Tuyết', '01/02/1980', 'Chi bộ thôn 2', 'Hoàn thành xuất sắc nhiệm vụ', 'Đã kiểm điểm'],
	['2', 'Trương Đức Hữu', '03/04/1985', 'Chi bộ thôn 2', 'Không hoàn thành nhiệm vụ', 'Thành viên; ý kiến: được']
];

const cases: Array<[string, CsvOptions, string]> = [
	['UTF-8, comma', {}, 'utf-8'],
	['UTF-8 with BOM, semicolon', { bom: true, delim: ';' }, 'utf-8-bom'],
	['UTF-8 NFD', { nfd: true }, 'utf-8'],
	['Windows-1258', { encoding: 'windows-1258' }, 'windows-1258'],
	['TCVN3 (ABC)', { encoding: 'tcvn3' }, 'tcvn3'],
	['VNI', { encoding: 'vni' }, 'vni']
];

async function stored(db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) {
	return db.query(`select p.full_name, r.final_level, r.note, u.code from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by r.source_row`);
}

const EXPECTED = [
	{ full_name: 'Nguyễn Thị Kim Tuyết', final_level: 4, note: 'Đã kiểm điểm', code: 'C70010102' },
	{ full_name: 'Trương Đức Hữu', final_level: 1, note: 'Thành viên; ý kiến: được', code: 'C70010102' }
];

describe('encodings', () => {
	it.each(cases)('CSV %s', async (_name, opts, detected) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', ROWS, opts);
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toEqual(EXPECTED);
		expect((await db.one<{ encoding: string }>('select encoding from source_file where kind = $k', { k: 'rating' }))?.encoding).toBe(detected);
	});

	it.each([
		['.VnTime', 'tcvn3'],
		['VNI-Times', 'vni']
	] as const)('XLSX cells typed in %s', async (font, enc) => {
		const { db, dir } = await dbWithRegistry();
		const legacy = ROWS.map((r) => r.map((c) => unicodeToLegacy(c, enc)));
		const f = await writeXlsx(dir, 'ds.xlsx', legacy, { font });
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toEqual(EXPECTED);
	});

	it('XLSX .VnTimeH cells are upper-cased after conversion, others stay as typed', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = ROWS.map((r) => r.map((c) => unicodeToLegacy(c, 'tcvn3')));
		const f = await writeXlsx(dir, 'h.xlsx', rows, { font: '.VnTime' });
		// re-open to put the name column of the data rows in .VnTimeH
		const ExcelJS = (await import('exceljs')).default;
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.readFile(f);
		const ws = wb.worksheets[0];
		// a style object of its own: exceljs shares one between cells of the same style
		const cell = ws.getCell('B3');
		cell.style = { ...cell.style, font: { name: '.VnTimeH' } };
		await wb.xlsx.writeFile(f);
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0].status).toBe('loaded');
		expect((await stored(db)).map((x) => x.full_name)).toEqual(['NGUYỄN THỊ KIM TUYẾT', 'Trương Đức Hữu']);
	});

	it('a large UTF-8 file with one Windows-1258 byte far past its start is decoded as a whole, not half-read', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = [ROWS[0], ROWS[1], ...Array.from({ length: 6000 }, (_, i) => [String(i + 1), `Nguyễn Văn Số ${i + 1}`, '01/02/1980', 'Chi bộ thôn 2', 'HTTNV', ''])];
		const f = writeCsv(dir, 'lon.csv', rows);
		// a last row typed in another program, saved as Windows-1258
		const { appendFileSync } = await import('node:fs');
		const { encodeText } = await import('../../../src/lib/server/ingest/encoding');
		appendFileSync(f, encodeText('\r\n6001,Lê Văn Cuối,01/02/1980,Chi bộ thôn 2,HTTNV,Tốt', 'windows-1258'));
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0], JSON.stringify(r.files[0]).slice(0, 600)).toMatchObject({ status: 'loaded', rowsStored: 6001 });
		expect((await db.one<{ encoding: string }>('select encoding from source_file where kind = $k', { k: 'rating' }))?.encoding).toBe('utf-8+windows-1258');
		expect(await db.one(`select p.full_name, r.note from rating r join person p on p.id = r.person_id where r.source_row = 6003`)).toEqual({ full_name: 'Lê Văn Cuối', note: 'Tốt' });
		expect(await db.one(`select p.full_name from rating r join person p on p.id = r.person_id where r.source_row = 3`)).toEqual({ full_name: 'Nguyễn Văn Số 1' });
	});

	it('UTF-16 tab-separated text, as Excel saves "Unicode Text"', async () => {
		const { db, dir } = await dbWithRegistry();
		const text = ROWS.map((r) => r.join('\t')).join('\r\n');
		const { writeFileSync } = await import('node:fs');
		const f = `${dir}/unicode.txt`;
		writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toEqual(EXPECTED);
	});
});
