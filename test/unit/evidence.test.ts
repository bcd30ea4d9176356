// A finding's stored evidence as the run's page shows it: Vietnamese labels, dd/mm/yyyy, vi-VN
// numbers, Có/Không; a key no label names shown as written.
import { describe, expect, it } from 'vitest';
import { evidenceRows } from '../../src/lib/domain/evidence';

describe('evidence rows', () => {
	it('label the keys the rules write and format their values; nulls left out', () => {
		expect(
			evidenceRows({
				check: 'roster_member_not_rated',
				joined_party_on: '2019-05-31',
				namesake_rated: false,
				not_rated_reason: null,
				share: 0.3333,
				lists: [{ unit: 'C70010101', subject_kind: 'member', decided_on: '2024-12-20', rows: 12 }],
				some_new_key: 'x',
				max_level: 2,
				disciplines: [{ reason: 'organisation', form: 'khien_trach', decided_on: '2020-04-04', self_remedied: true }]
			})
		).toEqual([
			{ label: 'Kiểm tra', value: 'đảng viên trong danh sách đảng viên không có kết quả xếp loại' },
			{ label: 'Ngày vào Đảng', value: '31/05/2019' },
			{ label: 'Người cùng tên được xếp loại', value: 'Không' },
			{ label: 'Tỷ lệ', value: '0,33' },
			{ label: 'Các danh sách', value: 'Đơn vị: C70010101, Đối tượng: Đảng viên, Ngày quyết định: 20/12/2024, Số dòng: 12' },
			{ label: 'some_new_key', value: 'x' },
			{ label: 'Mức cao nhất được phép', value: 'HTNV' },
			{ label: 'Các quyết định kỷ luật', value: 'Lý do: tổ chức bị kỷ luật, Hình thức kỷ luật: Khiển trách, Ngày quyết định: 04/04/2020, Tự phát hiện, khắc phục: Có' }
		]);
	});
});
