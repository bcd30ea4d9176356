// A group row "Đảng viên miễn công tác và sinh hoạt đảng" gives its status to the rows below it until
// the next group: any numbered one ("II | Cán bộ, công chức đang công tác", "B | …") or an unnumbered
// "ĐẢNG VIÊN ĐANG SINH HOẠT" heading (stage.ts applySectionRows).
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024']];
const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Tình trạng'];

describe('the exemption of a group row ends with the group', () => {
	it.each([
		[['II', 'Cán bộ, công chức đang công tác', '', '', '']],
		[['', 'ĐẢNG VIÊN ĐANG SINH HOẠT', '', '', '']],
		[['B', 'Đang sinh hoạt tại chi bộ', '', '', '']]
	])('next group %j: its members are not exempt', async (next) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, HEAD,
			['I', 'Đảng viên miễn công tác và sinh hoạt đảng', '', '', ''],
			['1', 'Trần Văn Bảo', '1938', '03/02/1960', ''],
			next,
			['2', 'Nguyễn Văn An', '1970', '03/02/1995', ''],
			['3', 'Hoàng Văn Em', '1980', '03/02/2005', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded' });
		// (only the three members: an unnumbered heading stored as a fourth is another matter, as before)
		expect((await db.query<{ status: string }>(`select m.status from membership m join person p on p.id = m.person_id
			where p.full_name in ('Trần Văn Bảo', 'Nguyễn Văn An', 'Hoàng Văn Em') order by m.source_row`)).map((m) => m.status))
			.toEqual(['exempt', 'official', 'official']);
	});
});
