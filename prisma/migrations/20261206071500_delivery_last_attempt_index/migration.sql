-- The overview's delivery statistics (GET /admin/v1/stats/deliveries) select deliveries whose
-- last attempt falls in the window; without this index that is a full scan of `deliveries`.

-- CreateIndex
CREATE INDEX `deliveries_last_attempt_at_idx` ON `deliveries`(`last_attempt_at`);
