CREATE INDEX `applications_state_updated` ON `applications` (`state`,`updated_at`);--> statement-breakpoint
CREATE INDEX `applications_commune_state` ON `applications` (`commune_code`,`state`);--> statement-breakpoint
CREATE INDEX `officers_revoked` ON `officers` (`revoked_at`);--> statement-breakpoint
CREATE INDEX `organisations_owner` ON `organisations` (`owner_id`);