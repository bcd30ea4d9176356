// Đơn vị: the units in the caller's scope, searchable by code or name (accents optional), by kind.
import { getDb } from '$lib/server/db';
import { intParam, resolveScope } from '$lib/server/queries/scope';
import { unitList } from '$lib/server/queries/units';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const search = url.searchParams.get('q')?.trim() || null;
	const kind = url.searchParams.get('loai') || null;
	const page = intParam(url, 'trang', 1)!;
	const { rows, total } = await unitList(db, scope, { search, kind, page, pageSize: PAGE_SIZE });
	return { rows, total, page, pageSize: PAGE_SIZE, filter: { q: search ?? '', loai: kind ?? '' } };
};
