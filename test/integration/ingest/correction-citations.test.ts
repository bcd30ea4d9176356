// A line citing an amended document ("(… đã sửa đổi)", "Kèm theo … đã sửa đổi", "Mẫu … (thay thế …)"),
// or a file name holding folded "dinh chinh" ("Quyết định chính thức"), does not mark a list as a
// correction (correction_line / corrects): of two versions, the one loaded last is current.
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = 'DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024';
const list = (dir: string, name: string, extra: string | null, an: string) =>
	writeXlsx(dir, name, [
		['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], [TITLE],
		...(extra ? [[extra]] : []),
		['(Kèm theo Nghị quyết số 05-NQ/CB ngày 05/12/2024 của Chi bộ thôn 1)'],
		['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ ĐV', 'Tự xếp loại', 'Chi bộ quyết định'],
		[1, 'Nguyễn Văn An', '1970', '70012345', 'HTXSNV', an]
	]);

describe('citations are no correction marker: the one loaded last is current', () => {
	it.each([
		['thon1-a.xlsx', '(Ban hành kèm theo Hướng dẫn số 25-HD/BTCTW (đã sửa đổi))'],
		['thon1-a.xlsx', '(Áp dụng Điều lệ Đảng (đã sửa đổi, bổ sung))'],
		['thon1-a.xlsx', 'Kèm theo Quy định số 124-QĐ/TW ngày 04/10/2023 đã sửa đổi'],
		['thon1-a.xlsx', 'Mẫu 02-XL (thay thế Mẫu 02 ban hành kèm theo Hướng dẫn số 12-HD/ĐU)'],
		['Quyet dinh chinh thuc - thon 1.xlsx', null]
	])('%s with line %s, listed first', async (name, extra) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [await list(dir, name, extra, 'HTXSNV'), await list(dir, 'thon1-b.xlsx', null, 'HTTNV')]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query('select f.file_name as file, r.final_level from rating_current r join source_file f on f.id = r.source_file_id')).toEqual([
			{ file: 'thon1-b.xlsx', final_level: 3 }
		]);
	});
});
