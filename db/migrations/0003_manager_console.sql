CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "applications_status_idx";--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "position" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "org_type" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "consent_text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "consent_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "registered_organisations" ALTER COLUMN "email" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD COLUMN "purpose" text DEFAULT 'reset' NOT NULL;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "full_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "legal_address" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "librarian_name" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "librarian_iin" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "librarian_phone" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "librarian_email" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "responsible_name" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "responsible_position" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "responsible_phone" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "responsible_email" text;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "source" text DEFAULT 'application' NOT NULL;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "restore_requests" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","created_at");--> statement-breakpoint
ALTER TABLE "registered_organisations" ADD CONSTRAINT "registered_organisations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restore_requests" ADD CONSTRAINT "restore_requests_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_name_idx" ON "applications" USING btree (lower("org_name"),"id");--> statement-breakpoint
CREATE INDEX "applications_region_idx" ON "applications" USING btree ("region");--> statement-breakpoint
CREATE INDEX "applications_assigned_idx" ON "applications" USING btree ("assigned_to");--> statement-breakpoint
CREATE INDEX "applications_iin_idx" ON "applications" USING btree ("librarian_iin");--> statement-breakpoint
CREATE INDEX "applications_bin_idx" ON "applications" USING btree ("bin");--> statement-breakpoint
CREATE INDEX "registered_organisations_name_idx" ON "registered_organisations" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status","submitted_at","id");