// "Something wrong here?": the only things a report can say. No free text, so nothing personal can be sent.
export const REPORT_REASONS = ['phone', 'hours', 'address', 'closed', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
