// The anomaly rate across years: findings (bars, left axis) and findings per 100 ratings (line,
// right axis), so a year with more lists loaded is not mistaken for a worse year.
import { fmtInt, fmtNum } from '../format';
import { ACCENT, FLAGGED_COLOR, FONT, TEXT } from './palette';
import type { ChartOption } from './types';

export interface TrendRow {
	year: number;
	findings: number;
	ratings: number;
}

/** Findings per 100 ratings, one decimal; null when the year has no ratings. */
export function ratePer100(r: TrendRow): number | null {
	return r.ratings > 0 ? Math.round((r.findings / r.ratings) * 1000) / 10 : null;
}

export function anomalyTrendOptions(rows: TrendRow[]): ChartOption {
	const sorted = [...rows].sort((a, b) => a.year - b.year);
	return {
		textStyle: { fontFamily: FONT, color: TEXT },
		grid: { left: 48, right: 56, top: 48, bottom: 32 },
		legend: { top: 0, itemWidth: 14, itemHeight: 10 },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: sorted.map((r) => String(r.year)) },
		yAxis: [
			{ type: 'value', name: 'Phát hiện', minInterval: 1, nameTextStyle: { align: 'left' } },
			{ type: 'value', name: '/100 lượt', splitLine: { show: false }, axisLabel: { formatter: (v: number) => fmtNum(v) } }
		],
		series: [
			{
				type: 'bar',
				name: 'Số phát hiện',
				barMaxWidth: 40,
				itemStyle: { color: FLAGGED_COLOR, opacity: 0.35 },
				tooltip: { valueFormatter: (v) => fmtInt(Number(v)) },
				data: sorted.map((r) => r.findings)
			},
			{
				type: 'line',
				name: 'Phát hiện trên 100 lượt xếp loại',
				yAxisIndex: 1,
				symbolSize: 8,
				itemStyle: { color: ACCENT },
				lineStyle: { width: 3 },
				connectNulls: false,
				tooltip: { valueFormatter: (v) => (v === null || v === undefined ? '—' : fmtNum(Number(v))) },
				data: sorted.map(ratePer100)
			}
		]
	};
}
