export {
  buildComparisonWorkbook,
  COMPARISON_SHEET_NAME,
  DEMO_WARNING,
  TOTAL_LABEL,
  type ComparisonWorkbookMeta,
} from './comparisonWorkbook';
export { exportFileName, EXPORT_KINDS, type ExportKind } from './fileNames';
export * from './excelStyles';
export * from './sheetLayout';
