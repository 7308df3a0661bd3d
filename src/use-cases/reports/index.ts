export { makeReportSla, type SlaReport } from './report-sla.js';
export { makeReportBacklog, type BacklogReportValue } from './report-backlog.js';
export { makeReportDeskMetrics, type DeskMetricsReport } from './report-desk-metrics.js';
export { reportPeriodCommand, type ReportPeriodCommand } from './report-period.js';
