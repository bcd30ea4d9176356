// What an R1 grouping finding is said to count, on the findings pages: an agency's civil servants
// are counted within the agency, not "in the chi bộ" (their rows are placed in the party unit the
// agency belongs to, which the finding's unit column names).
import { describe, expect, it } from 'vitest';
import { groupingVi } from '../../src/lib/domain/anomaly';

describe('groupingVi', () => {
	it('a chi bộ\'s members, an agency\'s civil servants, a deciding body\'s whole; none for a person', () => {
		expect(groupingVi('group:unit', 'member')).toBe('trong chi bộ');
		expect(groupingVi('group:unit', 'civil_servant')).toBe('trong cơ quan');
		expect(groupingVi('group:decider', 'leader')).toBe('toàn bộ do cấp quyết định');
		expect(groupingVi('70012345', 'member')).toBeNull();
	});
});
