// Lượt kiểm tra: the stored audit runs the caller may see, newest first (?nam=, ?trang=).
import { getDb } from '$lib/server/db';
import { runList } from '$lib/server/queries/runs';
import { intParam, resolveScope } from '$lib/server/queries/scope';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const year = intParam(url, 'nam');
	const page = intParam(url, 'trang', 1)!;
	const { rows, total, years } = await runList(db, scope, { year, page, pageSize: PAGE_SIZE });
	return { rows, total, years, year, page, pageSize: PAGE_SIZE, scoped: scope.code !== null };
};
