// Phát hiện: the findings in force (latest audit run per period and unit), filtered by year, round,
// rule, status and unit (?nam=&ky=&qt=&tt=&dv=), paged (?trang=).
import { getDb } from '$lib/server/db';
import { findingFilterOf, findingsPage, findingYears, PAGE_SIZE, PERIOD_CHOICES } from '$lib/server/queries/findings';
import { focusOrNotice, resolveScope } from '$lib/server/queries/scope';
import { unitOptions } from '$lib/server/queries/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const { focus, notice } = await focusOrNotice(db, scope, url.searchParams.get('dv'));
	const filter = findingFilterOf(url);
	const [years, result, units] = await Promise.all([
		findingYears(db, focus, filter),
		findingsPage(db, focus, filter),
		unitOptions(db, scope)
	]);
	return {
		focus: { code: focus.code, name: focus.name, predecessors: focus.predecessors, subPredecessors: focus.subPredecessors, partial: focus.partial },
		notice,
		filter: { year: filter.year, ky: url.searchParams.get('ky')?.trim().toLowerCase() ?? '', rule: filter.rule, status: filter.status, dv: url.searchParams.get('dv') ?? '' },
		periods: PERIOD_CHOICES,
		years,
		rows: result.rows,
		total: result.total,
		page: filter.page,
		pageSize: PAGE_SIZE,
		units
	};
};
