// The times the store records ("nạp lúc", "chạy lúc") are Vietnam's, whatever the server's clock
// zone (this machine's is UTC): a list loaded at 01:00 in Hà Nội is not dated the day before.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../../src/lib/server/db';
import { vnIso } from '../../../src/lib/format';
import { tempDir } from '../../helpers/files';

describe('the store\'s clock', () => {
	it('records times in Vietnam time (UTC+7)', async () => {
		const path = join(tempDir(), 'tz.duckdb');
		const db = await getDb(path);
		const before = vnIso(new Date());
		const row = await db.one<{ tz: string; now: string }>(`select current_setting('TimeZone') as tz, strftime(cast(current_timestamp as timestamp), '%Y-%m-%dT%H:%M:%S') as now`);
		const after = vnIso(new Date());
		expect(row?.tz).toBe('Asia/Ho_Chi_Minh');
		expect(row!.now >= before.slice(0, 19) && row!.now <= after.slice(0, 19)).toBe(true);
		await closeDb(path);
	});
});
