// End to end: builds the app, serves it with `node build` over a database filled through the ingest
// (test/e2e/seed.ts), and drives Debian Chromium through every page: Vietnamese headings, real data,
// filters kept in the URL (back button), an upload with its per-file report, screenshots in
// test-results/. Skips only when Chromium is missing outside CI; in CI it must run.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase, uploadFiles, type Seeded } from './seed';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`test/e2e/pages.test.ts bỏ qua: không có ${CHROMIUM} (cài bằng: apt-get install -y chromium). Trong CI (biến CI) bài kiểm tra này bắt buộc chạy.`);

function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const s = createServer();
		s.once('error', fail);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => ok(port));
		});
	});
}

/** Child-process env without vitest's test mode, so the build and the server run as in production. */
function prodEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
	for (const k of Object.keys(env)) if (k.startsWith('VITEST') || k === 'TEST') delete env[k];
	return env;
}

async function waitForServer(base: string, proc: ChildProcess, log: () => string): Promise<void> {
	const until = Date.now() + 30_000;
	while (Date.now() < until) {
		if (proc.exitCode !== null) throw new Error(`node build đã dừng (mã ${proc.exitCode}):\n${log()}`);
		try {
			const r = await fetch(base + '/kiem-tra');
			if (r.ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`node build không trả lời sau 30 giây:\n${log()}`);
}

describe.skipIf(skip)('pages in Chromium', () => {
	let seeded: Seeded;
	let server: ChildProcess;
	let serverLog = '';
	let browser: Browser;
	let page: Page;
	let base: string;
	const pageErrors: string[] = [];

	beforeAll(async () => {
		execFileSync('npx', ['vite', 'build'], { cwd: ROOT, env: prodEnv({}), stdio: 'pipe', timeout: 180_000 });
		seeded = await seedDatabase();
		const port = await freePort();
		base = `http://127.0.0.1:${port}`;
		server = spawn(process.execPath, ['build'], {
			cwd: ROOT,
			env: prodEnv({ GIAMSAT_DB: seeded.dbPath, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, BODY_SIZE_LIMIT: '20M' }),
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout!.on('data', (d) => (serverLog += d));
		server.stderr!.on('data', (d) => (serverLog += d));
		await waitForServer(base, server, () => serverLog);
		mkdirSync(SHOTS, { recursive: true });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
		page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
		page.on('pageerror', (e) => pageErrors.push(e.message));
		page.on('console', (m) => {
			if (m.type() === 'error') pageErrors.push(m.text());
		});
	}, 240_000);

	afterAll(async () => {
		await browser?.close();
		server?.kill('SIGTERM');
		if (seeded) rmSync(seeded.dir, { recursive: true, force: true });
	});

	async function open(path: string, shot: string): Promise<void> {
		const r = await page.goto(base + path, { waitUntil: 'networkidle' });
		expect(r?.status(), `${path}\n${serverLog}`).toBe(200);
		await page.waitForTimeout(400); // chart animations settle before the screenshot
		await page.screenshot({ path: join(SHOTS, `e2e-${shot}.png`), fullPage: true });
	}

	it('Tổng quan: KPIs, four charts, vi-VN numbers, year filter in the URL and the back button', async () => {
		await open('/?nam=2024', 'tong-quan');
		await expect(page.locator('h1').textContent()).resolves.toBe('Tổng quan năm 2024');
		await expect(page.locator('header.site').textContent()).resolves.toContain('Giám Sát — Giám sát đánh giá, xếp loại chất lượng');
		const kpi = (label: string) => page.locator('.kpi', { hasText: label }).locator('.value').textContent();
		await expect(kpi('Số đảng viên được xếp loại')).resolves.toBe('30');
		await expect(kpi('Số phát hiện')).resolves.toBe(String(seeded.facts.findings2024));
		expect(await kpi('Tỷ lệ Hoàn thành xuất sắc nhiệm vụ')).toMatch(/^\d{1,3},\d%$/);
		// every chart drew on its canvas
		await page.locator('.chart canvas').nth(3).waitFor();
		expect(await page.locator('.chart canvas').count()).toBe(4);
		// the data tables behind the charts, in Vietnamese
		const body = await page.locator('main').textContent();
		for (const t of ['Cơ cấu xếp loại đảng viên qua các năm', 'Tỷ lệ HTXSNV theo địa bàn', 'Phát hiện theo quy tắc', 'Phát hiện qua các năm', 'Đoàn Kết', 'Minh Hưng'])
			expect(body).toContain(t);
		// the statistical signals, apart from the rules' findings and said to be no violation
		await expect(page.locator('section.signals h2').textContent()).resolves.toMatch(/^Tín hiệu thống kê — năm 2024 \(không phải vi phạm/);

		await page.selectOption('select[name="nam"]', '2023');
		await page.waitForURL(/nam=2023/);
		await expect(page.locator('h1').textContent()).resolves.toBe('Tổng quan năm 2023');
		await page.goBack();
		await page.waitForURL(/nam=2024/);
		await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Tổng quan năm 2024');
		// the select follows the URL back, not the last click
		await expect(page.locator('select[name="nam"]').inputValue()).resolves.toBe('2024');
	});

	it('Phát hiện: R1 at its two groupings as separate rows, with status, severity and source file and row', async () => {
		await open('/phat-hien?nam=2024&qt=excellent_cap&tt=all', 'phat-hien');
		await expect(page.locator('h1').textContent()).resolves.toBe('Phát hiện');
		const rows = page.locator('table.findings tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(2);
		const text = (await page.locator('table.findings').textContent())!;
		expect(text).toContain('Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ');
		expect(text).toContain('Chi bộ thôn 2');
		expect(text).toContain('Nhóm: trong chi bộ');
		expect(text).toContain('Nhóm: toàn bộ do cấp quyết định');
		expect(text).toMatch(/nguồn: tệp xep-loai-dang-vien-2024\.csv, dòng \d+/);
		expect(text).toContain('Miễn trừ');
		expect(text).toContain('Vi phạm');
		// the rulebook as users cite it, not its id
		expect(text).toContain('QĐ 124-QĐ/TW');
		expect(text).not.toContain('qd124');
		// the filters are the URL: the rule select shows R1 chosen
		await expect(page.locator('select[name="qt"]').inputValue()).resolves.toBe('excellent_cap');

		// (the rule by its number, as every page shows it)
		await open('/phat-hien?nam=2023&qt=R6', 'phat-hien-r6');
		expect(await page.locator('table.findings').textContent()).toContain('nghỉ ốm 120 ngày');
		await expect(page.locator('select[name="qt"]').inputValue()).resolves.toBe('sick_leave_cap');

		// the unit box takes a name as well as a code; a page past the end says so
		await open('/phat-hien?nam=2024&tt=all&dv=' + encodeURIComponent('đảng bộ xã đoàn kết'), 'phat-hien-ten-don-vi');
		expect(await page.locator('main').textContent()).toContain('Đảng bộ xã Đoàn Kết');
		await expect(page.locator('table.findings tbody tr').count()).resolves.toBeGreaterThan(0);
		// the list to attach to a request to redo ratings: the page's filters, every row, as XLSX
		await open('/phat-hien?nam=2024&qt=R1&tt=all', 'phat-hien-r1');
		const shown = await page.locator('table.findings tbody tr').count();
		const href = (await page.locator('a', { hasText: 'Tải danh sách (Excel)' }).getAttribute('href'))!;
		expect(href).toBe('/phat-hien/xuat?nam=2024&qt=R1&tt=all');
		// (a blank template downloads under its Vietnamese name)
		expect((await fetch(base + '/mau/rating.xlsx')).headers.get('content-disposition')).toBe('attachment; filename="mau-danh-sach-xep-loai.xlsx"');
		const res = await fetch(base + href);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="sai-pham-2024-R1.xlsx"');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(await res.arrayBuffer());
		const ws = wb.worksheets[0];
		expect(ws.name).toBe('Tổng hợp');
		expect(ws.getCell('A2').text).toBe('Năm 2024 · R1 · Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ · vi phạm và miễn trừ · Toàn quốc');
		const head = (ws.getRow(5).values as unknown[]).slice(1);
		expect(head).toEqual(expect.arrayContaining(['STT', 'Quy tắc', 'Trạng thái', 'Theo quy định', 'Sai phạm', 'Tệp nguồn', 'Dòng']));
		expect(ws.rowCount - 5).toBe(shown);
		const row = Object.fromEntries(head.map((h, i) => [h, ws.getRow(6).getCell(i + 1).text]));
		expect(row).toMatchObject({ STT: '1', 'Quy tắc': 'R1', 'Theo quy định': 'QĐ 124-QĐ/TW', 'Tệp nguồn': 'xep-loai-dang-vien-2024.csv' });
		expect(row['Sai phạm']).toMatch(/HTXSNV \/ \d+ HTTNV/);
		// then one list per deciding body of the violations (exemptions are no order), to sign
		const overview = Array.from({ length: shown }, (_, i) => Object.fromEntries(head.map((h, c) => [h, ws.getRow(6 + i).getCell(c + 1).text])));
		const flagged = overview.filter((r) => r['Trạng thái'] === 'Vi phạm');
		expect(flagged.length).toBeGreaterThan(0);
		expect(flagged.length).toBeLessThan(shown);
		const bodies = [...new Set(flagged.map((r) => r['Cấp quyết định']))].sort((a, b) => a.localeCompare(b, 'vi'));
		expect(wb.worksheets.slice(1).map((w) => w.name)).toEqual(bodies);
		let ordered = 0;
		for (const [i, body] of bodies.entries()) {
			const order = wb.worksheets[i + 1];
			expect(order.getCell('A6').text).toBe('DANH SÁCH ĐỀ NGHỊ HỦY BỎ KẾT QUẢ VÀ XẾP LOẠI LẠI');
			// (addressed to the committee that decides: "Đảng ủy xã …" for a "Đảng bộ xã …")
			// (Đoàn Kết merged away on 01/07/2025: its sheet says so)
			const [, addressee, gone] = /^Kính gửi: (.+?)( \(đã giải thể ngày \d\d\/\d\d\/\d{4}\))?$/.exec(order.getCell('A9').text)!;
			if (body === 'Đảng bộ xã Đoàn Kết') expect(gone).toBe(' (đã giải thể ngày 30/06/2025)');
			expect([body, body.replace(/^Đảng bộ/, 'Đảng ủy'), `Ban Thường vụ ${body}`]).toContain(addressee);
			expect(order.getCell('A11').text).toBe('STT');
			const n = flagged.filter((r) => r['Cấp quyết định'] === body).length;
			expect(order.getCell(12 + n + 1, 1).text).toMatch(new RegExp(`Đề nghị ${addressee}:$`));
			// R1's findings ask for the excellent levels to be voted again where the cap is passed
			expect(order.getCell(12 + n + 2, 1).text).toBe(`- Xem xét lại kết quả xếp loại "Hoàn thành xuất sắc nhiệm vụ" ở ${n} nơi vượt tỷ lệ quy định (STT ${n > 1 ? `1–${n}` : '1'}), xếp loại lại để số được xếp mức này không vượt tỷ lệ;`);
			ordered += n;
		}
		expect(ordered).toBe(flagged.length);

		// a name without its kind words or accents, as typed in a hurry
		await open('/phat-hien?nam=2024&tt=all&dv=' + encodeURIComponent('doan ket'), 'phat-hien-ten-tat');
		expect(await page.locator('main').textContent()).toContain('Đảng bộ xã Đoàn Kết');

		// a unit the registry does not have: the page stays, filters and all, and says why
		await open('/phat-hien?nam=2024&tt=all&dv=KHONGCO', 'phat-hien-khong-co-don-vi');
		expect(await page.locator('.notice').textContent()).toBe('Không có đơn vị mã hoặc tên "KHONGCO" trong phạm vi được xem. Đang hiển thị toàn bộ phạm vi.');
		await expect(page.locator('select[name="nam"]').inputValue()).resolves.toBe('2024');
		await expect(page.locator('table.findings tbody tr').count()).resolves.toBeGreaterThan(0);
		// and its export is that of what the page shows, the whole scope
		expect(await page.locator('a', { hasText: 'Tải danh sách (Excel)' }).getAttribute('href')).toBe('/phat-hien/xuat?nam=2024&tt=all');
		// numbers past any integer column: as any other odd number, not a server error
		const huge = '99999999999999999999';
		for (const path of [`/phat-hien?nam=${huge}`, `/phat-hien?trang=${huge}`, `/phat-hien/xuat?nam=${huge}`, `/kiem-tra?nam=${huge}&trang=${huge}`])
			expect((await fetch(base + path)).status, path).toBe(200);
		expect((await fetch(`${base}/kiem-tra/${huge}`)).status).toBe(404);

		// a year without findings stays the year chosen, not "Tất cả" over an empty table
		await open('/phat-hien?nam=1999', 'phat-hien-nam-trong');
		await expect(page.locator('select[name="nam"]').inputValue()).resolves.toBe('1999');
		await open('/phat-hien?nam=2024&tt=all&trang=999', 'phat-hien-qua-trang');
		expect(await page.locator('.pager').first().textContent()).toMatch(/Không có trang 999: chỉ có \d+ trang \(/);
	});

	it('Đơn vị: the merged commune follows its predecessors across years; the list finds units without accents', async () => {
		await open('/don-vi/X700199', 'don-vi');
		await expect(page.locator('h1').textContent()).resolves.toContain('Đảng bộ xã Bù Đăng');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain('Hình thành từ');
		expect(main).toContain('Đảng bộ xã Đoàn Kết');
		expect(main).toContain('Đảng bộ xã Minh Hưng');
		// 2022–2024 come from the predecessors (lineage), 2025 from the merged unit's own chi bộ
		const years = await page.locator('.levels table tbody tr td:first-child').allTextContents();
		expect(years).toEqual(['2022', '2023', '2024', '2025']);
		expect(main).toContain('Chi bộ thôn 2');
		// on a 1280-pixel screen no table of a chi bộ's page is cut: each fits its card, long file names broken
		await page.setViewportSize({ width: 1280, height: 900 });
		await open('/don-vi/C70010102', 'don-vi-chi-bo-1280');
		expect(await page.locator('main').textContent()).toContain('danh-sach-xep-loai-to-chuc-dang');
		const cut = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.querySelector('th')?.textContent));
		await page.setViewportSize({ width: 1366, height: 900 });
		expect(cut).toEqual([]);

		await open('/don-vi?q=doan ket', 'don-vi-tim');
		const names = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
		expect(names.map((n) => n.trim())).toEqual(expect.arrayContaining(['Đảng bộ xã Đoàn Kết', 'Chi bộ Trường THCS Đoàn Kết']));
	});

	it('Nạp dữ liệu: uploads two files and shows, per file, what was stored and every refused row', async () => {
		await open('/nap-du-lieu', 'nap-du-lieu-trong');
		const { good, bad } = uploadFiles(seeded.dir);
		// the year and unit typed before the files are chosen stay typed
		await page.fill('input[name="year"]', '2024');
		await page.fill('input[name="unit"]', 'C70010101');
		await page.setInputFiles('input[type="file"][name="files"]', [good, bad]);
		await page.locator('.chosen li').nth(1).waitFor();
		expect(await page.locator('.chosen li').count()).toBe(2);
		await expect(page.locator('input[name="year"]').inputValue()).resolves.toBe('2024');
		await expect(page.locator('input[name="unit"]').inputValue()).resolves.toBe('C70010101');
		await page.fill('input[name="unit"]', '');
		await page.click('button[type="submit"]');
		const report = page.locator('section.report');
		await report.waitFor({ timeout: 60_000 });
		const text = (await report.textContent())!;
		expect(text).toContain('bo-sung-dang-vien-2024.csv');
		expect(text).toContain('Đã nạp');
		expect(text).toContain('xep-loai-loi-2024.csv');
		expect(text).toContain('Bị từ chối');
		expect(text).toContain('Xuất sắc lắm');
		const refused = report.locator('tr', { hasText: 'Xuất sắc lắm' });
		await expect(refused.locator('td').nth(1).textContent()).resolves.toBe('3');
		// and after the load, for the next files
		await expect(page.locator('input[name="year"]').inputValue()).resolves.toBe('2024');
		await page.screenshot({ path: join(SHOTS, 'e2e-nap-du-lieu.png'), fullPage: true });

		// nothing valid sent: the action answers 400 with a Vietnamese message
		const form = new FormData();
		form.append('files', new Blob([]), '');
		const r = await fetch(base + '/nap-du-lieu', { method: 'POST', body: form, headers: { origin: base, 'x-sveltekit-action': 'true', accept: 'application/json' } });
		const json = (await r.json()) as { type: string; status: number; data: string };
		expect(json.type).toBe('failure');
		expect(json.status).toBe(400);
		expect(json.data).toContain('Chưa chọn tệp nào');
	});

	it('Lượt kiểm tra: the stored runs, and one run exactly as stored', async () => {
		await open('/kiem-tra', 'kiem-tra');
		await expect(page.locator('h1').textContent()).resolves.toBe('Lượt kiểm tra');
		const list = (await page.locator('table').textContent())!;
		for (const y of [2022, 2023, 2024, 2025]) expect(list).toContain(`Năm ${y}`);
		// the rule by its number, as Phát hiện takes it
		await open(`/kiem-tra/${seeded.facts.run2022}?qt=R1`, 'kiem-tra-chi-tiet-r1');
		await open(`/kiem-tra/${seeded.facts.run2022}`, 'kiem-tra-chi-tiet');
		const main = (await page.locator('main').textContent())!;
		expect(main).toContain(seeded.facts.fingerprint);
		expect(main).toContain('qd132');
		expect(main).toContain('Phát hiện đã lưu');
	});

	it('no script errors in the browser, no server errors', () => {
		expect(pageErrors).toEqual([]);
		expect(serverLog).not.toMatch(/Error|bigint/i);
	});
});
