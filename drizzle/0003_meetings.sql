CREATE TABLE "action_item" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"agenda_item_id" integer,
	"text" text NOT NULL,
	"responsible_person_id" integer,
	"responsible_text" text,
	"due_on" date,
	"closed_at_meeting_id" integer,
	"closed_on" date,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_item_note" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "action_item_note_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"action_item_id" integer NOT NULL,
	"meeting_id" integer NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_item_note_once" UNIQUE("action_item_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agenda_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"number" integer NOT NULL,
	"kind" text DEFAULT 'ordinary' NOT NULL,
	"title" text NOT NULL,
	"presenter" text,
	"standing" boolean DEFAULT false NOT NULL,
	"minutes_text" text,
	"tabled_to_meeting_id" integer,
	"tabled_from_item_id" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item_activity" (
	"agenda_item_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	CONSTRAINT "agenda_item_activity_agenda_item_id_activity_id_pk" PRIMARY KEY("agenda_item_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_decision" (
	"agenda_item_id" integer NOT NULL,
	"decision_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agenda_item_decision_agenda_item_id_decision_id_pk" PRIMARY KEY("agenda_item_id","decision_id"),
	CONSTRAINT "agenda_item_decision_decisionId_unique" UNIQUE("decision_id")
);
--> statement-breakpoint
CREATE TABLE "agenda_item_file" (
	"agenda_item_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	CONSTRAINT "agenda_item_file_agenda_item_id_file_id_pk" PRIMARY KEY("agenda_item_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attendance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"status" text NOT NULL,
	"guest" boolean DEFAULT false NOT NULL,
	"only_items" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"role" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_once" UNIQUE("meeting_id","person_id"),
	CONSTRAINT "attendance_status" CHECK ("attendance"."status" in ('present', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "body_rules" (
	"body_id" integer PRIMARY KEY NOT NULL,
	"seats" integer,
	"quorum_percent" integer,
	"decision_rule" text,
	"extra_meeting_threshold" integer,
	"minutes_to_municipalities" boolean DEFAULT false NOT NULL,
	"meetings_per_year" integer,
	"chair_chosen_yearly" boolean DEFAULT false NOT NULL,
	"remote_allowed" boolean DEFAULT false NOT NULL,
	"public_meetings" boolean DEFAULT false NOT NULL,
	"prepares_for_body_id" integer,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_rules_quorum" CHECK ("body_rules"."quorum_percent" is null or ("body_rules"."quorum_percent" > 0 and "body_rules"."quorum_percent" <= 100)),
	CONSTRAINT "body_rules_threshold" CHECK ("body_rules"."extra_meeting_threshold" is null or "body_rules"."extra_meeting_threshold" > 0)
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "extra_meeting_request" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "extra_meeting_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"body_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"requested_on" date NOT NULL,
	"subject" text NOT NULL,
	"meeting_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"host_municipality_id" integer,
	"format" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_note" text,
	"moved_from" timestamp with time zone,
	"chair_person_id" integer,
	"chair_note" text,
	"notice_sent_at" timestamp with time zone,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_period" CHECK ("meeting"."ends_at" is null or "meeting"."ends_at" > "meeting"."starts_at"),
	CONSTRAINT "meeting_status" CHECK ("meeting"."status" in ('planned', 'held', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "meeting_body" (
	"meeting_id" integer NOT NULL,
	"body_id" integer NOT NULL,
	CONSTRAINT "meeting_body_meeting_id_body_id_pk" PRIMARY KEY("meeting_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "minutes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "minutes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text,
	"secretary_person_id" integer,
	"adjuster_person_id" integer,
	"secretary_approved_at" timestamp with time zone,
	"secretary_approved_by" text,
	"adjuster_approved_at" timestamp with time zone,
	"adjuster_approved_by" text,
	"adjusted_at" timestamp with time zone,
	"distributed_at" timestamp with time zone,
	"snapshot" jsonb,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minutes_version" UNIQUE("meeting_id","version"),
	CONSTRAINT "minutes_status" CHECK ("minutes"."status" in ('draft', 'adjusted', 'distributed')),
	CONSTRAINT "minutes_reason" CHECK ("minutes"."version" = 1 or "minutes"."reason" is not null),
	CONSTRAINT "minutes_locked" CHECK ("minutes"."status" = 'draft' or ("minutes"."adjusted_at" is not null and "minutes"."snapshot" is not null))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"recipient" text NOT NULL,
	"recipient_name" text,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"meeting_id" integer,
	"action_item_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_status" CHECK ("outbox"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "outbox_attachment" (
	"outbox_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	CONSTRAINT "outbox_attachment_outbox_id_file_id_pk" PRIMARY KEY("outbox_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stored_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_responsible_person_id_person_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_closed_at_meeting_id_meeting_id_fk" FOREIGN KEY ("closed_at_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_note" ADD CONSTRAINT "action_item_note_action_item_id_action_item_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item_note" ADD CONSTRAINT "action_item_note_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_tabled_to_meeting_id_meeting_id_fk" FOREIGN KEY ("tabled_to_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_tabled_from_item_id_agenda_item_id_fk" FOREIGN KEY ("tabled_from_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_activity" ADD CONSTRAINT "agenda_item_activity_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_activity" ADD CONSTRAINT "agenda_item_activity_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_decision" ADD CONSTRAINT "agenda_item_decision_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_decision" ADD CONSTRAINT "agenda_item_decision_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_file" ADD CONSTRAINT "agenda_item_file_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_file" ADD CONSTRAINT "agenda_item_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_rules" ADD CONSTRAINT "body_rules_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_rules" ADD CONSTRAINT "body_rules_prepares_for_body_id_body_id_fk" FOREIGN KEY ("prepares_for_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_meeting_request" ADD CONSTRAINT "extra_meeting_request_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_meeting_request" ADD CONSTRAINT "extra_meeting_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_meeting_request" ADD CONSTRAINT "extra_meeting_request_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_host_municipality_id_municipality_id_fk" FOREIGN KEY ("host_municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_chair_person_id_person_id_fk" FOREIGN KEY ("chair_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_body" ADD CONSTRAINT "meeting_body_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_body" ADD CONSTRAINT "meeting_body_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_secretary_person_id_person_id_fk" FOREIGN KEY ("secretary_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_adjuster_person_id_person_id_fk" FOREIGN KEY ("adjuster_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_action_item_id_action_item_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_attachment" ADD CONSTRAINT "outbox_attachment_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_attachment" ADD CONSTRAINT "outbox_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_meeting" ON "action_item" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "action_item_open" ON "action_item" USING btree ("closed_on");--> statement-breakpoint
CREATE INDEX "action_item_note_meeting" ON "action_item_note" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "agenda_item_meeting" ON "agenda_item" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "agenda_item_activity_activity" ON "agenda_item_activity" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "attendance_person" ON "attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "extra_meeting_request_body" ON "extra_meeting_request" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "meeting_starts_at" ON "meeting" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meeting_body_body" ON "meeting_body" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_meeting" ON "outbox" USING btree ("meeting_id");