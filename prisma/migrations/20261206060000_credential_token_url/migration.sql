-- A credential's OAuth token endpoint (issue 9): null means the adapter's own. A base_url
-- override (sandbox, regional host, simulator) no longer moves the token endpoint.

-- AlterTable
ALTER TABLE `credentials` ADD COLUMN `token_url` VARCHAR(2048) NULL;
