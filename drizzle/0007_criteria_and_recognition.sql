CREATE TABLE "calendar_date" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"key" text NOT NULL,
	"month" integer NOT NULL,
	"day" integer NOT NULL,
	"year_offset" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_date_day_ck" CHECK ("calendar_date"."month" BETWEEN 1 AND 12 AND "calendar_date"."day" BETWEEN 1 AND 31)
);
--> statement-breakpoint
CREATE TABLE "criteria_set" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"org_id" uuid,
	"title" text NOT NULL,
	"origin" text NOT NULL,
	"copied_from_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criteria_set_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"set_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"document" jsonb NOT NULL,
	"checksum" text NOT NULL,
	"note" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_set_version_state_ck" CHECK ("criteria_set_version"."state" IN ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "recognition" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"clan_id" uuid,
	"subject_org_id" uuid,
	"org_id" uuid NOT NULL,
	"outcome" text,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"certificate_code" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_subject_ck" CHECK (("recognition"."subject_kind" = 'person' AND "recognition"."person_id" IS NOT NULL AND "recognition"."household_id" IS NULL AND "recognition"."clan_id" IS NULL AND "recognition"."subject_org_id" IS NULL)
   OR ("recognition"."subject_kind" = 'household' AND "recognition"."household_id" IS NOT NULL AND "recognition"."person_id" IS NULL AND "recognition"."clan_id" IS NULL AND "recognition"."subject_org_id" IS NULL)
   OR ("recognition"."subject_kind" = 'clan' AND "recognition"."clan_id" IS NOT NULL AND "recognition"."person_id" IS NULL AND "recognition"."household_id" IS NULL AND "recognition"."subject_org_id" IS NULL)
   OR ("recognition"."subject_kind" = 'org' AND "recognition"."subject_org_id" IS NOT NULL AND "recognition"."person_id" IS NULL AND "recognition"."household_id" IS NULL AND "recognition"."clan_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "recognition_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"signed_on" date,
	"signer_name" text,
	"signer_position" text,
	"issuing_body" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognition_decision_state_ck" CHECK ("recognition_decision"."state" IN ('draft', 'issued'))
);
--> statement-breakpoint
CREATE TABLE "registration_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"act" text NOT NULL,
	"state_after" text NOT NULL,
	"comment" text,
	"summary" jsonb,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "title_assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"criteria_version_id" uuid NOT NULL,
	"attributes" text[] DEFAULT '{}'::text[] NOT NULL,
	"inputs" jsonb NOT NULL,
	"derived" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"comment" text,
	"assessed_by" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_assessment_stage_ck" CHECK ("title_assessment"."stage" IN ('self', 'review'))
);
--> statement-breakpoint
CREATE TABLE "title_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"subject_kind" text NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"clan_id" uuid,
	"subject_org_id" uuid,
	"org_id" uuid NOT NULL,
	"citizen_group" text,
	"state" text DEFAULT 'registered' NOT NULL,
	"review_comment" text,
	"registered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "title_registration_subject_ck" CHECK (("title_registration"."subject_kind" = 'person' AND "title_registration"."person_id" IS NOT NULL AND "title_registration"."household_id" IS NULL AND "title_registration"."clan_id" IS NULL AND "title_registration"."subject_org_id" IS NULL)
   OR ("title_registration"."subject_kind" = 'household' AND "title_registration"."household_id" IS NOT NULL AND "title_registration"."person_id" IS NULL AND "title_registration"."clan_id" IS NULL AND "title_registration"."subject_org_id" IS NULL)
   OR ("title_registration"."subject_kind" = 'clan' AND "title_registration"."clan_id" IS NOT NULL AND "title_registration"."person_id" IS NULL AND "title_registration"."household_id" IS NULL AND "title_registration"."subject_org_id" IS NULL)
   OR ("title_registration"."subject_kind" = 'org' AND "title_registration"."subject_org_id" IS NOT NULL AND "title_registration"."person_id" IS NULL AND "title_registration"."household_id" IS NULL AND "title_registration"."clan_id" IS NULL)),
	CONSTRAINT "title_registration_state_ck" CHECK ("title_registration"."state" IN ('registered', 'submitted', 'returned', 'reviewed', 'recognised', 'not_recognised', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "calendar_date" ADD CONSTRAINT "calendar_date_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set" ADD CONSTRAINT "criteria_set_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set" ADD CONSTRAINT "criteria_set_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set_version" ADD CONSTRAINT "criteria_set_version_set_id_criteria_set_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."criteria_set"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set_version" ADD CONSTRAINT "criteria_set_version_published_by_user_account_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria_set_version" ADD CONSTRAINT "criteria_set_version_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_decision_id_recognition_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."recognition_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_registration_id_title_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."title_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_clan_id_clan_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_subject_org_id_org_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_revoked_by_user_account_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_decision" ADD CONSTRAINT "recognition_decision_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_decision" ADD CONSTRAINT "recognition_decision_issued_by_user_account_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_decision" ADD CONSTRAINT "recognition_decision_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_event" ADD CONSTRAINT "registration_event_registration_id_title_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."title_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_event" ADD CONSTRAINT "registration_event_actor_id_user_account_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_assessment" ADD CONSTRAINT "title_assessment_registration_id_title_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."title_registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_assessment" ADD CONSTRAINT "title_assessment_criteria_version_id_criteria_set_version_id_fk" FOREIGN KEY ("criteria_version_id") REFERENCES "public"."criteria_set_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_assessment" ADD CONSTRAINT "title_assessment_assessed_by_user_account_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_registration" ADD CONSTRAINT "title_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_registration" ADD CONSTRAINT "title_registration_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_registration" ADD CONSTRAINT "title_registration_clan_id_clan_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_registration" ADD CONSTRAINT "title_registration_subject_org_id_org_id_fk" FOREIGN KEY ("subject_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_registration" ADD CONSTRAINT "title_registration_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "title_registration" ADD CONSTRAINT "title_registration_registered_by_user_account_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_date_key_uq" ON "calendar_date" USING btree (coalesce("org_id", '00000000-0000-0000-0000-000000000000'::uuid),"key");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_set_code_uq" ON "criteria_set" USING btree (coalesce("org_id", '00000000-0000-0000-0000-000000000000'::uuid),"code");--> statement-breakpoint
CREATE INDEX "criteria_set_title_idx" ON "criteria_set" USING btree ("title");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_set_version_no_uq" ON "criteria_set_version" USING btree ("set_id","no");--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_set_version_draft_uq" ON "criteria_set_version" USING btree ("set_id") WHERE "criteria_set_version"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_registration_uq" ON "recognition" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_certificate_code_uq" ON "recognition" USING btree ("certificate_code");--> statement-breakpoint
CREATE INDEX "recognition_decision_idx" ON "recognition" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "recognition_person_idx" ON "recognition" USING btree ("person_id","title","year") WHERE "recognition"."person_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "recognition_household_idx" ON "recognition" USING btree ("household_id","title","year") WHERE "recognition"."household_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "recognition_org_year_idx" ON "recognition" USING btree ("org_id","year","title");--> statement-breakpoint
CREATE INDEX "recognition_decision_org_year_idx" ON "recognition_decision" USING btree ("org_id","year","title");--> statement-breakpoint
CREATE INDEX "registration_event_registration_idx" ON "registration_event" USING btree ("registration_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "title_assessment_stage_uq" ON "title_assessment" USING btree ("registration_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "title_registration_person_uq" ON "title_registration" USING btree ("title","year","person_id") WHERE "title_registration"."person_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "title_registration_household_uq" ON "title_registration" USING btree ("title","year","household_id") WHERE "title_registration"."household_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "title_registration_clan_uq" ON "title_registration" USING btree ("title","year","clan_id") WHERE "title_registration"."clan_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "title_registration_org_uq" ON "title_registration" USING btree ("title","year","subject_org_id") WHERE "title_registration"."subject_org_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "title_registration_org_year_idx" ON "title_registration" USING btree ("org_id","year","title","state");