CREATE TABLE "activity_target" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_target_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"activity_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"count" integer NOT NULL,
	"note" text,
	"source" text,
	CONSTRAINT "activity_target_once" UNIQUE("activity_id","organisation_id"),
	CONSTRAINT "activity_target_count" CHECK ("activity_target"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"signed_on" date,
	"signed_place" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_notice" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_notice_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"council_decided_on" date NOT NULL,
	"council_reference" text,
	"received_on" date NOT NULL,
	"period_starts" date NOT NULL,
	"effective" date NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_notice_once" UNIQUE("agreement_id","municipality_id"),
	CONSTRAINT "agreement_notice_order" CHECK ("agreement_notice"."council_decided_on" <= "agreement_notice"."received_on" and "agreement_notice"."received_on" < "agreement_notice"."period_starts")
);
--> statement-breakpoint
CREATE TABLE "agreement_notice_mail" (
	"notice_id" integer NOT NULL,
	"outbox_id" integer NOT NULL,
	"municipality_id" integer,
	CONSTRAINT "agreement_notice_mail_notice_id_outbox_id_pk" PRIMARY KEY("notice_id","outbox_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_paragraph" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_paragraph_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "agreement_paragraph_number" UNIQUE("version_id","number")
);
--> statement-breakpoint
CREATE TABLE "agreement_party" (
	"version_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	CONSTRAINT "agreement_party_version_id_municipality_id_pk" PRIMARY KEY("version_id","municipality_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_version" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"agreement_id" integer NOT NULL,
	"number" integer NOT NULL,
	"valid_from" date NOT NULL,
	"decision_id" integer,
	"preamble" text,
	"note" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_version_number" UNIQUE("agreement_id","number"),
	CONSTRAINT "agreement_version_decided" CHECK ("agreement_version"."number" = 1 or "agreement_version"."decision_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "duty" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "duty_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text,
	"owner_body_id" integer,
	"owner_person_id" integer,
	"owner_text" text,
	"rule" jsonb NOT NULL,
	"remind_days_before" integer DEFAULT 14 NOT NULL,
	"active" text DEFAULT 'yes' NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_title_unique" UNIQUE("title"),
	CONSTRAINT "duty_owner" CHECK ("duty"."owner_body_id" is not null or "duty"."owner_person_id" is not null or "duty"."owner_text" is not null),
	CONSTRAINT "duty_remind" CHECK ("duty"."remind_days_before" between 0 and 365),
	CONSTRAINT "duty_active" CHECK ("duty"."active" in ('yes', 'no'))
);
--> statement-breakpoint
CREATE TABLE "governing_document" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "governing_document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governing_document_title_unique" UNIQUE("title")
);
--> statement-breakpoint
CREATE TABLE "governing_document_version" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "governing_document_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"label" text NOT NULL,
	"adopted_on" date,
	"adopted_text" text,
	"decision_id" integer,
	"valid_from" date,
	"valid_to" date,
	"file_id" integer,
	"summary" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governing_document_version_label" UNIQUE("document_id","label"),
	CONSTRAINT "governing_document_version_period" CHECK ("governing_document_version"."valid_to" is null or "governing_document_version"."valid_from" is null or "governing_document_version"."valid_from" <= "governing_document_version"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "influence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "influence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organisation_id" integer,
	"holder_person_id" integer,
	"holder_text" text,
	"from_on" date,
	"to_on" date,
	"year" integer,
	"description" text,
	"url" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "influence_kind" CHECK ("influence"."kind" in ('seat', 'statement', 'article', 'seminar', 'commitment', 'monitoring')),
	CONSTRAINT "influence_seat_organisation" CHECK ("influence"."kind" <> 'seat' or "influence"."organisation_id" is not null),
	CONSTRAINT "influence_period" CHECK ("influence"."to_on" is null or "influence"."from_on" is null or "influence"."from_on" <= "influence"."to_on")
);
--> statement-breakpoint
CREATE TABLE "influence_activity" (
	"influence_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	CONSTRAINT "influence_activity_influence_id_activity_id_pk" PRIMARY KEY("influence_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "influence_external_meeting" (
	"influence_id" integer NOT NULL,
	"external_meeting_id" integer NOT NULL,
	CONSTRAINT "influence_external_meeting_influence_id_external_meeting_id_pk" PRIMARY KEY("influence_id","external_meeting_id")
);
--> statement-breakpoint
CREATE TABLE "influence_priority_object" (
	"influence_id" integer NOT NULL,
	"priority_object_id" integer NOT NULL,
	CONSTRAINT "influence_priority_object_influence_id_priority_object_id_pk" PRIMARY KEY("influence_id","priority_object_id")
);
--> statement-breakpoint
CREATE TABLE "membership_appointment" (
	"membership_id" integer PRIMARY KEY NOT NULL,
	"appointed_by_person_id" integer,
	"appointed_by_text" text,
	"directive_version_id" integer,
	"appointed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "news_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"published_on" date NOT NULL,
	"summary" text NOT NULL,
	"body" text,
	"link" text,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_comment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_comment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"sent_on" date NOT NULL,
	"deadline" date NOT NULL,
	"answered_on" date,
	"answer" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_comment_once" UNIQUE("plan_id","municipality_id"),
	CONSTRAINT "plan_comment_deadline" CHECK ("plan_comment"."sent_on" <= "plan_comment"."deadline"),
	CONSTRAINT "plan_comment_answered" CHECK ("plan_comment"."answered_on" is null or "plan_comment"."answered_on" >= "plan_comment"."sent_on")
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"duty_id" integer,
	"year" integer NOT NULL,
	"membership_id" integer,
	"body_id" integer,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"material" text,
	"done_on" date,
	"done_undated" boolean DEFAULT false NOT NULL,
	"done_by" text,
	"done_note" text,
	"reminded_at" timestamp with time zone,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_duty_year" UNIQUE("duty_id","year"),
	CONSTRAINT "task_membership" UNIQUE("membership_id"),
	CONSTRAINT "task_done_once" CHECK (not ("task"."done_undated" and "task"."done_on" is not null)),
	CONSTRAINT "task_kind" CHECK ("task"."kind" in ('duty', 'introduction', 'other')),
	CONSTRAINT "task_duty" CHECK (("task"."kind" = 'duty') = ("task"."duty_id" is not null)),
	CONSTRAINT "task_membership_introduction" CHECK ("task"."membership_id" is null or "task"."kind" = 'introduction')
);
--> statement-breakpoint
CREATE TABLE "task_digest" (
	"week_start" date PRIMARY KEY NOT NULL,
	"outbox_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperation" ADD COLUMN "election_rule" jsonb;--> statement-breakpoint
ALTER TABLE "activity_target" ADD CONSTRAINT "activity_target_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_target" ADD CONSTRAINT "activity_target_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_notice" ADD CONSTRAINT "agreement_notice_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_notice" ADD CONSTRAINT "agreement_notice_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_notice_mail" ADD CONSTRAINT "agreement_notice_mail_notice_id_agreement_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."agreement_notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_notice_mail" ADD CONSTRAINT "agreement_notice_mail_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_notice_mail" ADD CONSTRAINT "agreement_notice_mail_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_paragraph" ADD CONSTRAINT "agreement_paragraph_version_id_agreement_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_version_id_agreement_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."agreement_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty" ADD CONSTRAINT "duty_owner_body_id_body_id_fk" FOREIGN KEY ("owner_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty" ADD CONSTRAINT "duty_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_document_version" ADD CONSTRAINT "governing_document_version_document_id_governing_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."governing_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_document_version" ADD CONSTRAINT "governing_document_version_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_document_version" ADD CONSTRAINT "governing_document_version_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence" ADD CONSTRAINT "influence_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence" ADD CONSTRAINT "influence_holder_person_id_person_id_fk" FOREIGN KEY ("holder_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_activity" ADD CONSTRAINT "influence_activity_influence_id_influence_id_fk" FOREIGN KEY ("influence_id") REFERENCES "public"."influence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_activity" ADD CONSTRAINT "influence_activity_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_external_meeting" ADD CONSTRAINT "influence_external_meeting_influence_id_influence_id_fk" FOREIGN KEY ("influence_id") REFERENCES "public"."influence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_external_meeting" ADD CONSTRAINT "influence_external_meeting_external_meeting_id_external_meeting_id_fk" FOREIGN KEY ("external_meeting_id") REFERENCES "public"."external_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_priority_object" ADD CONSTRAINT "influence_priority_object_influence_id_influence_id_fk" FOREIGN KEY ("influence_id") REFERENCES "public"."influence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_priority_object" ADD CONSTRAINT "influence_priority_object_priority_object_id_priority_object_id_fk" FOREIGN KEY ("priority_object_id") REFERENCES "public"."priority_object"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_appointment" ADD CONSTRAINT "membership_appointment_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_appointment" ADD CONSTRAINT "membership_appointment_appointed_by_person_id_person_id_fk" FOREIGN KEY ("appointed_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_appointment" ADD CONSTRAINT "membership_appointment_directive_version_id_governing_document_version_id_fk" FOREIGN KEY ("directive_version_id") REFERENCES "public"."governing_document_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comment" ADD CONSTRAINT "plan_comment_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comment" ADD CONSTRAINT "plan_comment_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_duty_id_duty_id_fk" FOREIGN KEY ("duty_id") REFERENCES "public"."duty"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_membership_id_membership_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."membership"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "influence_kind" ON "influence" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "news_published" ON "news" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "task_due" ON "task" USING btree ("due_on");