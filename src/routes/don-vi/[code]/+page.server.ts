// Một đơn vị: its record and lineage, member levels across years (its lineage predecessors'
// years included), its own ratings, the findings in force about it and its subtree, its sub-units
// with their figures for one year (?nam=).
import { error } from '@sveltejs/kit';
import { vnIso } from '$lib/format';
import { getDb } from '$lib/server/db';
import { ensureMarts, levelSeries, trendSeries, yearRows } from '$lib/server/queries/dashboard';
import { findingsPage } from '$lib/server/queries/findings';
import { intParam, resolveFocus, resolveScope } from '$lib/server/queries/scope';
import { children, lineage, ownRatings, unitRecord } from '$lib/server/queries/units';
import type { PageServerLoad } from './$types';

const FINDINGS_SHOWN = 20;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const focus = await resolveFocus(db, scope, params.code);
	const unit = await unitRecord(db, focus.code!);
	if (!unit) error(404, `Không có đơn vị mã "${params.code}".`);
	await ensureMarts(db);
	const { rows, years } = await yearRows(db, focus);
	const asked = intParam(url, 'nam');
	const year = asked && years.includes(asked) ? asked : (years[0] ?? Number(vnIso(new Date()).slice(0, 4)));
	const [lin, own, kids, findings] = await Promise.all([
		lineage(db, focus.code!),
		ownRatings(db, focus),
		children(db, focus, year),
		findingsPage(db, focus, { year: null, rule: null, status: null, page: 1 }, FINDINGS_SHOWN)
	]);
	return {
		unit,
		predecessors: focus.predecessors,
		subPredecessors: focus.subPredecessors,
		partial: focus.partial,
		lineage: lin,
		years,
		year,
		levels: levelSeries(rows),
		trend: trendSeries(rows),
		own,
		children: kids,
		findings: findings.rows,
		findingTotal: findings.total
	};
};
