// The web upload's form handling (/nap-du-lieu): what it passes to the ingest and reports back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forWeb, parseUploadForm, runUpload } from '../../../src/lib/server/queries/upload';
import { dbWithRegistry } from '../../helpers/ingest-db';

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');

describe('upload', () => {
	it('an empty file sent with others is reported refused by name ("Tệp rỗng"), not dropped from the report; a refused list gives its rows read', async () => {
		const { db } = await dbWithRegistry();
		const form = new FormData();
		form.append('files', new File([csv([['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1980', 'C70010101', 'HTTNV']])], 'xep-loai.csv'));
		form.append('files', new File([], 'trong.csv'));
		form.append('files', new File([csv([['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'], ['1', 'Trần Văn Bình', '1981', 'C70010101', 'HTTNV'], ['2', 'Lê Văn Cường', '1982', 'C70010101', 'Khá']])], 'loi.csv'));
		const { input, error } = parseUploadForm(form);
		expect(error).toBeUndefined();
		const report = await runUpload(db, input!, null);
		expect(report.files.map((f) => [f.name, f.status, f.message, f.rowsRead, f.errorCount])).toEqual([
			['trong.csv', 'refused', 'trong.csv: Tệp rỗng, không có dữ liệu.', 0, 0],
			['xep-loai.csv', 'loaded', undefined, 1, 0],
			// a refused list still says how many rows it had
			['loi.csv', 'refused', '1 dòng bị từ chối; tệp không được nạp.', 2, 1]
		]);
	});

	it('a list without its year, sent without the form\'s Năm: the reason once, for every row, naming the form\'s field, not --year', async () => {
		const { db } = await dbWithRegistry();
		const form = new FormData();
		// as a chi bộ writes it: đảng bộ and chi bộ at the top, no year in the title, no Năm column
		form.append('files', new File([csv([['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1980', 'HTTNV'], ['2', 'Trần Văn Bình', '1981', 'HTTNV'], ['3', 'Lê Văn Cường', '1982', 'HTXSNV']])], 'thon-1.csv'));
		const report = await runUpload(db, parseUploadForm(form).input!, null);
		const f = report.files[0];
		expect([f.status, f.errorCount]).toEqual(['refused', 3]);
		expect(f.errors.map((e) => [e.rows, e.column, e.message])).toEqual([
			[[5, 6, 7], 'Năm', 'Không xác định được năm đánh giá: thêm cột Năm, ghi năm ở tiêu đề hoặc điền năm ở ô "Năm".']
		]);
	});

	it('every message the ingest builds with a CLI option (--year, --unit MÃ, --kind …) names the form\'s field on the page', () => {
		const root = join(import.meta.dirname, '..', '..', '..');
		const lines = ['sql/ingest', 'src/lib/server/ingest'].flatMap((d) =>
			readdirSync(join(root, d)).flatMap((f) => readFileSync(join(root, d, f), 'utf8').split('\n'))
		);
		// (comments aside: the lines that build a message)
		const said = lines.filter((l) => /--(year|unit|kind|period)\b/.test(l) && !/^\s*(--|\/\/|\/?\*)/.test(l));
		expect(said.length).toBeGreaterThan(10);
		for (const l of said) expect(forWeb(l), l).not.toMatch(/--(year|unit|kind)\b|(?<!dòng lệnh \()--period/);
		expect(forWeb('x.csv: Không nhận ra loại tệp từ các cột (A, B). Dùng --kind registry|roster|rating|discipline|civil_servant.')).toBe('x.csv: Không nhận ra loại tệp từ các cột (A, B). Chọn loại ở ô "Loại tệp".');
		expect(forWeb('hoặc dùng --kind roster nếu đây đúng là danh sách đảng viên.')).toBe('hoặc chọn "Danh sách đảng viên" ở ô "Loại tệp" nếu đây đúng là danh sách đảng viên.');
		expect(forWeb('x.xlsx: --unit "Thôn 9": không có đơn vị này')).toBe('x.xlsx: Ô "Đơn vị" "Thôn 9": không có đơn vị này');
		expect(forWeb('thêm cột Chi bộ / Mã đơn vị, hoặc dùng --unit MÃ.')).toBe('thêm cột Chi bộ / Mã đơn vị, hoặc điền mã đơn vị ở ô "Đơn vị".');
	});

	it('no file chosen (the browser sends one nameless empty part): a message, nothing to load', () => {
		const form = new FormData();
		form.append('files', new Blob([]), '');
		expect(parseUploadForm(form).error).toMatch(/^Chưa chọn tệp nào/);
	});
});
