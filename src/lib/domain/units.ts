// Unit kinds in Vietnamese (the codes sql/ingest/registry.sql stores via data/reference/unit_kind_alias.csv),
// for pages and exports. Added by the pages work; additive.
export const UNIT_KINDS: Record<string, string> = {
	tinh_uy: 'Tỉnh ủy, Thành ủy',
	huyen_uy: 'Huyện ủy, Thị ủy, Quận ủy, Đảng ủy khối',
	dang_bo_co_so: 'Đảng bộ cơ sở',
	chi_bo_co_so: 'Chi bộ cơ sở',
	dang_bo_bo_phan: 'Đảng bộ bộ phận',
	chi_bo_truc_thuoc: 'Chi bộ trực thuộc',
	to_dang: 'Tổ đảng',
	co_quan: 'Cơ quan'
};

/** Unit kinds that carry a rating of their own (tổ đảng and plain agencies do not). */
export const RATED_UNIT_KINDS = ['huyen_uy', 'dang_bo_co_so', 'chi_bo_co_so', 'dang_bo_bo_phan', 'chi_bo_truc_thuoc'] as const;

export function unitKindVi(kind: string | null | undefined): string {
	return kind ? (UNIT_KINDS[kind] ?? kind) : '—';
}

/**
 * What a unit's figures across years take in beyond its own predecessors (queries/scope.ts,
 * sql/queries/unit_history.sql): the predecessors of its sub-units, and the split ones left out.
 */
export function historyNote(f: { subPredecessors?: number; partial?: Array<{ code: string; name: string }> }): string {
	const parts: string[] = [];
	if (f.subPredecessors) parts.push(`Gồm cả ${f.subPredecessors.toLocaleString('vi-VN')} đơn vị tiền thân của các đơn vị trực thuộc.`);
	if (f.partial?.length)
		parts.push(
			`Đơn vị tiền thân đã chia tách cho cả đơn vị khác chỉ được tính phần chuyển về đây: ${f.partial.map((p) => `${p.name} (${p.code})`).join(', ')}.`
		);
	return parts.join(' ');
}
