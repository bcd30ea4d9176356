// Turns the caller's scope (locals.scope) and an optional selected unit (?dv=CODE) into what every
// page query filters by: the units in view, as path prefixes. A unit's view brings its history:
// the lineage predecessors (merged, split, renamed units) of the unit and of every unit under it,
// so that trends across years follow it (RULES.md, hierarchy); sql/queries/unit_history.sql says
// which past units count. Access is decided here: a unit outside the scope (and not part of the
// scope root's history) is a 404, as if it did not exist.
import { error, isHttpError } from '@sveltejs/kit';
import type { Scope } from '$lib/domain/scope';
import { type Db, scopeUnit, sqlFile } from '../db';

export interface ScopeInfo {
	code: string | null;
	name: string;
	path: string;
	/** view entries the caller may read: the scope path and its history (see inView) */
	allowed: string[];
}

export interface Focus {
	code: string | null;
	name: string;
	path: string;
	/** the focus and its history as view entries (see inView); pass as $prefixes (JSON) */
	prefixes: string[];
	/** the unit's own lineage predecessors followed, for the page to say so */
	predecessors: Array<{ code: string; name: string }>;
	/** predecessors of units under it followed from outside its own predecessors (a chi bộ moved in) */
	subPredecessors: number;
	/** predecessors left out: part of them went to a unit outside this one (a split) */
	partial: Array<{ code: string; name: string }>;
}

/**
 * View entries: path prefixes, an excluded one written '!/path/'; a unit is in view when the
 * longest entry its path starts with is not excluded (a predecessor's part that went elsewhere
 * is cut out of its subtree, a part that came here put back in).
 */
export function inView(entries: string[], path: string | null | undefined): boolean {
	let best = -1;
	let inside = false;
	for (const e of entries) {
		const excluded = e.startsWith('!');
		const p = excluded ? e.slice(1) : e;
		if (path?.startsWith(p) && p.length > best) [best, inside] = [p.length, !excluded];
	}
	return inside;
}

/**
 * A CTE `view_unit`: the units in view by $prefixes (a JSON array of view entries, see inView).
 * Prefix tests as ranges ('/a/' <= path < '/a0', '0' following '/'): DuckDB joins those by sorting
 * where starts_with compared every unit with every entry (seconds on 700 000 units, 40 entries).
 */
export const VIEW_UNIT_CTE = `view_unit as (
	with entry as (
		select ltrim(p, '!') as lo, ltrim(p, '!')[:-2] || '0' as hi, not starts_with(p, '!') as inc
		from (select unnest(from_json($prefixes, '["VARCHAR"]')) as p)
	),
	top as (
		select * from entry i
		where i.inc and not exists (select 1 from entry o where o.inc and o.lo <> i.lo and starts_with(i.lo, o.lo))
	),
	excluded as (
		select u.id from unit u join entry e on not e.inc and u.path >= e.lo and u.path < e.hi
		where not exists (select 1 from entry i where i.inc and length(i.lo) > length(e.lo) and starts_with(u.path, i.lo))
	)
	select u.* from unit u
	join top t on u.path >= t.lo and u.path < t.hi
	anti join excluded x on x.id = u.id
)`;

interface History {
	entries: string[];
	predecessors: Array<{ code: string; name: string }>;
	subPredecessors: number;
	partial: Array<{ code: string; name: string }>;
}

/**
 * The histories worked out, per database, by (unit, path, caller's view): every page asks for its
 * scope's and its focus's, and they change only when a registry load writes units or lineage
 * (forgetUnitHistory). (A province of a national registry: 0,2–0,4 s a request without them.)
 */
const histories = new WeakMap<object, Map<string, Promise<History>>>();
const HISTORIES_KEPT = 500;

/** Drop the histories kept for `db`'s database: its registry has changed (ingest, after a registry load commits). */
export function forgetUnitHistory(db: Db): void {
	histories.delete(db.instance);
}

/** The unit at `path` with its history, as the caller (`within`) may see it: view entries and names. */
function history(db: Db, code: string, path: string, within: string[]): Promise<History> {
	const kept = histories.get(db.instance) ?? new Map<string, Promise<History>>();
	histories.set(db.instance, kept);
	const key = JSON.stringify([code, path, within]);
	let h = kept.get(key);
	if (!h) {
		// (a load committing meanwhile drops this map: what was read before it is not kept after)
		h = readHistory(db, code, path, within);
		h.catch(() => kept.delete(key));
		if (kept.size >= HISTORIES_KEPT) kept.delete(kept.keys().next().value!);
		kept.set(key, h);
	}
	return h;
}

async function readHistory(db: Db, code: string, path: string, within: string[]): Promise<History> {
	const rows = await db.query<{ code: string; name: string; path: string; included: boolean; parent_included: boolean; is_predecessor: boolean; is_own: boolean; is_partial: boolean }>(
		`with q as (\n${sqlFile('queries/unit_history.sql')}\n) select * from q order by path`,
		{ code, path, within: JSON.stringify(within) }
	);
	// the caller's own cuts inside the unit (a scoped user looking at a predecessor of their unit)
	const inner = within.filter((e) => e.replace(/^!/, '').startsWith(path) && e.replace(/^!/, '') !== path);
	return {
		entries: [path, ...inner, ...rows.filter((r) => r.included !== r.parent_included).map((r) => (r.included ? r.path : '!' + r.path))],
		predecessors: rows.filter((r) => r.included && r.is_own).map(({ code, name }) => ({ code, name })),
		// those that came from elsewhere (another đảng bộ, the dissolved district), not with a predecessor
		subPredecessors: rows.filter((r) => r.included && !r.parent_included && !r.is_own).length,
		partial: rows.filter((r) => r.is_partial).map(({ code, name }) => ({ code, name }))
	};
}

export async function resolveScope(db: Db, scope: Scope): Promise<ScopeInfo> {
	if (!scope.unitCode) return { code: null, name: 'Toàn quốc', path: '/', allowed: ['/'] };
	let unit: { code: string | null; path: string };
	try {
		unit = await scopeUnit(db, scope.unitCode);
	} catch (e) {
		error(403, `Phạm vi truy cập không hợp lệ: ${(e as Error).message} Hãy nạp danh mục đơn vị hoặc sửa GIAMSAT_SCOPE.`);
	}
	const code = unit.code!;
	const row = await db.one<{ name: string }>('select name from unit where code = $c', { c: code });
	const h = await history(db, code, unit.path, ['/']);
	return { code, name: row?.name ?? code, path: unit.path, allowed: h.entries };
}

/** The focus of a page: the selected unit (with lineage) or the whole scope. 404 outside scope. */
export async function resolveFocus(db: Db, scope: ScopeInfo, unitCode?: string | null): Promise<Focus> {
	const code = unitCode?.trim() || scope.code;
	if (!code) return { code: null, name: scope.name, path: '/', prefixes: ['/'], predecessors: [], subPredecessors: 0, partial: [] };
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
	const inScope = found.filter((u) => inView(scope.allowed, u.path));
	if (inScope.length > 1) error(404, `Tên "${code}" trùng ${inScope.length} đơn vị trong phạm vi được xem: nhập mã đơn vị.`);
	const u = inScope[0] as { code: string; name: string; path: string } | undefined;
	if (!u) error(404, `Không có đơn vị mã hoặc tên "${code}" trong phạm vi được xem.`);
	const h = await history(db, u.code, u.path, scope.allowed);
	return { code: u.code, name: u.name, path: u.path, prefixes: h.entries, predecessors: h.predecessors, subPredecessors: h.subPredecessors, partial: h.partial };
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

/** A positive integer the database's integer columns hold (years, pages, run ids: at most 2^31−1),
 * or null: "abc", "-1", "0" and a 20-digit number alike (DuckDB refuses past its integer types). */
export function positiveInt(v: string | null | undefined): number | null {
	const n = v == null || v.trim() === '' ? NaN : Number(v);
	return Number.isInteger(n) && n > 0 && n <= 2 ** 31 - 1 ? n : null;
}

/** A positive integer from the URL (positiveInt), or the fallback. */
export function intParam(url: URL, name: string, fallback: number | null = null): number | null {
	return positiveInt(url.searchParams.get(name)) ?? fallback;
}
