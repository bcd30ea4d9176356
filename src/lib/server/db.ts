// The one module that imports @duckdb/node-api. It opens one instance per database file per process,
// applies sql/schema migrations in order, and turns DuckDB values into plain JS at the edge
// (BIGINT -> number, DATE -> 'yyyy-mm-dd'), so callers and SvelteKit's json() never see bigint.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export type Row = Record<string, unknown>;
export type Params = Record<string, DuckDBValue | number | string | boolean | null>;

/** Project root: where sql/ and data/ live (cwd for the CLI, the server and the tests). */
export const ROOT = resolve(process.env.GIAMSAT_ROOT ?? process.cwd());

export function defaultDbPath(): string {
	return process.env.GIAMSAT_DB ?? join(ROOT, 'data', 'giamsat.duckdb');
}

const sqlCache = new Map<string, string>();
/** Text of a file under sql/, e.g. sqlFile('rules/excellent_cap.sql'). */
export function sqlFile(rel: string): string {
	let text = sqlCache.get(rel);
	if (text === undefined) {
		text = readFileSync(join(ROOT, 'sql', rel), 'utf8');
		sqlCache.set(rel, text);
	}
	return text;
}

function toJs(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) {
		const iso = v.toISOString();
		return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
	}
	if (Array.isArray(v)) return v.map(toJs);
	if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
		const out: Row = {};
		for (const [k, x] of Object.entries(v)) out[k] = toJs(x);
		return out;
	}
	return v;
}

/** A connection with the small typed helpers every server module uses. */
export class Db {
	constructor(
		readonly conn: DuckDBConnection,
		readonly instance: DuckDBInstance,
		readonly path: string
	) {}

	async query<T = Row>(sql: string, params?: Params): Promise<T[]> {
		const reader = await this.conn.runAndReadAll(sql, params as Record<string, DuckDBValue>);
		return reader.getRowObjectsJS().map((r) => toJs(r) as T);
	}

	async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
		return (await this.query<T>(sql, params))[0];
	}

	/** Run a statement (or several, without params). */
	async run(sql: string, params?: Params): Promise<void> {
		await this.conn.run(sql, params as Record<string, DuckDBValue>);
	}

	/**
	 * Run fn inside one transaction on a connection of its own, so that reads from other requests
	 * never land inside it. After any error DuckDB refuses every statement until ROLLBACK: we do it.
	 */
	async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
		return this.session((db) => db.inTransaction(() => fn(db)));
	}

	/** Run fn on a connection of its own (its temp tables and variables its own), without a
	 * transaction: work that prepares in temp tables before one (the ingest) begins it there. */
	async session<T>(fn: (db: Db) => Promise<T>): Promise<T> {
		const conn = await this.instance.connect();
		try {
			return await fn(new Db(conn, this.instance, this.path));
		} finally {
			conn.closeSync();
		}
	}

	/** Run fn inside one transaction on this connection; rolled back on any error. */
	async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
		await this.conn.run('begin transaction');
		try {
			const out = await fn();
			await this.conn.run('commit');
			return out;
		} catch (e) {
			await this.conn.run('rollback').catch(() => {});
			throw e;
		}
	}

	/** A second connection on the same instance (for work that sets session variables). */
	async fork(): Promise<Db> {
		return new Db(await this.instance.connect(), this.instance, this.path);
	}

	close(): void {
		this.conn.closeSync();
	}
}

const open = new Map<string, Promise<Db>>();

/**
 * The database at `path` (default: GIAMSAT_DB or data/giamsat.duckdb), opened once per process and
 * migrated. ':memory:' gives a fresh private database on every call (tests).
 */
export function getDb(path: string = defaultDbPath()): Promise<Db> {
	if (path === ':memory:') return openDb(path);
	const key = resolve(path);
	let db = open.get(key);
	if (!db) {
		db = openDb(key);
		open.set(key, db);
		db.catch(() => open.delete(key));
	}
	return db;
}

/** Close the database at `path` so another process may open it (tests, the CLI before exit). */
export async function closeDb(path: string = defaultDbPath()): Promise<void> {
	const key = resolve(path);
	const db = open.get(key);
	if (!db) return;
	open.delete(key);
	const d = await db;
	d.close();
	d.instance.closeSync();
}

/**
 * DuckDB's default limit is 80 % of RAM, which leaves Node too little: a national year (13 M rows in
 * one transaction) was OOM-killed at 24 GB. Half of RAM (or GIAMSAT_MEMORY, e.g. '8GB'); beyond it
 * DuckDB spills to <database>.tmp.
 */
function memoryLimit(): string {
	return process.env.GIAMSAT_MEMORY ?? `${Math.max(1, Math.floor(totalmem() / 2 ** 30 / 2))}GB`;
}

async function openDb(path: string): Promise<Db> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	let instance: DuckDBInstance;
	try {
		// checkpoint_threshold: a national year's audit writes ~30 MB of findings (the sources of
		// 2025's 300 000 reorganised organisations); at DuckDB's default 16 MB the next run's commit
		// paid an automatic checkpoint of 1–3 s, where checkpointing the same writes once later
		// (closeDb, or past 256 MB) took 0,2 s (npm run bench -- rules counts that final checkpoint)
		// (lambdas as "lambda x: …" only: the arrow "x -> …" is deprecated and refused here, so that
		// none comes back before a DuckDB release drops it)
		instance = await DuckDBInstance.create(path, { memory_limit: memoryLimit(), checkpoint_threshold: '256MB', lambda_syntax: 'DISABLE_SINGLE_ARROW' });
	} catch (e) {
		const msg = String((e as Error).message ?? e);
		if (/lock/i.test(msg))
			throw new Error(
				`Không mở được cơ sở dữ liệu ${path}: tệp đang được một tiến trình khác giữ để ghi ` +
					`(thường là máy chủ Giám Sát đang chạy). Hãy dừng tiến trình đó, nạp tệp qua trang ` +
					`"Nạp dữ liệu" của máy chủ, hoặc chọn tệp khác bằng --db.`
			);
		throw e;
	}
	const db = new Db(await instance.connect(), instance, path);
	// the times stored ("nạp lúc", "chạy lúc") and current_date are Vietnam's, whatever the server's
	// clock zone: a run at 01:00 in Hà Nội is not dated the day before (ICU, set once connected: it
	// loads then, not from the instance's options)
	await db.run(`set global TimeZone = 'Asia/Ho_Chi_Minh'`);
	await migrate(db);
	return db;
}

/** Apply sql/schema/*.sql not yet applied, in file-name order, each in its own transaction. */
export async function migrate(db: Db): Promise<string[]> {
	await db.run(
		'create table if not exists schema_migration (name varchar primary key, applied_at timestamp default current_timestamp)'
	);
	const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
	// the macros first: a migration may re-derive a stored key through them (unit.name_key)
	await db.run(readFileSync(join(ROOT, 'sql', 'functions.sql'), 'utf8'));
	// and the reference tables: a migration may read them (011: unit.province_code from provinces.csv)
	await loadReference(db);
	const dir = join(ROOT, 'sql', 'schema');
	const applied: string[] = [];
	for (const name of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
		if (done.has(name)) continue;
		await db.tx(async (t) => {
			await t.run(readFileSync(join(dir, name), 'utf8'));
			await t.run('insert into schema_migration (name) values ($name)', { name });
		});
		applied.push(name);
	}
	// into the file at once, not left in the write-ahead log: DuckDB 1.5 cannot replay an ALTER TABLE
	// … ADD COLUMN on a table whose defaults call nextval (010), so a process killed before its next
	// checkpoint left a database that would not open (test/integration/ingest/kill.test.ts)
	if (applied.length) await db.run('checkpoint');
	return applied;
}

/** Reference tables rebuilt from data/reference on every open: they are versioned data, not state. */
async function loadReference(db: Db): Promise<void> {
	const dir = join(ROOT, 'data', 'reference');
	if (!existsSync(dir)) return;
	for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
		const table = 'ref_' + f.replace(/\.csv$/, '').replace(/[^a-z0-9]+/gi, '_');
		const path = join(dir, f).replaceAll("'", "''");
		await db.run(
			`create or replace table ${table} as select * from read_csv('${path}', header = true, all_varchar = true)`
		);
	}
}

/** The unit a scope stands for, its code as the registry writes it and its path ('/' = whole
 * country); the code in any case, as ?dv= takes it ("xa700401"); unknown scope unit -> error. */
export async function scopeUnit(db: Db, unitCode: string | null): Promise<{ code: string | null; path: string }> {
	if (!unitCode) return { code: null, path: '/' };
	// the code as written first: the case-blind match reads every unit
	const row =
		(await db.one<{ code: string; path: string }>('select code, path from unit where code = $code', { code: unitCode })) ??
		(await db.one<{ code: string; path: string }>('select code, path from unit where upper(code) = upper($code) order by code limit 1', { code: unitCode }));
	if (!row?.path) throw new Error(`Không có đơn vị mã "${unitCode}" trong danh mục đơn vị.`);
	return row;
}

/** The unit path a scope stands for (scopeUnit). */
export async function scopePath(db: Db, unitCode: string | null): Promise<string> {
	return (await scopeUnit(db, unitCode)).path;
}
