-- CreateTable
CREATE TABLE `http_exchanges` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `platform_code` VARCHAR(64) NOT NULL,
    `method` VARCHAR(8) NOT NULL,
    `url` VARCHAR(2048) NOT NULL,
    `started_at` DATETIME(3) NOT NULL,
    `duration_ms` INTEGER NOT NULL,
    `status_code` INTEGER NULL,
    `event_count` INTEGER NOT NULL,
    `request_excerpt` TEXT NULL,
    `response_excerpt` TEXT NULL,

    INDEX `http_exchanges_started_at_idx`(`started_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AlterTable
ALTER TABLE `delivery_attempts` ADD COLUMN `exchange_id` BIGINT NULL;

-- CreateIndex
CREATE INDEX `delivery_attempts_exchange_id_idx` ON `delivery_attempts`(`exchange_id`);

-- Keep the excerpts already recorded: one exchange per existing attempt (method and URL were
-- not recorded then).
ALTER TABLE `http_exchanges` ADD COLUMN `legacy_attempt_id` BIGINT NULL;
INSERT INTO `http_exchanges` (`platform_code`, `method`, `url`, `started_at`, `duration_ms`, `status_code`, `event_count`, `request_excerpt`, `response_excerpt`, `legacy_attempt_id`)
  SELECT d.`platform_code`, '', '', a.`started_at`, a.`duration_ms`, a.`status_code`, 1, a.`request_excerpt`, a.`response_excerpt`, a.`id`
  FROM `delivery_attempts` a JOIN `deliveries` d ON d.`id` = a.`delivery_id`
  WHERE a.`request_excerpt` IS NOT NULL OR a.`response_excerpt` IS NOT NULL;
UPDATE `delivery_attempts` a JOIN `http_exchanges` x ON x.`legacy_attempt_id` = a.`id` SET a.`exchange_id` = x.`id`;
ALTER TABLE `http_exchanges` DROP COLUMN `legacy_attempt_id`;

-- AlterTable
ALTER TABLE `delivery_attempts` DROP COLUMN `request_excerpt`,
    DROP COLUMN `response_excerpt`;

-- AddForeignKey
ALTER TABLE `delivery_attempts` ADD CONSTRAINT `delivery_attempts_exchange_id_fkey` FOREIGN KEY (`exchange_id`) REFERENCES `http_exchanges`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
