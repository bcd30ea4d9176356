// Review: party_unit_named drops a second post after "kiêm" or a dash, and a comma is read past by
// the lookup, but "Bí thư Chi bộ thôn 1; Trưởng thôn" finds no unit: the leader is not the chi bộ's
// head and the file gets the new "không có trong danh mục" warning.
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

describe('review: a second post after a semicolon', () => {
	it('"Bí thư Chi bộ thôn 1; Trưởng thôn" is filed, as "Bí thư Chi bộ thôn 1, Trưởng thôn" is, in Chi bộ thôn 1, head, no warning', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'lanh-dao.csv', [
			['ĐẢNG BỘ HUYỆN BÙ ĐĂNG', '', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
			['ĐẢNG ỦY XÃ ĐOÀN KẾT', '', '', '', 'Đoàn Kết, ngày 10 tháng 12 năm 2024'],
			['DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Điểm', 'Xếp loại'],
			['1', 'Huỳnh Thị Uyên', '1980', 'Bí thư Chi bộ thôn 1, Trưởng thôn', '92', 'HTXSNV'],
			['2', 'Võ Văn Tâm', '1975', 'Bí thư Chi bộ thôn 2; Trưởng thôn', '85', 'HTTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2, warnings: [] });
		expect(await db.query(`select u.code as unit, r.is_head from rating r join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ unit: 'C70010101', is_head: true },
			{ unit: 'C70010102', is_head: true }
		]);
	});
});
