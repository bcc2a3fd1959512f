CREATE TABLE "org_lineage" (
	"reorganisation_id" uuid NOT NULL,
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"effective_date" date NOT NULL,
	CONSTRAINT "org_lineage_reorganisation_id_predecessor_id_successor_id_pk" PRIMARY KEY("reorganisation_id","predecessor_id","successor_id")
);
--> statement-breakpoint
CREATE TABLE "reorganisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"effective_date" date NOT NULL,
	"decision_ref" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_search" text NOT NULL,
	"name_sort" text COLLATE "C" NOT NULL,
	"head_person_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clan_household" (
	"clan_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "clan_household_clan_id_household_id_pk" PRIMARY KEY("clan_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"code" text NOT NULL,
	"head_person_id" uuid,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"position" text,
	"is_leader" boolean DEFAULT false NOT NULL,
	"category" text NOT NULL,
	"rank" text,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_category_ck" CHECK ("membership"."category" IN ('cong_chuc', 'vien_chuc', 'nguoi_lao_dong')),
	CONSTRAINT "membership_dates_ck" CHECK ("membership"."valid_to" IS NULL OR "membership"."valid_from" IS NULL OR "membership"."valid_to" >= "membership"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"name_search" text NOT NULL,
	"name_sort" text COLLATE "C" NOT NULL,
	"birth_date" date,
	"sex" text,
	"ethnicity" text,
	"citizen_id" text,
	"phone" text,
	"email" text,
	"user_id" uuid,
	"residence_org_id" uuid,
	"address" text,
	"household_id" uuid,
	"household_relation" text,
	"general_education" text,
	"qualification" text,
	"qualification_major" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"it_skill" text,
	"occupation" text,
	"citizen_group" text NOT NULL,
	"citizen_group_manual" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_sex_ck" CHECK ("person"."sex" IN ('male', 'female'))
);
--> statement-breakpoint
CREATE TABLE "emulation_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"person_id" uuid,
	"org_id" uuid,
	"title_code" text,
	"discipline" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emulation_subject_ck" CHECK (("emulation_record"."person_id" IS NULL) <> ("emulation_record"."org_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "data_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"state" text NOT NULL,
	"analysis" jsonb,
	"settings" jsonb,
	"summary" jsonb,
	"error_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_import_issue" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sheet" text NOT NULL,
	"row_number" integer NOT NULL,
	"column" text,
	"header" text,
	"value" text,
	"severity" text NOT NULL,
	"code" text NOT NULL,
	"message_vi" text NOT NULL,
	"message_en" text NOT NULL,
	CONSTRAINT "data_import_issue_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_mapping" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"header_key" text NOT NULL,
	"field_key" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mapping_user_id_kind_header_key_pk" PRIMARY KEY("user_id","kind","header_key")
);
--> statement-breakpoint
ALTER TABLE "org_lineage" ADD CONSTRAINT "org_lineage_reorganisation_id_reorganisation_id_fk" FOREIGN KEY ("reorganisation_id") REFERENCES "public"."reorganisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_lineage" ADD CONSTRAINT "org_lineage_predecessor_id_org_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_lineage" ADD CONSTRAINT "org_lineage_successor_id_org_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan" ADD CONSTRAINT "clan_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan" ADD CONSTRAINT "clan_head_person_id_person_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_household" ADD CONSTRAINT "clan_household_clan_id_clan_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_household" ADD CONSTRAINT "clan_household_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_head_person_id_person_id_fk" FOREIGN KEY ("head_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership" ADD CONSTRAINT "membership_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_residence_org_id_org_id_fk" FOREIGN KEY ("residence_org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_record" ADD CONSTRAINT "emulation_record_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emulation_record" ADD CONSTRAINT "emulation_record_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import" ADD CONSTRAINT "data_import_error_file_id_stored_file_id_fk" FOREIGN KEY ("error_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_import_issue" ADD CONSTRAINT "data_import_issue_import_id_data_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."data_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_lineage_predecessor_idx" ON "org_lineage" USING btree ("predecessor_id");--> statement-breakpoint
CREATE INDEX "org_lineage_successor_idx" ON "org_lineage" USING btree ("successor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clan_name_uq" ON "clan" USING btree ("org_id","name_search");--> statement-breakpoint
CREATE INDEX "clan_household_household_idx" ON "clan_household" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_code_uq" ON "household" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "membership_org_idx" ON "membership" USING btree ("org_id","valid_to");--> statement-breakpoint
CREATE INDEX "membership_person_idx" ON "membership" USING btree ("person_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "person_citizen_id_uq" ON "person" USING btree ("citizen_id") WHERE "person"."citizen_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "person_user_uq" ON "person" USING btree ("user_id") WHERE "person"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "person_residence_idx" ON "person" USING btree ("residence_org_id","name_sort");--> statement-breakpoint
CREATE INDEX "person_name_sort_idx" ON "person" USING btree ("name_sort","id");--> statement-breakpoint
CREATE INDEX "person_household_idx" ON "person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "person_name_search_trgm_idx" ON "person" USING gin ("name_search" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_person_year_uq" ON "emulation_record" USING btree ("person_id","year") WHERE "emulation_record"."person_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "emulation_org_year_uq" ON "emulation_record" USING btree ("org_id","year") WHERE "emulation_record"."org_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "data_import_user_idx" ON "data_import" USING btree ("user_id","created_at");