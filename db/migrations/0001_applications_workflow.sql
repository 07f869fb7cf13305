CREATE TABLE `application_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`actor_id` integer,
	`actor_role` text NOT NULL,
	`note` text,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_application` ON `application_events` (`application_id`);--> statement-breakpoint
CREATE TABLE `invites` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`organisation_id` integer,
	`commune_codes` text,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_by` integer,
	`used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `local_evaluations` (
	`application_id` integer NOT NULL,
	`topic` text NOT NULL,
	`criterion_id` text,
	`option_id` text,
	`note` text,
	`officer_id` integer NOT NULL,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`application_id`, `topic`)
);
--> statement-breakpoint
CREATE TABLE `officers` (
	`user_id` integer NOT NULL,
	`commune_code` text NOT NULL,
	`appointed_by` integer NOT NULL,
	`appointed_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`revoked_at` integer,
	PRIMARY KEY(`user_id`, `commune_code`)
);
--> statement-breakpoint
CREATE INDEX `officers_commune` ON `officers` (`commune_code`);--> statement-breakpoint
CREATE TABLE `official_results` (
	`application_id` integer PRIMARY KEY NOT NULL,
	`stars` integer NOT NULL,
	`decision_number` text NOT NULL,
	`decision_date` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisation_members` (
	`organisation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`joined_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`organisation_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `members_user` ON `organisation_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`chat_id` integer NOT NULL,
	`text` text NOT NULL,
	`parse_mode` text,
	`reply_markup` text,
	`application_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`status`,`chat_id`,`id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`application_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`answers` text NOT NULL,
	`clearances` text NOT NULL,
	`total` integer NOT NULL,
	`stars` integer NOT NULL,
	`submitted_by` integer NOT NULL,
	`submitted_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `submissions_application` ON `submissions` (`application_id`);--> statement-breakpoint
ALTER TABLE `applications` ADD `commune_code` text;--> statement-breakpoint
ALTER TABLE `applications` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `received_at` integer;