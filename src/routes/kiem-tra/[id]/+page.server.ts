// Một lượt kiểm tra: the run exactly as stored (rulebooks, variables, fingerprint, warnings, counts,
// findings, signals), its findings cut to the caller's scope and paged (?qt=, ?trang=).
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { ruleParam } from '$lib/server/queries/findings';
import { runDetail } from '$lib/server/queries/runs';
import { intParam, positiveInt, resolveScope } from '$lib/server/queries/scope';
import { SIGNALS } from '$lib/server/rules/signals';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const id = positiveInt(params.id);
	if (id === null) error(404, `Không có lượt kiểm tra "${params.id}".`);
	// (the rule by its id or its number, as on Phát hiện)
	const rule = ruleParam(url);
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const page = intParam(url, 'trang', 1)!;
	const run = await runDetail(db, scope, id, { rule, page, pageSize: PAGE_SIZE });
	if (!run) error(404, `Không có lượt kiểm tra số ${id} trong phạm vi được xem.`);
	const signalLabels = Object.fromEntries(Object.entries(SIGNALS).map(([k, v]) => [k, v.vi])) as Record<string, string>;
	return { run, rule, page, pageSize: PAGE_SIZE, signalLabels };
};
