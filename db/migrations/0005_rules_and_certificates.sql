ALTER TABLE `official_results` ADD `part_points` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `business_registered` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `pending_business_registered` integer;