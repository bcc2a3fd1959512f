ALTER TABLE "org_kind" ADD COLUMN "merge_group" text;--> statement-breakpoint
UPDATE "org_kind" SET "merge_group" = 'local' WHERE "code" IN ('commune', 'ward', 'special_zone');
