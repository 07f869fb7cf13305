-- Users get an internal id (AUTOINCREMENT); the ids they had were Telegram ids and stay theirs, so every
-- reference to a user stays valid, and each existing user gets a telegram identity with that id.
CREATE TABLE `user_identities` (
	`channel` text NOT NULL,
	`external_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`channel`, `external_id`)
);
--> statement-breakpoint
CREATE INDEX `user_identities_user` ON `user_identities` (`user_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`language` text,
	`consent_version` text,
	`consent_at` integer,
	`full_name` text,
	`phone` text,
	`organisation_id` integer,
	`pending_org_type` text,
	`pending_org_name` text,
	`pending_business_registered` integer,
	`reminders_off` integer DEFAULT false NOT NULL,
	`unreachable_since` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "language", "consent_version", "consent_at", "full_name", "phone", "organisation_id", "pending_org_type", "pending_org_name", "pending_business_registered", "reminders_off", "unreachable_since", "created_at", "updated_at") SELECT "id", "language", "consent_version", "consent_at", "full_name", "phone", "organisation_id", "pending_org_type", "pending_org_name", "pending_business_registered", "reminders_off", "unreachable_since", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
INSERT INTO `user_identities`("channel", "external_id", "user_id", "created_at") SELECT 'telegram', CAST("id" AS TEXT), "id", "created_at" FROM `users`;--> statement-breakpoint
-- (drizzle-kit proposed ALTER TABLE ADD ... NOT NULL without a default and DROP COLUMN here, which
-- fails on a queue with rows and would throw the queued messages away: the rebuild below keeps them.)
-- Notifications become intents (recipient, kind, application, arguments). Rows queued before carry
-- their rendered Telegram message as the arguments of the kind "telegram-message", so pending ones
-- are still delivered as they were written; sent ones keep their history.
CREATE TABLE `__new_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_id` integer NOT NULL,
	`kind` text NOT NULL,
	`application_id` integer,
	`arguments` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "recipient_id", "kind", "application_id", "arguments", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at") SELECT "id", "chat_id", 'telegram-message', "application_id", json_object('chatId', "chat_id", 'text', "text", 'parseMode', "parse_mode", 'replyMarkup', json("reply_markup")), "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
CREATE INDEX `outbox_pending` ON `outbox` (`status`,`recipient_id`,`id`);
