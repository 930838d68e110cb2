-- X-Request-Id of the ingest request, logged by the worker with each delivery of the event.
ALTER TABLE `events` ADD COLUMN `request_id` VARCHAR(128) NULL;
