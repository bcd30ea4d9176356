// Statistical screens beyond the written rules (sql/signals/*.sql): units whose excellent share is
// far above their locality's peers, member lists copied year after year, large gaps between
// self-rating and final rating. They are signals, not findings: stored apart (table signal) and
// labelled as such wherever shown. Their settings are statistics, not law, so they live here and
// not in a rulebook; runner.ts sets them as session variables next to the rulebook's.
import { sqlLiteral, type Variable } from './rulebook';

export const SIGNALS = {
	excellent_outlier: {
		vi: 'Tỷ lệ HTXSNV cao bất thường so với các đơn vị cùng địa bàn',
		doc: 'robust z-score của tỷ lệ HTXSNV của chi bộ so với các chi bộ cùng huyện/xã (trung vị, MAD)'
	},
	identical_years: {
		vi: 'Danh sách xếp loại giống hệt nhiều năm liền',
		doc: 'mọi đảng viên giữ nguyên mức xếp loại qua nhiều năm liên tiếp'
	},
	self_gap: {
		vi: 'Chênh lệch lớn giữa mức tự xếp loại và mức được quyết định',
		doc: 'tỷ lệ đảng viên có mức quyết định cách mức tự xếp loại từ 2 bậc trở lên'
	}
} as const;
export type SignalId = keyof typeof SIGNALS;
export const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

/** The settings of the screens (each read in SQL as getvariable('sig_…')). */
export const SIGNAL_SETTINGS = {
	/** a unit is judged only with at least this many member ratings */
	sig_min_rated: 5,
	/** … and only among at least this many peers in its locality */
	sig_min_peers: 5,
	/** robust z-score from which a unit's excellent share is an outlier (Iglewicz–Hoaglin: 3.5) */
	sig_outlier_z: 3.5,
	/** MAD -> standard deviation of a normal distribution */
	sig_mad_scale: 1.4826,
	/** mean absolute deviation -> standard deviation, when the MAD is 0 */
	sig_meanad_scale: 1.2533,
	/** identical lists in this many consecutive years, the audited one included */
	sig_identical_years: 3,
	/** a gap of this many levels between self-rating and final rating */
	sig_gap_levels: 2,
	/** … in at least this share of a unit's ratings */
	sig_gap_share: 0.2
} as const;

export function signalVariables(): Variable[] {
	return Object.entries(SIGNAL_SETTINGS).map(([name, value]) => ({ name, value, sql: sqlLiteral(value) }));
}

export interface Signal {
	signal: SignalId;
	year: number;
	unit_id: number | null;
	unit_code: string | null;
	unit_name: string | null;
	score: number | null;
	message: string;
	evidence: Record<string, unknown>;
}
