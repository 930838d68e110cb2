-- AlterTable
-- The dedup key is `storefront:event_name:order_id` (up to 64 + 128 + 255 + 2 characters) or the
-- record's event_id. It is compared byte for byte: order ids and event ids are opaque, so 'A1'
-- and 'a1' are different events (the table's default collation would call them duplicates).
ALTER TABLE `events` MODIFY `dedup_key` VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
