// Turns the caller's scope (locals.scope) and an optional selected unit (?dv=CODE) into what every
// page query filters by: the unit path prefixes in view. A selected unit brings its lineage
// predecessors (merged, split, renamed units) so that trends across years follow it (RULES.md,
// hierarchy). Access is decided here: a unit outside the scope (and not a predecessor of the scope
// root) is a 404, as if it did not exist.
import { error, isHttpError } from '@sveltejs/kit';
import type { Scope } from '$lib/domain/scope';
import { type Db, scopePath } from '../db';

export interface ScopeInfo {
	code: string | null;
	name: string;
	path: string;
	/** path prefixes the caller may read: the scope path and its root's lineage predecessors */
	allowed: string[];
}

export interface Focus {
	code: string | null;
	name: string;
	path: string;
	/** the focus and its lineage predecessors, as path prefixes; pass as $prefixes (JSON) */
	prefixes: string[];
	/** predecessor units followed, for the page to say so */
	predecessors: Array<{ code: string; name: string }>;
}

/** A CTE `view_unit`: the units under any of $prefixes (a JSON array of path prefixes). */
export const VIEW_UNIT_CTE = `view_unit as (
	select u.* from unit u
	semi join (select unnest(from_json($prefixes, '["VARCHAR"]')) as p) x on starts_with(u.path, x.p)
)`;

async function predecessors(db: Db, code: string): Promise<Array<{ code: string; name: string; path: string }>> {
	return db.query(
		`with recursive pred(code) as (
			select from_code from unit_lineage where to_code = $code
			union
			select l.from_code from unit_lineage l join pred on l.to_code = pred.code
		)
		select u.code, u.name, u.path from pred join unit u using (code) where u.path is not null order by u.code`,
		{ code }
	);
}

export async function resolveScope(db: Db, scope: Scope): Promise<ScopeInfo> {
	if (!scope.unitCode) return { code: null, name: 'Toàn quốc', path: '/', allowed: ['/'] };
	let path: string;
	try {
		path = await scopePath(db, scope.unitCode);
	} catch (e) {
		error(403, `Phạm vi truy cập không hợp lệ: ${(e as Error).message} Hãy nạp danh mục đơn vị hoặc sửa GIAMSAT_SCOPE.`);
	}
	const row = await db.one<{ name: string }>('select name from unit where code = $c', { c: scope.unitCode });
	const preds = await predecessors(db, scope.unitCode);
	return { code: scope.unitCode, name: row?.name ?? scope.unitCode, path, allowed: [path, ...preds.map((p) => p.path)] };
}

/** The focus of a page: the selected unit (with lineage) or the whole scope. 404 outside scope. */
export async function resolveFocus(db: Db, scope: ScopeInfo, unitCode?: string | null): Promise<Focus> {
	const code = unitCode?.trim() || scope.code;
	if (!code) return { code: null, name: scope.name, path: '/', prefixes: ['/'], predecessors: [] };
	// by code, else by name (the unit box suggests names): one unit of the scope, or none
	const found = await db.query<{ code: string; name: string; path: string | null }>(
		`select code, name, path from unit where upper(code) = upper($c)
		 union all
		 select code, name, path from unit where name_key = unit_key($c) and not exists (select 1 from unit where upper(code) = upper($c))`,
		{ c: code }
	);
	// a name without its kind words ("thu nghiem mot", "Đoàn Kết"): the units of that bare name, read
	// only when code and full name found none (the key of every unit is a pass over the registry)
	if (!found.length)
		found.push(...(await db.query<{ code: string; name: string; path: string | null }>(
			`select code, name, path from unit where unit_bare_key(name) = unit_bare_key($c)`, { c: code })));
	const inScope = found.filter((u) => u.path && scope.allowed.some((p) => u.path!.startsWith(p)));
	if (inScope.length > 1) error(404, `Tên "${code}" trùng ${inScope.length} đơn vị trong phạm vi được xem: nhập mã đơn vị.`);
	const u = inScope[0] as { code: string; name: string; path: string } | undefined;
	if (!u) error(404, `Không có đơn vị mã hoặc tên "${code}" trong phạm vi được xem.`);
	const preds = await predecessors(db, u.code);
	return {
		code: u.code,
		name: u.name,
		path: u.path,
		prefixes: [u.path, ...preds.map((p) => p.path)],
		predecessors: preds.map(({ code, name }) => ({ code, name }))
	};
}

/**
 * The focus a page's unit box asks for; a unit not found (or several of that name) leaves the page
 * on the caller's whole scope with the reason as a notice, the filters in place, instead of an
 * error page that drops them.
 */
export async function focusOrNotice(db: Db, scope: ScopeInfo, unitCode: string | null): Promise<{ focus: Focus; notice: string | null }> {
	try {
		return { focus: await resolveFocus(db, scope, unitCode), notice: null };
	} catch (e) {
		if (!unitCode?.trim() || !isHttpError(e, 404)) throw e;
		return { focus: await resolveFocus(db, scope, null), notice: `${e.body.message} Đang hiển thị toàn bộ phạm vi.` };
	}
}

/** Query parameters for VIEW_UNIT_CTE. */
export function viewParams(f: Focus): { prefixes: string } {
	return { prefixes: JSON.stringify(f.prefixes) };
}

/** A positive integer from the URL, or the fallback. */
export function intParam(url: URL, name: string, fallback: number | null = null): number | null {
	const v = url.searchParams.get(name);
	if (v === null || v.trim() === '') return fallback;
	const n = Number(v);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}
