// Stacked bars of the four levels' shares per year (member ratings of the year): the dashboard's and
// the unit page's "Cơ cấu xếp loại qua các năm". Pure: rows in, ECharts option out.
import { LEVELS } from '../domain/levels';
import { fmtInt, fmtPct, fmtPctTick } from '../format';
import { FONT, LEVEL_COLORS, TEXT } from './palette';
import type { ChartOption } from './types';

export interface LevelYearRow {
	year: number;
	/** rated subjects at each level: rank 4..1 */
	counts: Record<number, number>;
}

export function levelSharesOptions(rows: LevelYearRow[]): ChartOption {
	const sorted = [...rows].sort((a, b) => a.year - b.year);
	const totals = sorted.map((r) => LEVELS.reduce((s, l) => s + (r.counts[l.rank] ?? 0), 0));
	return {
		textStyle: { fontFamily: FONT, color: TEXT },
		grid: { left: 48, right: 16, top: 48, bottom: 32 },
		legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			formatter: (ps) => {
				const list = (Array.isArray(ps) ? ps : [ps]) as Array<{ dataIndex: number; seriesIndex: number; marker: string }>;
				if (!list.length) return '';
				const i = list[0].dataIndex;
				const r = sorted[i];
				const lines = list.map((p) => {
					const l = LEVELS[p.seriesIndex];
					const n = r.counts[l.rank] ?? 0;
					return `${p.marker}${l.vi}: <b>${fmtPct(totals[i] ? n / totals[i] : null)}</b> (${fmtInt(n)})`;
				});
				return [`Năm ${r.year} — ${fmtInt(totals[i])} lượt xếp loại`, ...lines].join('<br/>');
			}
		},
		xAxis: { type: 'category', data: sorted.map((r) => String(r.year)) },
		yAxis: { type: 'value', max: 100, axisLabel: { formatter: fmtPctTick } },
		series: LEVELS.map((l) => ({
			type: 'bar' as const,
			name: l.vi,
			stack: 'levels',
			barMaxWidth: 56,
			itemStyle: { color: LEVEL_COLORS[l.rank] },
			data: sorted.map((r, i) => (totals[i] ? Math.round(((r.counts[l.rank] ?? 0) / totals[i]) * 1000) / 10 : 0))
		}))
	};
}
