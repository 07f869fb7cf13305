CREATE TABLE `dossier_fields` (
	`scope` text NOT NULL,
	`scope_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	`updated_by` integer NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`scope`, `scope_id`, `key`)
);
--> statement-breakpoint
ALTER TABLE `evidence` ADD `evidence_kind` text;