-- A credential the platform refuses (revoked token, wrong account) pauses its destination:
-- when and why; its deliveries wait as `paused` until the credential is fixed.

-- AlterTable
ALTER TABLE `credentials` ADD COLUMN `paused_at` DATETIME(3) NULL,
    ADD COLUMN `pause_reason` TEXT NULL;
