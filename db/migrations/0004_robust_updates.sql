CREATE TABLE `processed_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE INDEX `processed_updates_claimed` ON `processed_updates` (`claimed_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `pending_org_type` text;--> statement-breakpoint
ALTER TABLE `users` ADD `pending_org_name` text;