import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(process.argv[2]);
const ws = wb.worksheets[0];
ws.eachRow((row, i) => { const v = (row.values as any[]).slice(1).map((x) => (x instanceof Date ? x.toISOString().slice(0, 10) : x ?? '')); if (i > 6 && i < 40) console.log(i, v.slice(0, 8).join(' | ')); });
