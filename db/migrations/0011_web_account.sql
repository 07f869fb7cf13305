CREATE TABLE `push_subscriptions` (
	`endpoint` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `push_subscriptions_user` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `read_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `push_state` text;--> statement-breakpoint
CREATE INDEX `outbox_inbox` ON `outbox` (`recipient_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `outbox_push` ON `outbox` (`push_state`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `telegram_notifications_off` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Notifications from before the web inbox are history: read, and not to be pushed now.
UPDATE `outbox` SET `read_at` = `created_at`, `push_state` = 'none';
