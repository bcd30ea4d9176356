// GET /phat-hien/xuat?nam=&qt=&tt=&dv=: the findings the page shows with the same filters, every page
// of them, as an XLSX list (export/findings-xlsx.ts), within the caller's scope.
import { RULES } from '$lib/domain/anomaly';
import { getDb } from '$lib/server/db';
import { findingsXlsx } from '$lib/server/export/findings-xlsx';
import { findingFilterOf, findingsPage } from '$lib/server/queries/findings';
import { resolveFocus, resolveScope } from '$lib/server/queries/scope';
import type { RequestHandler } from './$types';

/** At most this many findings in one workbook: past it, Excel slows to a crawl; the title says so. */
const EXPORT_MAX = 100_000;

export const GET: RequestHandler = async ({ locals, url }) => {
	const db = await getDb();
	const scope = await resolveScope(db, locals.scope);
	const focus = await resolveFocus(db, scope, url.searchParams.get('dv'));
	const filter = { ...findingFilterOf(url), page: 1 };
	// (every source row of each finding: the ratings a request to redo them must name)
	const { rows, total } = await findingsPage(db, focus, filter, EXPORT_MAX, 1_000_000);
	const said = [
		filter.year ? `Năm ${filter.year}` : 'Mọi năm',
		...(filter.period ? [filter.period.label] : []),
		filter.rule ? `${RULES[filter.rule].no} · ${RULES[filter.rule].vi}` : 'mọi quy tắc',
		filter.status === 'flagged' ? 'vi phạm' : filter.status === 'exempted' ? 'miễn trừ' : 'vi phạm và miễn trừ',
		focus.name
	].join(' · ');
	// (the lists are issued by the caller's scope: its name heads them; the whole country, blank to fill)
	const issuer = { name: scope.code ? scope.name : null };
	const body = await findingsXlsx(rows, { filters: said, exportedAt: new Date(), total, issuer });
	const name = ['sai-pham', filter.year, filter.rule ? RULES[filter.rule].no : null, focus.code].filter(Boolean).join('-');
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}.xlsx"`
		}
	});
};
