// The anomaly rate across years: findings (bars, left axis) and the share of units with at least one
// finding (line, right axis), so a year with more lists loaded is not mistaken for a worse year.
import { fmtInt, fmtPct, fmtPctTick } from '../format';
import { ACCENT, FLAGGED_COLOR, FONT, TEXT } from './palette';
import type { ChartOption } from './types';

export interface TrendRow {
	year: number;
	findings: number;
	/** units with ratings or findings in the year */
	units: number;
	unitsWithFindings: number;
}

/** Share of units with findings, in percent with one decimal; null when the year has no units. */
export function unitRate(r: TrendRow): number | null {
	return r.units > 0 ? Math.round((r.unitsWithFindings / r.units) * 1000) / 10 : null;
}

export function anomalyTrendOptions(rows: TrendRow[]): ChartOption {
	const sorted = [...rows].sort((a, b) => a.year - b.year);
	return {
		textStyle: { fontFamily: FONT, color: TEXT },
		grid: { left: 48, right: 56, top: 56, bottom: 32 },
		legend: { top: 0, itemWidth: 14, itemHeight: 10 },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: sorted.map((r) => String(r.year)) },
		yAxis: [
			{ type: 'value', name: 'Phát hiện', minInterval: 1, nameTextStyle: { align: 'left' }, axisLabel: { formatter: fmtInt } },
			{
				type: 'value',
				name: 'Đơn vị',
				min: 0,
				splitLine: { show: false },
				nameTextStyle: { align: 'right' },
				axisLabel: { formatter: fmtPctTick }
			}
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
				name: 'Tỷ lệ đơn vị có phát hiện',
				yAxisIndex: 1,
				symbolSize: 8,
				itemStyle: { color: ACCENT },
				lineStyle: { width: 3 },
				connectNulls: false,
				tooltip: { valueFormatter: (v) => (v === null || v === undefined ? '—' : fmtPct(Number(v) / 100)) },
				data: sorted.map(unitRate)
			}
		]
	};
}
