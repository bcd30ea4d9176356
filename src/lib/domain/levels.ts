// The four rating levels and the subject kinds, shared by server and pages.
// Levels are stored as 1..4 (incomplete..excellent) so that "above" is `>` in SQL.

export const LEVELS = [
	{ rank: 4, code: 'excellent', vi: 'Hoàn thành xuất sắc nhiệm vụ', short: 'HTXSNV' },
	{ rank: 3, code: 'good', vi: 'Hoàn thành tốt nhiệm vụ', short: 'HTTNV' },
	{ rank: 2, code: 'complete', vi: 'Hoàn thành nhiệm vụ', short: 'HTNV' },
	{ rank: 1, code: 'incomplete', vi: 'Không hoàn thành nhiệm vụ', short: 'KHTNV' }
] as const;

export type LevelCode = (typeof LEVELS)[number]['code'];
export type LevelRank = 1 | 2 | 3 | 4;

export function levelByRank(rank: number | null | undefined) {
	return LEVELS.find((l) => l.rank === rank) ?? null;
}

export const SUBJECT_KINDS = {
	party_org: 'Tổ chức đảng',
	leadership: 'Tập thể lãnh đạo, quản lý',
	member: 'Đảng viên',
	leader: 'Cá nhân cán bộ lãnh đạo, quản lý',
	civil_servant: 'Cán bộ, công chức, viên chức'
} as const;

export type SubjectKind = keyof typeof SUBJECT_KINDS;

/** A member's status as stored (person.status, sql/schema/003_person.sql), in words. */
export const MEMBER_STATUSES: Record<string, string> = {
	official: 'Chính thức',
	probationary: 'Dự bị',
	temporary: 'Sinh hoạt tạm thời',
	exempt: 'Miễn sinh hoạt',
	suspended: 'Đình chỉ sinh hoạt',
	left: 'Đã ra khỏi chi bộ'
};

/** A rating's period: a year, a quarter of a year, or a term ending in `year`. */
export type PeriodKind = 'year' | 'quarter' | 'term';
/** A period kind in words ("theo quý", a "what if" line's "năm, quý, nhiệm kỳ"). */
export const PERIOD_KINDS: Record<PeriodKind, string> = { year: 'năm', quarter: 'quý', term: 'nhiệm kỳ' };

/** The longest term Giám Sát takes for one (a cấp ủy's is five years; ten allows a term written
 * across two): a sanity bound on what a file says, not a rule threshold. sql/ingest/rating.sql
 * checks the same span on the rows (bad_period_span). */
export const MAX_TERM_YEARS = 10;

/** A term is a span of years, first before last: "Nhiệm kỳ 2020–2025". */
export function isValidTerm(first: number, last: number): boolean {
	return Number.isInteger(first) && Number.isInteger(last) && first < last && last - first <= MAX_TERM_YEARS;
}
export interface Period {
	year: number;
	kind: PeriodKind;
	/** quarter 1..4; for a term its first year; 0 for a plain year */
	no: number;
}

export const FILE_KINDS = {
	registry: 'Danh mục đơn vị',
	roster: 'Danh sách đảng viên',
	rating: 'Danh sách xếp loại',
	discipline: 'Sổ kỷ luật',
	civil_servant: 'Xếp loại công chức, viên chức'
} as const;
export type FileKind = keyof typeof FILE_KINDS;
