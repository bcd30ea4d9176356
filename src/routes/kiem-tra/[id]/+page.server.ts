// Một lượt kiểm tra: the run exactly as stored (rulebooks, variables, fingerprint, warnings, counts,
// findings, signals), its findings cut to the caller's scope and paged (?qt=, ?trang=).
import { error } from '@sveltejs/kit';
import { RULES, type RuleId } from '$lib/domain/anomaly';
import { getDb } from '$lib/server/db';
import { runDetail } from '$lib/server/queries/runs';
import { SIGNALS } from '$lib/server/rules/signals';
import { intParam, resolveScope } from '$lib/server/queries/scope';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const id = Number(params.id);
	if (!Number.isInteger(id) || id <= 0) error(404, `Không có lượt kiểm tra "${params.id}".`);
	const rule = url.searchParams.get('qt') || null;
	if (rule && !(rule in RULES)) error(400, `Không có quy tắc "${rule}".`);
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const page = intParam(url, 'trang', 1)!;
	const run = await runDetail(db, scope, id, { rule: rule as RuleId | null, page, pageSize: PAGE_SIZE });
	if (!run) error(404, `Không có lượt kiểm tra số ${id} trong phạm vi được xem.`);
	const signalLabels = Object.fromEntries(Object.entries(SIGNALS).map(([k, v]) => [k, v.vi])) as Record<string, string>;
	return { run, rule, page, pageSize: PAGE_SIZE, signalLabels };
};
