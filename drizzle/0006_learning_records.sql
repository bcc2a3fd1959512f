CREATE TABLE "learning_evidence" (
	"record_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_evidence_record_id_file_id_pk" PRIMARY KEY("record_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "learning_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text,
	"starts_on" date,
	"ends_on" date NOT NULL,
	"hours" numeric,
	"result" text,
	"it_standard" text,
	"language" text,
	"language_level" text,
	"certificate_no" text,
	"mandatory_training_id" uuid,
	"plan_line_id" uuid,
	"batch_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reject_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_record_status_ck" CHECK ("learning_record"."status" IN ('pending', 'verified', 'rejected')),
	CONSTRAINT "learning_record_dates_ck" CHECK ("learning_record"."starts_on" IS NULL OR "learning_record"."starts_on" <= "learning_record"."ends_on"),
	CONSTRAINT "learning_record_level_ck" CHECK ("learning_record"."language_level" IS NULL OR "learning_record"."language_level" IN ('1', '2', '3', '4', '5', '6', 'A', 'B', 'C'))
);
--> statement-breakpoint
CREATE TABLE "mandatory_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"hours_per_year" numeric DEFAULT 0 NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"leaders_only" boolean DEFAULT false NOT NULL,
	"legal_basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learning_evidence" ADD CONSTRAINT "learning_evidence_record_id_learning_record_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."learning_record"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_evidence" ADD CONSTRAINT "learning_evidence_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_mandatory_training_id_mandatory_training_id_fk" FOREIGN KEY ("mandatory_training_id") REFERENCES "public"."mandatory_training"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_reviewed_by_user_account_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_created_by_user_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandatory_training" ADD CONSTRAINT "mandatory_training_org_id_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learning_record_person_idx" ON "learning_record" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "learning_record_org_idx" ON "learning_record" USING btree ("org_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "mandatory_training_code_uq" ON "mandatory_training" USING btree (coalesce("org_id", '00000000-0000-0000-0000-000000000000'::uuid),"code");