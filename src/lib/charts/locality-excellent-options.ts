// Ranked horizontal bars of the excellent share (HTXSNV among members rated) by locality: provinces
// for a country-wide view, districts/communes inside one province. Highest at the top.
import { fmtInt, fmtPct, fmtPctTick } from '../format';
import { FONT, LEVEL_COLORS, TEXT } from './palette';
import type { ChartOption } from './types';

export interface LocalityRow {
	name: string;
	excellent: number;
	rated: number;
}

/** Rows ranked by share (desc), ties by name; localities with nobody rated are left out. */
export function rankLocalities(rows: LocalityRow[]): Array<LocalityRow & { share: number }> {
	return rows
		.filter((r) => r.rated > 0)
		.map((r) => ({ ...r, share: r.excellent / r.rated }))
		.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name, 'vi'));
}

/** Bars shown at once; more scroll (the communes of a province are a hundred and more). */
export const LOCALITY_BARS_SHOWN = 30;

export function localityExcellentOptions(rows: LocalityRow[]): ChartOption {
	const ranked = rankLocalities(rows);
	const scroll = ranked.length > LOCALITY_BARS_SHOWN;
	return {
		textStyle: { fontFamily: FONT, color: TEXT },
		grid: { left: 8, right: scroll ? 72 : 56, top: 8, bottom: 24, containLabel: true },
		// the first LOCALITY_BARS_SHOWN ranks, the rest by the scroll bar or the mouse wheel
		...(scroll
			? {
					dataZoom: [
						{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: LOCALITY_BARS_SHOWN - 1, width: 14, right: 8, showDetail: false, brushSelect: false },
						{ type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true }
					]
				}
			: {}),
		tooltip: {
			trigger: 'item',
			formatter: (p) => {
				const r = ranked[(p as { dataIndex: number }).dataIndex];
				return `${r.name}<br/>HTXSNV: ${fmtInt(r.excellent)} / ${fmtInt(r.rated)} = <b>${fmtPct(r.share)}</b>`;
			}
		},
		xAxis: { type: 'value', axisLabel: { formatter: fmtPctTick } },
		yAxis: {
			type: 'category',
			inverse: true,
			data: ranked.map((r) => r.name),
			axisLabel: { width: 180, overflow: 'truncate' }
		},
		series: [
			{
				type: 'bar',
				name: 'Tỷ lệ HTXSNV',
				barMaxWidth: 22,
				itemStyle: { color: LEVEL_COLORS[4] },
				label: { show: true, position: 'right', formatter: (p) => fmtPct(Number(p.value) / 100) },
				data: ranked.map((r) => Math.round(r.share * 1000) / 10)
			}
		]
	};
}

/** Height in px for n ranked bars (those shown at once), so long lists stay readable. */
export function localityChartHeight(n: number): number {
	return Math.max(200, 40 + Math.min(n, LOCALITY_BARS_SHOWN) * 28);
}
