// vi-VN formatting used by every page: thousands with dots, decimal commas, dd/mm/yyyy dates.
import { describe, expect, it } from 'vitest';
import { fmtDate, fmtDateTime, fmtDateTimeVn, fmtInt, fmtNum, fmtPct, fmtPeriod, fmtSignalMeasure, fmtValue, share } from '../../src/lib/format';

describe('format', () => {
	it('numbers in vi-VN', () => {
		expect(fmtInt(1234567)).toBe('1.234.567');
		expect(fmtInt(0)).toBe('0');
		expect(fmtInt(null)).toBe('—');
		expect(fmtNum(92.5)).toBe('92,5');
		expect(fmtNum(3.14159, 2)).toBe('3,14');
	});
	it('percentages with a decimal comma', () => {
		expect(fmtPct(0.1234)).toBe('12,3%');
		expect(fmtPct(0.2)).toBe('20,0%');
		expect(fmtPct(1, 0)).toBe('100%');
		expect(fmtPct(null)).toBe('—');
		expect(fmtPct(Number.NaN)).toBe('—');
	});
	it('shares never divide by zero', () => {
		expect(share(1, 4)).toBe(0.25);
		expect(share(1, 0)).toBeNull();
		expect(share(null, 3)).toBeNull();
	});
	it("a run's session variables as read: dates, numbers, lists and objects in Vietnamese, nothing raw", () => {
		const vars = { period_start: '2026-01-01', period_year: 2026, r1_share: 0.2, sig_mad_scale: 1.4826, r9_min_good: null, r9_enabled: true, r10_enabled: false };
		expect(Object.entries(vars).map(([k, v]) => fmtValue(v, k))).toEqual(['01/01/2026', '2026', '0,2', '1,4826', '—', 'có', 'không']);
		expect(fmtValue(['khien_trach', 'canh_cao'])).toBe('khien_trach, canh_cao');
		expect(fmtValue([])).toBe('—');
		expect(fmtValue({})).toBe('—');
		expect(fmtValue([{ province: '*', kind: 'chi_bo_co_so', md: '12-01' }, { province: '*', kind: 'dang_bo_co_so', md: '12-10' }])).toBe(
			'province: *, kind: chi_bo_co_so, md: 01/12; province: *, kind: dang_bo_co_so, md: 10/12'
		);
		expect(fmtValue({ T70: 0.25 })).toBe('T70: 0,25');
		expect(fmtValue(10000)).toBe('10.000');
	});
	it("a signal's measure in its own unit: a z-score, a share of members, years", () => {
		expect(fmtSignalMeasure('excellent_outlier', 5.2213)).toBe('z = 5,2');
		expect(fmtSignalMeasure('self_gap', 0.4)).toBe('40,0%');
		expect(fmtSignalMeasure('identical_years', 3)).toBe('3 năm');
		expect(fmtSignalMeasure('self_gap', null)).toBe('—');
	});
	it('dates dd/mm/yyyy', () => {
		expect(fmtDate('2024-12-05')).toBe('05/12/2024');
		expect(fmtDate('2025-11-26T08:05:00.000Z')).toBe('26/11/2025');
		expect(fmtDate(new Date(Date.UTC(2022, 0, 31)))).toBe('31/01/2022');
		expect(fmtDate(null)).toBe('—');
		expect(fmtDate('không phải ngày')).toBe('—');
		expect(fmtDateTime('2025-11-26 08:05:33')).toBe('26/11/2025 08:05');
		expect(fmtDateTime('2025-11-26T08:05:00.000Z')).toBe('26/11/2025 08:05');
	});
	it('"now" in Vietnam time (UTC+7), whatever the server\'s zone: 00:30 on the 1st is not the 31st', () => {
		expect(fmtDateTimeVn(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026 00:30');
		expect(fmtDateTimeVn(new Date('2025-11-26T04:36:00Z'))).toBe('26/11/2025 11:36');
	});
	it('periods in Vietnamese', () => {
		expect(fmtPeriod(2024, 'year', 0)).toBe('Năm 2024');
		expect(fmtPeriod(2025, 'quarter', 3)).toBe('Quý III/2025');
		expect(fmtPeriod(2025, 'term', 2020)).toBe('Nhiệm kỳ 2020–2025');
	});
});
