CREATE TABLE `reminders` (
	`kind` text NOT NULL,
	`user_id` integer NOT NULL,
	`key` text NOT NULL,
	`sent_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`kind`, `user_id`, `key`)
);
