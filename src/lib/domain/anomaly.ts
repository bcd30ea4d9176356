// The shape of a finding, shared by the rule runner, the pages, the exports and the generator's
// truth file. `subject_ref` is how a finding and a planted case (truth.jsonl) are matched.

export const RULES = {
	excellent_cap: { no: 'R1', vi: 'Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ' },
	disciplined_not_incomplete: { no: 'R2', vi: 'Bị kỷ luật nhưng không xếp Không hoàn thành nhiệm vụ' },
	leader_above_unit: { no: 'R3', vi: 'Mức xếp loại cao hơn tập thể / tổ chức / công chức' },
	missing_review: { no: 'R4', vi: 'Thiếu kiểm điểm, thiếu xếp loại, nộp muộn' },
	org_level_vs_members: { no: 'R5', vi: 'Mức của chi bộ không khớp kết quả đảng viên' },
	sick_leave_cap: { no: 'R6', vi: 'Nghỉ ốm từ 3 tháng nhưng xếp loại tốt trở lên' },
	rated_too_early: { no: 'R7', vi: 'Xếp loại khi chưa đủ 6 tháng' },
	order_of_rating: { no: 'R8', vi: 'Sai trình tự xếp loại' },
	score_band: { no: 'R9', vi: 'Mức xếp loại vượt khung điểm / thiếu điểm' },
	collective_with_disciplined: { no: 'R10', vi: 'Xuất sắc khi có cấp dưới / thành viên bị kỷ luật' }
} as const;
export type RuleId = keyof typeof RULES;

export type FindingStatus = 'flagged' | 'exempted';

/** A finding's status and severity in words (pages, exports, the CLI). */
export const STATUS_VI: Record<FindingStatus, string> = { flagged: 'Vi phạm', exempted: 'Miễn trừ' };
export const SEVERITY_VI: Record<'high' | 'medium' | 'low', string> = { high: 'Cao', medium: 'Trung bình', low: 'Thấp' };

/**
 * subject_ref, the identity of what a finding is about:
 * - a person: their card number, else `${fold(full name)}|${birth date yyyy-mm-dd or birth year}`
 * - a unit (party_org, leadership, a missing list): `unit:${unit code}`
 * - a group count (R1): `group:${grouping}` where grouping is `unit` (the chi bộ) or `decider`
 *   (the deciding body over everything it decides for one subject kind)
 * A finding is matched to truth on (rule, year, period_kind, period_no, unit_code, subject_ref).
 */
/** What an R1 grouping finding counts: a chi bộ's members (an agency's civil servants, who have no
 * chi bộ grouping), or everything a deciding body decides; null for a person's or a unit's finding. */
export function groupingVi(subjectRef: string, subjectKind: string | null): string | null {
	if (subjectRef === 'group:unit') return subjectKind === 'civil_servant' ? 'trong cơ quan' : 'trong chi bộ';
	if (subjectRef === 'group:decider') return 'toàn bộ do cấp quyết định';
	return null;
}

export interface FindingKey {
	rule: RuleId;
	year: number;
	period_kind: 'year' | 'quarter' | 'term';
	period_no: number;
	unit_code: string;
	subject_ref: string;
}

export function findingKey(k: FindingKey): string {
	return [k.rule, k.year, k.period_kind, k.period_no, k.unit_code, k.subject_ref].join('|');
}

/** fold() of the SQL macro, in TS: NFC, accents and đ folded, lower-case, single spaces; the
 * look-alikes (ð, zero-width characters) as the letters they look like, or nothing. */
export function fold(s: string): string {
	// (header search folds every cell of a file's first rows: char by char through FOLDED takes a
	// third of the time of foldSlow's NFD pass, which a string with any other letter still takes)
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
		else if (c < 0x300 || c > 0x36f) {
			const f = FOLDED.get(c);
			if (f === undefined) return foldSlow(s);
			out += f;
		}
	}
	out = out.trim();
	return /\s\s|[\t\n\v\f\r]/.test(out) ? out.replace(/\s+/g, ' ') : out;
}

function foldSlow(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đð]/g, 'd')
		.replace(/[ĐÐ]/g, 'D')
		// (the look-alikes of lookalikes() in sql/functions.sql: zero-width spaces and joiners)
		.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
		.toLowerCase()
		.trim()
		.replace(/\s+/g, ' ');
}

/** the precomposed Latin letters (Vietnamese among them), each as foldSlow folds it */
const FOLDED = new Map<number, string>();
for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]])
	for (let c = from; c <= to; c++) if (!/\s/.test(String.fromCharCode(c))) FOLDED.set(c, foldSlow(String.fromCharCode(c)));

/** One stored finding (a row of the anomaly table, as runAudit and showRun return it). */
export interface Finding {
	rule: RuleId;
	status: FindingStatus;
	/** the rulebook whose parameters decided it (the civil-servant one for civil-servant ratings) */
	rulebook: string;
	year: number;
	period_kind: 'year' | 'quarter' | 'term';
	period_no: number;
	unit_id: number | null;
	unit_code: string | null;
	unit_name: string | null;
	deciding_unit_id: number | null;
	deciding_unit_code: string | null;
	subject_kind: string | null;
	person_id: number | null;
	subject_unit_id: number | null;
	subject_ref: string;
	subject_name: string | null;
	subject_card: string | null;
	subject_birth_date: string | null;
	/** the birth year, also where only the year is known */
	subject_birth_year: number | null;
	severity: 'high' | 'medium' | 'low';
	/** Vietnamese, states the fact with its numbers */
	message: string;
	evidence: Record<string, unknown>;
	source_file: string | null;
	source_row: number | null;
	sources: Array<{ file: string; row: number }>;
}
