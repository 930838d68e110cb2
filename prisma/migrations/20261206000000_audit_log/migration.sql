-- CreateTable
CREATE TABLE `audit_log` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `actor` VARCHAR(255) NOT NULL,
    `action` VARCHAR(32) NOT NULL,
    `resource_type` VARCHAR(32) NOT NULL,
    `resource_id` VARCHAR(64) NULL,
    `method` VARCHAR(8) NOT NULL,
    `path` VARCHAR(2048) NOT NULL,
    `request_id` VARCHAR(64) NULL,
    `before` JSON NULL,
    `after` JSON NULL,

    INDEX `audit_log_at_idx`(`at`),
    INDEX `audit_log_resource_type_resource_id_idx`(`resource_type`, `resource_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
