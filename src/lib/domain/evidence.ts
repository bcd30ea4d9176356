// A finding's stored evidence (sql/rules/*.sql, json_object) as a reader of the run's page wants it:
// Vietnamese labels for the keys the rules write, dates dd/mm/yyyy, numbers vi-VN, yes/no. A key no
// label names is shown as written (a rule added later still shows all it stored).
import { fmtDate, fmtNum } from '../format';
import { LEVELS, SUBJECT_KINDS } from './levels';

const LABELS: Record<string, string> = {
	check: 'Kiểm tra',
	status: 'Tình trạng',
	level: 'Mức xếp loại',
	org_level: 'Mức của tổ chức',
	leader_level: 'Mức của cá nhân lãnh đạo',
	collective_level: 'Mức của tập thể',
	civil_servant_level: 'Mức công chức, viên chức',
	max_level: 'Mức cao nhất được phép',
	max_level_without_exception: 'Mức cao nhất khi không có ngoại lệ',
	band_level: 'Mức theo khung điểm',
	bands: 'Khung điểm',
	score: 'Điểm',
	decided_on: 'Ngày quyết định',
	reviewed_on: 'Ngày kiểm điểm',
	civil_servant_decided_on: 'Ngày xếp loại công chức',
	joined_party_on: 'Ngày vào Đảng',
	founded_on: 'Ngày thành lập',
	dissolved_on: 'Ngày giải thể',
	counted_from: 'Tính từ ngày',
	oldest_predecessor: 'Đơn vị tiền thân sớm nhất',
	as_of: 'Xét tại ngày',
	full_on: 'Đủ thời hạn ngày',
	deadline: 'Hạn',
	latest_decided_on: 'Quyết định muộn nhất',
	days_late: 'Số ngày trễ',
	lists: 'Các danh sách',
	months: 'Số tháng',
	min_days: 'Số ngày tối thiểu',
	sick_leave_days: 'Số ngày nghỉ ốm',
	not_rated_reason: 'Lý do không xếp loại',
	reason: 'Lý do',
	namesake_rated: 'Người cùng tên được xếp loại',
	namesake_card: 'Số thẻ người cùng tên',
	excellent: 'Số HTXSNV',
	good: 'Số HTTNV',
	good_or_above: 'Số HTTNV trở lên',
	complete_or_above: 'Số HTNV trở lên',
	incomplete: 'Số KHTNV',
	members_rated: 'Số đảng viên được xếp loại',
	denominator: 'Mẫu số',
	denominator_count: 'Số ở mẫu số',
	share: 'Tỷ lệ',
	allowed: 'Số được phép',
	allowance: 'Được cộng thêm',
	left_out: 'Số HTXSNV không tính (được cho phép vượt tỷ lệ)',
	left_out_units: 'Đơn vị được cho phép vượt tỷ lệ',
	excess: 'Số vượt',
	small_unit: 'Đơn vị nhỏ',
	small_unit_below: 'Đơn vị nhỏ: dưới',
	grouping: 'Nhóm',
	group_name: 'Nhóm',
	needed_good_share: 'Tỷ lệ HTTNV trở lên cần có',
	needed_complete_share: 'Tỷ lệ HTNV trở lên cần có',
	incomplete_share_limit: 'Tỷ lệ KHTNV tối đa',
	form: 'Hình thức kỷ luật',
	self_remedied: 'Tự phát hiện, khắc phục',
	disciplined: 'Bị kỷ luật',
	disciplines: 'Các quyết định kỷ luật',
	head: 'Người đứng đầu',
	headed_unit: 'Đơn vị đứng đầu',
	newcomer: 'Mới chuyển đến',
	unit: 'Đơn vị',
	unit_kind: 'Loại đơn vị',
	deciding_unit_kind: 'Loại cấp quyết định',
	agency: 'Cơ quan',
	member: 'Đảng viên',
	person: 'Người',
	organisation: 'Tổ chức',
	collective: 'Tập thể',
	leadership: 'Tập thể lãnh đạo',
	leadership_member: 'Thành viên tập thể lãnh đạo',
	sub_unit: 'Đơn vị trực thuộc',
	sub_units: 'Các đơn vị trực thuộc',
	cadre: 'Cán bộ',
	civil_servant: 'Công chức, viên chức',
	flagged: 'Vi phạm',
	subject_kind: 'Đối tượng',
	rows: 'Số dòng'
};

const CHECKS: Record<string, string> = {
	roster_member_not_rated: 'đảng viên trong danh sách đảng viên không có kết quả xếp loại',
	listed_member_not_rated: 'đảng viên trong danh sách xếp loại không có mức',
	no_review: 'không có ngày kiểm điểm',
	new_not_reviewed: 'chưa xếp loại vì mới kết nạp, mới thành lập, nhưng không có ngày kiểm điểm',
	rated_before_review: 'xếp loại trước ngày kiểm điểm',
	unit_not_rated: 'tổ chức không có kết quả xếp loại',
	late_list: 'danh sách quyết định sau hạn',
	member_before_civil_servant: 'xếp loại đảng viên trước xếp loại công chức',
	higher_before_lower: 'cấp trên xếp loại trước cấp dưới'
};

// discipline forms as stored (schema 004), what a register's row was disciplined for (R2, R10);
// the rules' messages word them in SQL (discipline_form_vi, sql/functions.sql): keep the two alike
export const DISCIPLINE_FORMS: Record<string, string> = {
	khien_trach: 'Khiển trách',
	canh_cao: 'Cảnh cáo',
	cach_chuc: 'Cách chức',
	khai_tru: 'Khai trừ',
	giai_tan: 'Giải tán',
	// the State's forms (a register's "Hình thức kỷ luật chính quyền", NĐ 335) and a row with only those
	ha_bac_luong: 'Hạ bậc lương',
	giang_chuc: 'Giáng chức',
	buoc_thoi_viec: 'Buộc thôi việc',
	none: 'không kỷ luật đảng',
	other: 'hình thức khác'
};
const REASONS: Record<string, string> = {
	person: 'người bị kỷ luật',
	state: 'người bị kỷ luật chính quyền',
	member: 'đảng viên bị kỷ luật',
	organisation: 'tổ chức bị kỷ luật',
	sub_unit: 'tổ chức trực thuộc bị kỷ luật',
	leadership_member: 'thành viên tập thể bị kỷ luật'
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One stored value as text: a date dd/mm/yyyy, a number vi-VN, true/false Có/Không, a list or an
 * object item by item. */
export function evidenceValue(v: unknown, key = ''): string {
	if (v === null || v === undefined) return '—';
	if (typeof v === 'boolean') return v ? 'Có' : 'Không';
	// (a level is stored as its rank, 1–4)
	if (typeof v === 'number' && /(^|_)level$/.test(key)) return LEVELS.find((l) => l.rank === v)?.short ?? fmtNum(v, 2);
	if (typeof v === 'number') return fmtNum(v, 2);
	if (typeof v === 'string') {
		if (key === 'check') return CHECKS[v] ?? v;
		if (key === 'subject_kind') return SUBJECT_KINDS[v as keyof typeof SUBJECT_KINDS] ?? v;
		if (key === 'form') return DISCIPLINE_FORMS[v] ?? v;
		if (key === 'reason') return REASONS[v] ?? v;
		return ISO_DATE.test(v) ? fmtDate(v) : v;
	}
	if (Array.isArray(v)) return v.map((x) => evidenceValue(x)).join('; ');
	return Object.entries(v as Record<string, unknown>)
		.map(([k, x]) => `${evidenceLabel(k)}: ${evidenceValue(x, k)}`)
		.join(', ');
}

export function evidenceLabel(key: string): string {
	return LABELS[key] ?? key;
}

/** The evidence's entries to show, labelled, nulls left out. */
export function evidenceRows(evidence: Record<string, unknown>): Array<{ label: string; value: string }> {
	return Object.entries(evidence)
		.filter(([, v]) => v !== null && v !== undefined)
		.map(([k, v]) => ({ label: evidenceLabel(k), value: evidenceValue(v, k) }));
}
