// A large, plain member rating list for load tests and the ingest benchmark's smoke run. Names and
// levels vary; a quarter of the rows use NFD text and level abbreviations, like real files.
import { createWriteStream } from 'node:fs';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hương', 'Lan', 'Minh', 'Nam', 'Thảo', 'Tuấn', 'Yến'];
const LEVELS = ['Hoàn thành tốt nhiệm vụ', 'HTTNV', 'Hoàn thành xuất sắc nhiệm vụ', 'HTNV', 'httnv', 'Tốt'];

export async function writeBigRatingCsv(path: string, rows: number, units: string[]): Promise<void> {
	const out = createWriteStream(path);
	out.write('\uFEFFSTT;Họ và tên;Ngày sinh;Số thẻ đảng viên;Mã đơn vị;Xếp loại;Ngày kiểm điểm;Ngày quyết định\r\n');
	let chunk = '';
	for (let i = 1; i <= rows; i++) {
		let name = `${FAMILY[i % 10]} Văn ${GIVEN[(i * 7) % 12]} ${i}`;
		if (i % 4 === 0) name = name.normalize('NFD');
		const d = String((i % 28) + 1).padStart(2, '0');
		const birth = i % 5 === 0 ? String(1960 + (i % 40)) : `${d}/${String((i % 12) + 1).padStart(2, '0')}/${1960 + (i % 40)}`;
		chunk += `${i};${name};${birth};${String(10_000_000 + i)};${units[i % units.length]};${LEVELS[i % LEVELS.length]};20/11/2022;${i % 3 === 0 ? '2022-12-05' : '05/12/2022'}\r\n`;
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
			chunk = '';
		}
	}
	out.write(chunk);
	await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}
