/** What the HTTP layer reports to metrics; the metrics module implements it. */
export interface Metrics {
  eventsIngested(accepted: number, rejected: number): void;
}
