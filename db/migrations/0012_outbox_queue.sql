CREATE INDEX `outbox_queue` ON `outbox` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_retry` ON `outbox` (`status`,`next_attempt_at`);