-- CreateTable
CREATE TABLE `storefronts` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `storefront_id` VARCHAR(64) NOT NULL,
    `name` VARCHAR(255) NOT NULL,
    `domain` VARCHAR(255) NULL,
    `description` TEXT NULL,
    `is_active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `storefronts_storefront_id_key`(`storefront_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sgtm_configs` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `storefront_id` INTEGER NOT NULL,
    `sgtm_url` VARCHAR(2048) NOT NULL,
    `client_type` VARCHAR(16) NOT NULL,
    `container_id` VARCHAR(64) NULL,
    `measurement_id` VARCHAR(64) NULL,
    `api_secret_encrypted` TEXT NULL,
    `custom_endpoint_path` VARCHAR(512) NULL,
    `custom_headers_encrypted` TEXT NULL,
    `is_active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `sgtm_configs_storefront_id_key`(`storefront_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `platforms` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `platform_code` VARCHAR(64) NOT NULL,
    `name` VARCHAR(255) NOT NULL,
    `category` VARCHAR(32) NOT NULL,
    `tier` TINYINT NOT NULL DEFAULT 3,
    `auth_type` VARCHAR(32) NOT NULL,
    `api_base_url` VARCHAR(2048) NULL,
    `credential_schema` JSON NULL,
    `description` TEXT NULL,
    `is_active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `platforms_platform_code_key`(`platform_code`),
    INDEX `platforms_tier_idx`(`tier`),
    INDEX `platforms_category_idx`(`category`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `credentials` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `storefront_id` INTEGER NOT NULL,
    `platform_id` INTEGER NOT NULL,
    `credentials_encrypted` TEXT NOT NULL,
    `destination_type` VARCHAR(16) NOT NULL DEFAULT 'direct',
    `pixel_id` VARCHAR(255) NULL,
    `account_id` VARCHAR(255) NULL,
    `base_url` VARCHAR(2048) NULL,
    `options` JSON NULL,
    `is_active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `credentials_platform_id_idx`(`platform_id`),
    UNIQUE INDEX `credentials_storefront_id_platform_id_key`(`storefront_id`, `platform_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `events` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `storefront_id` INTEGER NULL,
    `storefront_code` VARCHAR(64) NULL,
    `dedup_key` VARCHAR(255) NULL,
    `event_name` VARCHAR(128) NOT NULL,
    `event_time` DATETIME(3) NOT NULL,
    `order_id` VARCHAR(255) NOT NULL,
    `payload` JSON NOT NULL,
    `status` VARCHAR(16) NOT NULL DEFAULT 'pending',
    `status_reason` TEXT NULL,
    `lease_owner` VARCHAR(64) NULL,
    `lease_until` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `routed_at` DATETIME(3) NULL,

    INDEX `events_status_id_idx`(`status`, `id`),
    INDEX `events_storefront_id_created_at_idx`(`storefront_id`, `created_at`),
    INDEX `events_created_at_idx`(`created_at`),
    UNIQUE INDEX `events_storefront_code_dedup_key_key`(`storefront_code`, `dedup_key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `deliveries` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `event_id` BIGINT NOT NULL,
    `destination_key` VARCHAR(64) NOT NULL,
    `platform_code` VARCHAR(64) NOT NULL,
    `credential_id` INTEGER NULL,
    `sgtm_config_id` INTEGER NULL,
    `status` VARCHAR(16) NOT NULL DEFAULT 'pending',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `next_attempt_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `first_attempt_at` DATETIME(3) NULL,
    `last_attempt_at` DATETIME(3) NULL,
    `lease_owner` VARCHAR(64) NULL,
    `lease_until` DATETIME(3) NULL,
    `platform_event_name` VARCHAR(128) NULL,
    `reason` TEXT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `deliveries_status_next_attempt_at_id_idx`(`status`, `next_attempt_at`, `id`),
    INDEX `deliveries_status_lease_until_idx`(`status`, `lease_until`),
    INDEX `deliveries_platform_code_status_idx`(`platform_code`, `status`),
    INDEX `deliveries_credential_id_idx`(`credential_id`),
    UNIQUE INDEX `deliveries_event_id_destination_key_key`(`event_id`, `destination_key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `delivery_attempts` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `delivery_id` BIGINT NOT NULL,
    `attempt` INTEGER NOT NULL,
    `started_at` DATETIME(3) NOT NULL,
    `duration_ms` INTEGER NOT NULL,
    `status_code` INTEGER NULL,
    `outcome` VARCHAR(16) NOT NULL,
    `reason` TEXT NULL,
    `request_excerpt` TEXT NULL,
    `response_excerpt` TEXT NULL,

    INDEX `delivery_attempts_delivery_id_attempt_idx`(`delivery_id`, `attempt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `sgtm_configs` ADD CONSTRAINT `sgtm_configs_storefront_id_fkey` FOREIGN KEY (`storefront_id`) REFERENCES `storefronts`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `credentials` ADD CONSTRAINT `credentials_storefront_id_fkey` FOREIGN KEY (`storefront_id`) REFERENCES `storefronts`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `credentials` ADD CONSTRAINT `credentials_platform_id_fkey` FOREIGN KEY (`platform_id`) REFERENCES `platforms`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `events` ADD CONSTRAINT `events_storefront_id_fkey` FOREIGN KEY (`storefront_id`) REFERENCES `storefronts`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `deliveries` ADD CONSTRAINT `deliveries_event_id_fkey` FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `deliveries` ADD CONSTRAINT `deliveries_credential_id_fkey` FOREIGN KEY (`credential_id`) REFERENCES `credentials`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `delivery_attempts` ADD CONSTRAINT `delivery_attempts_delivery_id_fkey` FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
