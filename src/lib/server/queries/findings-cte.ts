// The CTE prefix every query over findings starts with: view_unit, then cur = the findings in force
// (sql/queries/current_findings.sql). Kept in one place so the dashboard, the findings page and the
// unit page count the same findings.
import { sqlFile } from '../db';
import { VIEW_UNIT_CTE } from './scope';

export function withCurrentFindings(): string {
	return `with ${VIEW_UNIT_CTE},\ncur as (\n${sqlFile('queries/current_findings.sql')}\n)\n`;
}
