-- Health mode (docs/privacy.md): the storefront's privacy mode, event aliases and sealed
-- pseudonymisation key; each destination's privacy lists; what the policy did on each attempt.

-- AlterTable
ALTER TABLE `storefronts` ADD COLUMN `privacy_mode` VARCHAR(16) NOT NULL DEFAULT 'standard',
    ADD COLUMN `event_aliases` JSON NULL,
    ADD COLUMN `pseudonym_key_encrypted` TEXT NULL;

-- AlterTable
ALTER TABLE `credentials` ADD COLUMN `privacy` JSON NULL;

-- AlterTable
ALTER TABLE `sgtm_configs` ADD COLUMN `privacy` JSON NULL;

-- AlterTable
ALTER TABLE `delivery_attempts` ADD COLUMN `policy_hash` VARCHAR(16) NULL,
    ADD COLUMN `removed_fields` JSON NULL;
