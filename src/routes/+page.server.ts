// Tổng quan: KPI cards, the four charts and the statistical signals for one year (?nam=, default the latest with data) and
// one unit (?dv=, default the caller's whole scope, its lineage followed). Reads the marts.
import { getDb } from '$lib/server/db';
import { ensureMarts, findingsByRule, kpis, levelSeries, localities, signalsInView, trendSeries, yearRows } from '$lib/server/queries/dashboard';
import { SIGNALS } from '$lib/server/rules/signals';
import { focusOrNotice, intParam, resolveScope } from '$lib/server/queries/scope';
import { unitOptions } from '$lib/server/queries/units';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const { focus, notice } = await focusOrNotice(db, scope, url.searchParams.get('dv'));
	await ensureMarts(db);
	const { rows, years } = await yearRows(db, focus);
	const asked = intParam(url, 'nam');
	const year = asked && years.includes(asked) ? asked : (years[0] ?? null);
	const row = rows.find((r) => r.year === year) ?? null;
	const [k, loc, rules, signals, units] = await Promise.all([
		row ? kpis(db, focus, row) : null,
		year ? localities(db, focus, year) : null,
		year ? findingsByRule(db, focus, year) : [],
		year ? signalsInView(db, focus, year) : [],
		unitOptions(db, scope)
	]);
	return {
		focus: { code: focus.code, name: focus.name, predecessors: focus.predecessors, subPredecessors: focus.subPredecessors, partial: focus.partial },
		notice,
		dv: url.searchParams.get('dv') ?? '',
		years,
		year,
		askedYear: asked,
		kpis: k,
		levels: levelSeries(rows),
		trend: trendSeries(rows),
		localities: loc,
		rules,
		signals: signals.map((s) => ({ ...s, label: SIGNALS[s.signal].vi })),
		units
	};
};
