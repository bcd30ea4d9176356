// Phát hiện: the findings in force (latest audit run per period and unit), filtered by year, rule,
// status and unit (?nam=&qt=&tt=&dv=), paged (?trang=).
import { error } from '@sveltejs/kit';
import { RULES, type RuleId } from '$lib/domain/anomaly';
import { getDb } from '$lib/server/db';
import { findingsPage, findingYears, PAGE_SIZE } from '$lib/server/queries/findings';
import { intParam, resolveFocus, resolveScope } from '$lib/server/queries/scope';
import { unitOptions } from '$lib/server/queries/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const focus = await resolveFocus(db, scope, url.searchParams.get('dv'));
	// the rule's id, or its number as every page shows it ("R1", "r1")
	const asked = url.searchParams.get('qt') || null;
	const rule = asked && ((Object.keys(RULES) as RuleId[]).find((id) => id === asked || RULES[id].no === asked.toUpperCase()) ?? null);
	if (asked && !rule) error(400, `Không có quy tắc "${asked}": dùng R1–R10 hoặc chọn trong danh sách.`);
	const tt = url.searchParams.get('tt');
	// violations by default: exemptions (merged units not new, small chi bộ…) are on request
	const status = tt === 'exempted' ? 'exempted' : tt === 'all' ? null : 'flagged';
	const year = intParam(url, 'nam');
	const page = intParam(url, 'trang', 1)!;
	const [years, result, units] = await Promise.all([
		findingYears(db, focus),
		findingsPage(db, focus, { year, rule: rule as RuleId | null, status, page }),
		unitOptions(db, scope)
	]);
	return {
		focus: { code: focus.code, name: focus.name, predecessors: focus.predecessors },
		filter: { year, rule, status, dv: url.searchParams.get('dv') ?? '' },
		years,
		rows: result.rows,
		total: result.total,
		page,
		pageSize: PAGE_SIZE,
		units
	};
};
