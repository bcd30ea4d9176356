// An HTML table saved as .xls (the usual export of web systems; Excel opens it as a sheet): read
// into a grid as Excel shows it: the text above and below the tables one line a row (the title
// lines), each <tr> a row, <td>/<th> its cells with colspan/rowspan spread, tags stripped,
// entities decoded.
import { isUtf8 } from 'node:buffer';
import { decodeText } from './encoding';

/** Whether a file's first bytes are HTML (not a CSV that happens to hold a "<"). */
export function looksHtml(head: Buffer): boolean {
	const t = head.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
	return /^<(!doctype\s+html|html|head|body|meta|table|style)\b/i.test(t) || (/^<\?xml/i.test(t) && /<html\b/i.test(t));
}

/** Excel's own "XML Spreadsheet 2003" (.xls/.xml): not read, named for what it is. */
export function looksSpreadsheetXml(head: Buffer): boolean {
	return /urn:schemas-microsoft-com:office:spreadsheet/.test(head.subarray(0, 4096).toString('latin1')) && !/<table\b/i.test(head.toString('latin1'));
}

export function decodeHtml(bytes: Buffer): { text: string; encoding: string } {
	const charset = bytes.subarray(0, 4096).toString('latin1').match(/charset\s*=\s*["']?\s*([\w-]+)/i)?.[1]?.toLowerCase();
	if ((!charset || charset === 'utf-8' || charset === 'utf8') && isUtf8(bytes)) return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), encoding: 'html' };
	const d = decodeText(bytes);
	return { text: d.text, encoding: `html+${d.encoding}` };
}

// the Latin-1 names (HTML 4: &nbsp; … &yuml;, U+00A0–U+00FF, in order) and a few others
const LATIN1 =
	'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(' ');
const ENTITIES = new Map<string, string>([
	...LATIN1.map((n, i) => [n, String.fromCharCode(0xa0 + i)] as [string, string]),
	['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['ndash', '–'], ['mdash', '—'], ['hellip', '…'],
	['Dstrok', 'Đ'], ['dstrok', 'đ'], ['ldquo', '“'], ['rdquo', '”'], ['lsquo', '‘'], ['rsquo', '’']
]);

function cellText(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (m, e: string) => {
			if (e[0] === '#') {
				const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
				return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
			}
			return ENTITIES.get(e) ?? m;
		})
		.replace(/[\s\u00a0]+/g, ' ')
		.trim()
		.normalize('NFC');
}

/** One table's rows, spans spread: a rowspan's text stands in every row it covers (as the xlsx
 * reader gives a vertical merge), a colspan's in its first column only. */
function tableRows(table: string): string[][] {
	const grid: string[][] = [];
	const rows = [...table.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/table>|$)/gi)].map((m) => m[1]);
	rows.forEach((tr, r) => {
		const out = (grid[r] ??= []);
		let c = 0;
		for (const m of tr.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)(?=<\/?(?:td|th|tr)\b|$)/gi)) {
			while (out[c] !== undefined) c++;
			const span = (name: string) => Math.max(1, Math.min(1000, Number(m[2].match(new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i'))?.[1] ?? 1)));
			const [cols, down] = [span('colspan'), span('rowspan')];
			const text = cellText(m[3]);
			for (let dr = 0; dr < down && r + dr < rows.length; dr++) {
				const row = (grid[r + dr] ??= []);
				for (let dc = 0; dc < cols; dc++) row[c + dc] = dc === 0 ? text : '';
			}
			c += cols;
		}
	});
	return grid.map((row) => Array.from(row, (v) => v ?? ''));
}

/** The grid of an HTML page: its text lines and its tables, top to bottom. */
export function htmlGrid(html: string): string[][] {
	const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '');
	const grid: string[][] = [];
	const lines = (text: string) => {
		for (const l of text.split(/<(?:br|\/?p|\/?div|\/?h[1-6]|\/?li|\/?center)\b[^>]*>/i)) {
			const t = cellText(l);
			if (t) grid.push([t]);
		}
	};
	let at = 0;
	for (const m of body.matchAll(/<table\b[\s\S]*?<\/table\s*>/gi)) {
		lines(body.slice(at, m.index));
		grid.push(...tableRows(m[0]));
		at = m.index! + m[0].length;
	}
	lines(body.slice(at));
	while (grid.length && grid[grid.length - 1].every((c) => !c.trim())) grid.pop();
	return grid;
}
