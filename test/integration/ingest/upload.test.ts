// The web upload's form handling (/nap-du-lieu): what it passes to the ingest and reports back.
import { describe, expect, it } from 'vitest';
import { parseUploadForm, runUpload } from '../../../src/lib/server/queries/upload';
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

	it('no file chosen (the browser sends one nameless empty part): a message, nothing to load', () => {
		const form = new FormData();
		form.append('files', new Blob([]), '');
		expect(parseUploadForm(form).error).toMatch(/^Chưa chọn tệp nào/);
	});
});
