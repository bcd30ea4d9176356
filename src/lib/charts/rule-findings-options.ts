// Findings per rule (R1..R10, Vietnamese titles), flagged and (when there are any) exempted stacked:
// the dashboard's "Phát hiện theo quy tắc". Every rule gets a row, zero included, so the chart reads
// the same each year.
import { RULES, type RuleId } from '../domain/anomaly';
import { fmtInt } from '../format';
import { EXEMPTED_COLOR, FLAGGED_COLOR, FONT, TEXT } from './palette';
import type { ChartOption } from './types';

export interface RuleCountRow {
	rule: string;
	flagged: number;
	/** exceptions applied (miễn trừ); absent or 0 → no second series */
	exempted?: number;
}

export const RULE_ORDER = Object.keys(RULES) as RuleId[];

export function ruleLabel(rule: string): string {
	const r = RULES[rule as RuleId];
	return r ? `${r.no} · ${r.vi}` : rule;
}

export function ruleFindingsOptions(rows: RuleCountRow[]): ChartOption {
	const by = new Map(rows.map((r) => [r.rule, r]));
	const labels = RULE_ORDER.map(ruleLabel);
	return {
		textStyle: { fontFamily: FONT, color: TEXT },
		grid: { left: 8, right: 40, top: 32, bottom: 24, containLabel: true },
		legend: { top: 0, itemWidth: 14, itemHeight: 10 },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmtInt(Number(v)) },
		xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: fmtInt } },
		yAxis: {
			type: 'category',
			inverse: true,
			data: labels,
			axisLabel: { width: 250, overflow: 'break', fontSize: 12, lineHeight: 14 }
		},
		series: [
			{
				type: 'bar',
				name: 'Phát hiện',
				stack: 'status',
				barMaxWidth: 18,
				itemStyle: { color: FLAGGED_COLOR },
				data: RULE_ORDER.map((r) => by.get(r)?.flagged ?? 0)
			},
			...(rows.some((r) => (r.exempted ?? 0) > 0)
				? [
						{
							type: 'bar' as const,
							name: 'Miễn trừ',
							stack: 'status',
							barMaxWidth: 18,
							itemStyle: { color: EXEMPTED_COLOR },
							data: RULE_ORDER.map((r) => by.get(r)?.exempted ?? 0)
						}
					]
				: [])
		]
	};
}
