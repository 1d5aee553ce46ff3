/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-meeting-dialog"

#include <glib/gi18n.h>

#include "cw-background.h"
#include "cw-bundled-templates.h"
#include "cw-case-picker.h"
#include "cw-meeting.h"
#include "cw-meeting-dialog.h"
#include "cw-print.h"

/* "Prepare meeting…": the day, the cases, how many members, which
 * letters; a preview of the pack's pages; print it or save it as a PDF,
 * then, if the user says so, log the letters on each case's timeline. */

#define PREVIEW_WIDTH 620.0   /* pixels across a rendered page */
#define REBUILD_DELAY_MS 150
#define PREPARING_DELAY_MS 300

struct _CwMeetingDialog
{
  AdwWindow parent_instance;

  CwStore *store;
  CwProfile *profile;
  GPtrArray *templates;     /* of CwLetterTemplate */
  CwDate date;
  gboolean cases_touched;   /* the user chose cases: a new date keeps them */
  gboolean updating;

  /* The pack shown, laid out for the preview. A new one is laid out in a
   * thread (thousands of letters take seconds) and shown once it is. */
  CwMeetingPack *pack;
  guint n_pages;
  guint page;
  guint rebuild_source;
  GCancellable *layout_cancellable;  /* the newest layout, while it runs */
  guint preparing_source;            /* says "Preparing the pages…" soon */

  AdwToastOverlay *toast_overlay;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkSpinButton *copies_spin;
  GtkSwitch *member_switch;
  GtkCheckButton *appeal_check;
  GtkCheckButton *copy_check;
  GtkCheckButton *solidarity_check;
  CwCasePicker *case_picker;  /* the open cases, with details */
  GtkLabel *notes_label;
  GtkPicture *preview;
  GtkLabel *page_label;
  GtkLabel *summary_label;
};

G_DEFINE_FINAL_TYPE (CwMeetingDialog, cw_meeting_dialog, ADW_TYPE_WINDOW)

static void rebuild_now (CwMeetingDialog *self);
static void show_page   (CwMeetingDialog *self);

static void
show_toast (CwMeetingDialog *self,
            const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (CwMeetingDialog *self,
            const char      *heading,
            const char      *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* State */

static CwLetterRoles
chosen_roles (CwMeetingDialog *self)
{
  CwLetterRoles roles = 0;

  if (gtk_check_button_get_active (self->appeal_check))
    roles |= CW_LETTER_ROLE_APPEAL;
  if (gtk_check_button_get_active (self->copy_check))
    roles |= CW_LETTER_ROLE_COPY;
  if (gtk_check_button_get_active (self->solidarity_check))
    roles |= CW_LETTER_ROLE_SOLIDARITY;
  return roles;
}

static void
update_actions (CwMeetingDialog *self)
{
  /* While the pack is laid out, what it holds is not known here: print
   * and save build their own, and say so if it has no letters. */
  gboolean has_letters = cw_meeting_dialog_is_preparing (self) ||
                         (self->pack != NULL &&
                          cw_meeting_pack_count_letters (self->pack, NULL) > 0);

  /* The pack shown may be the one just printed, laid out for the
   * printer: its pages wait for the new layout. */
  gboolean turning = self->layout_cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.print", has_letters);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.save", has_letters);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.previous-page",
                                 turning && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.next-page",
                                 turning && self->page + 1 < self->n_pages);
}

/* The preview */

/* Lays @pack out as a PDF would, on a vector surface, so the preview
 * breaks its pages where the printout does.
 *
 * With a font map of its own, which the pack keeps as long as it lives:
 * Pango's font maps are not safe to share between threads, and the pack
 * is laid out in one thread, drawn in the main one and let go in a third.
 * A pack laid out this way is only ever shown; printing and saving lay
 * out packs of their own. */
static guint
lay_out (CwMeetingPack *pack,
         double         width,
         double         height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  guint n_pages;

  pango_cairo_update_context (cr, context);
  n_pages = cw_document_paginate (CW_DOCUMENT (pack), context, width, height);

  g_object_unref (context);
  g_object_unref (font_map);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

static GdkTexture *
render_page (CwMeetingDialog *self,
             guint            page)
{
  double width, height, scale;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  int pixel_width, pixel_height;

  cw_paper_size_points (self->profile->paper_size, &width, &height);
  scale = PREVIEW_WIDTH / width;
  pixel_width = (int) PREVIEW_WIDTH;
  pixel_height = (int) (height * scale);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cw_document_draw_page (CW_DOCUMENT (self->pack), cr, page);
  /* The sheet's edge, so a white page shows against the window. */
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, 0.5, 0.5, pixel_width - 1, pixel_height - 1);
  cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  {
    GdkTexture *texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT,
                                                  bytes, cairo_image_surface_get_stride (surface));

    cairo_surface_destroy (surface);
    return texture;
  }
}

static void
show_page (CwMeetingDialog *self)
{
  g_autofree char *label = NULL;

  if (self->pack != NULL && self->n_pages > 0)
    {
      g_autoptr(GdkTexture) texture = render_page (self, self->page);

      gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
      label = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
    }
  else
    {
      gtk_picture_set_paintable (self->preview, NULL);
      label = g_strdup (_("No pages"));
    }
  gtk_label_set_text (self->page_label, label);
  update_actions (self);
}

static void
show_summary (CwMeetingDialog *self)
{
  g_auto(GStrv) notes = cw_meeting_pack_get_notes (self->pack);
  g_autofree char *joined = g_strjoinv ("\n", notes);
  guint letters = cw_meeting_pack_count_letters (self->pack, NULL);
  g_autofree char *summary = NULL;

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter on %u pages",
                                          "%u letters on %u pages", letters),
                             letters, self->n_pages);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->notes_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), *joined != '\0');
}

/* Building the pack */

static CwLetterRoles
roles_for_case (CwMeetingDialog *self,
                CwCase          *kase)
{
  CwLetterRoles roles = chosen_roles (self);

  /* Solidarity mail is never offered for a case whose safety says no. */
  if (!cw_letter_solidarity_allowed (kase, NULL))
    roles &= ~CW_LETTER_ROLE_SOLIDARITY;
  return roles;
}

static CwMeetingPack *
build_pack (CwMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chosen = cw_case_picker_list_chosen (self->case_picker);
  guint copies = (guint) gtk_spin_button_get_value_as_int (self->copies_spin);
  CwMeetingPack *pack = cw_meeting_pack_new (self->profile, &self->date, copies);

  cw_meeting_pack_set_member_address (pack, gtk_switch_get_active (self->member_switch));
  for (guint i = 0; i < chosen->len; i++)
    {
      CwCase *kase = g_ptr_array_index (chosen, i);

      if (!cw_meeting_pack_add_case (pack, kase, roles_for_case (self, kase),
                                     self->templates, &error))
        {
          show_toast (self, error->message);
          g_clear_error (&error);
        }
    }
  return pack;
}

/* Shows @pack, laid out on @n_pages pages. */
static void
show_pack (CwMeetingDialog *self,
           CwMeetingPack   *pack,
           guint            n_pages)
{
  cw_unref_in_thread (g_steal_pointer (&self->pack));
  self->pack = pack;
  self->n_pages = n_pages;
  self->page = MIN (self->page, n_pages > 0 ? n_pages - 1 : 0);
  show_page (self);
  show_summary (self);
}

/* Laying out, in a thread */

typedef struct {
  CwMeetingPack *pack;
  double width;
  double height;
  guint n_pages;
} LayoutJob;

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutJob *job = task_data;

  job->n_pages = lay_out (job->pack, job->width, job->height);
  /* Superseded meanwhile: let go here rather than on the main thread. */
  if (g_task_return_error_if_cancelled (task))
    g_clear_object (&job->pack);
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_preparing (CwMeetingDialog *self,
               gboolean         preparing)
{
  g_clear_handle_id (&self->preparing_source, g_source_remove);
  if (preparing)
    {
      gtk_label_set_text (self->page_label, _("Preparing the pages…"));
      gtk_label_set_text (self->summary_label, "");
    }
}

static gboolean
preparing_timeout_cb (gpointer user_data)
{
  CwMeetingDialog *self = user_data;

  self->preparing_source = 0;
  set_preparing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
layout_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (source);
  LayoutJob *job = g_task_get_task_data (G_TASK (result));

  /* Superseded, or the window closed: the newest layout, if any, shows. */
  if (g_task_get_cancellable (G_TASK (result)) != self->layout_cancellable ||
      !g_task_propagate_boolean (G_TASK (result), NULL))
    {
      cw_unref_in_thread (g_steal_pointer (&job->pack));
      return;
    }

  g_clear_object (&self->layout_cancellable);
  set_preparing (self, FALSE);
  show_pack (self, g_steal_pointer (&job->pack), job->n_pages);
}

static void
layout_job_free (LayoutJob *job)
{
  g_clear_object (&job->pack);
  g_free (job);
}

static void
stop_layout (CwMeetingDialog *self)
{
  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  g_clear_handle_id (&self->preparing_source, g_source_remove);
}

static void
rebuild_now (CwMeetingDialog *self)
{
  g_autoptr(GTask) task = NULL;
  LayoutJob *job = g_new0 (LayoutJob, 1);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  stop_layout (self);

  job->pack = build_pack (self);
  cw_paper_size_points (self->profile->paper_size, &job->width, &job->height);
  self->layout_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->layout_cancellable, layout_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) layout_job_free);
  g_task_run_in_thread (task, layout_thread);

  /* A quick layout shows without "Preparing" flashing by. */
  self->preparing_source = g_timeout_add (PREPARING_DELAY_MS, preparing_timeout_cb, self);
  update_actions (self);
}

static gboolean
rebuild_timeout_cb (gpointer user_data)
{
  CwMeetingDialog *self = user_data;

  self->rebuild_source = 0;
  rebuild_now (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (CwMeetingDialog *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->rebuild_source = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
}

/* Pending changes are laid out, here and now, for the tests to look at. */
static void
flush (CwMeetingDialog *self)
{
  CwMeetingPack *pack;
  double width, height;

  if (self->rebuild_source == 0 && self->layout_cancellable == NULL && self->pack != NULL)
    return;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  stop_layout (self);
  pack = build_pack (self);
  cw_paper_size_points (self->profile->paper_size, &width, &height);
  show_pack (self, pack, lay_out (pack, width, height));
}

/* The cases */

static char *
describe_case (CwCase *kase)
{
  GString *text = g_string_new (cw_case_type_to_label (cw_case_get_case_type (kase)));
  const char *country = cw_case_get_country_name (kase);
  const char *reason = NULL;

  if (country != NULL && *country != '\0')
    g_string_append_printf (text, " · %s", country);
  if (cw_case_get_ua_deadline (kase) != NULL)
    {
      g_autofree char *deadline = cw_date_iso_format_display (cw_case_get_ua_deadline (kase));

      g_string_append_printf (text, " · ");
      g_string_append_printf (text, _("deadline %s"), deadline);
    }
  if (!cw_letter_solidarity_allowed (kase, &reason))
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("No solidarity mail: %s"), reason);
    }
  return g_string_free (text, FALSE);
}

static void
case_toggled_cb (CwMeetingDialog *self)
{
  self->cases_touched = TRUE;
  queue_rebuild (self);
}

static void
load_cases (CwMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = cw_store_list_cases (self->store, &error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);

  if (summaries == NULL)
    {
      g_warning ("Could not list the cases: %s", error->message);
      return;
    }

  for (guint i = 0; i < summaries->len; i++)
    {
      CwCase *summary = g_ptr_array_index (summaries, i);
      CwCase *kase;

      if (cw_case_get_status (summary) == CW_CASE_STATUS_CLOSED)
        continue;
      kase = cw_store_load_case (self->store, cw_case_get_id (summary), &error);
      if (kase == NULL)
        {
          g_warning ("Could not load a case: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (cases, kase);
    }
  cw_case_picker_set_placeholder (self->case_picker, _("No open cases"));
  cw_case_picker_set_cases (self->case_picker, cases, describe_case);
}

static gboolean
proposed_cb (CwCase   *kase,
             gpointer  user_data)
{
  CwMeetingDialog *self = user_data;

  return cw_meeting_proposes_case (kase, &self->date);
}

/* Chooses the cases a meeting on the date writes for. */
static void
propose_cases (CwMeetingDialog *self)
{
  cw_case_picker_choose (self->case_picker, proposed_cb, self);
}

/* The date */

static void
show_date (CwMeetingDialog *self)
{
  g_autofree char *text = cw_date_format_display (&self->date);

  gtk_menu_button_set_label (self->date_button, text);
}

static void
day_selected_cb (CwMeetingDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  CwDate date = {
    g_date_time_get_year (picked), g_date_time_get_month (picked),
    g_date_time_get_day_of_month (picked), CW_DATE_PRECISION_DAY
  };

  if (self->updating || cw_date_compare (&date, &self->date) == 0)
    return;

  self->date = date;
  show_date (self);
  gtk_menu_button_popdown (self->date_button);
  if (!self->cases_touched)
    propose_cases (self);
  queue_rebuild (self);
}

/* Logging what was written */

static void
log_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 CwMeetingDialog  *self)
{
  CwMeetingPack *pack = g_object_get_data (G_OBJECT (dialog), "cw-pack");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "log") != 0)
    return;

  if (!cw_meeting_log_letters (self->store, pack, &error))
    {
      show_error (self, _("The Letters Could Not Be Logged"), error->message);
      return;
    }
  show_toast (self, _("The letters are on each case’s timeline"));
}

static char *
describe_logging (CwMeetingPack *pack)
{
  g_autofree char *date = cw_date_format_display (cw_meeting_pack_get_date (pack));
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Add “letters written” on %s to the timeline of each case:"),
                          date);
  for (guint i = 0; i < cw_meeting_pack_get_n_cases (pack); i++)
    {
      CwCase *kase = cw_meeting_pack_get_case (pack, i);
      guint count = cw_meeting_pack_count_letters (pack, cw_case_get_id (kase));

      if (count == 0)
        continue;
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u letter",
                                                 "%s: %u letters", count),
                              cw_case_get_title (kase), count);
    }
  return g_string_free (text, FALSE);
}

static void
offer_logging (CwMeetingDialog *self,
               CwMeetingPack   *pack)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (cw_store_get_read_only (self->store) || cw_meeting_pack_count_letters (pack, NULL) == 0)
    return;

  body = describe_logging (pack);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Log the Letters?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Not Now"), "log", _("_Log Letters"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "log", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "log");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cw-pack", g_object_ref (pack), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (log_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing and saving */

typedef struct {
  GWeakRef dialog;
  CwMeetingPack *pack;
} Printing;

static void
print_done_cb (GtkPrintOperationResult result,
               gpointer                user_data)
{
  Printing *printing = user_data;
  g_autoptr(CwMeetingDialog) self = g_weak_ref_get (&printing->dialog);
  g_autoptr(CwMeetingPack) pack = printing->pack;

  g_weak_ref_clear (&printing->dialog);
  g_free (printing);
  /* The pack printed is the one to log, whatever the preview shows now. */
  if (self != NULL && result == GTK_PRINT_OPERATION_RESULT_APPLY)
    offer_logging (self, pack);
}

/* A pack of its own for printing or saving, laid out by the printer or
 * the PDF with the window's fonts; %NULL, and said, if it has no letters. */
static CwMeetingPack *
pack_to_print (CwMeetingDialog  *self,
               GError          **error)
{
  g_autoptr(CwMeetingPack) pack = build_pack (self);

  if (cw_meeting_pack_count_letters (pack, NULL) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The pack has no letters: choose a case and the letters to write."));
      return NULL;
    }
  return g_steal_pointer (&pack);
}

static char *
job_name (CwMeetingDialog *self)
{
  g_autofree char *date = cw_date_to_iso (&self->date);

  return g_strdup_printf (_("Meeting %s"), date);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (widget);
  g_autofree char *name = job_name (self);
  g_autoptr(GError) error = NULL;
  Printing *printing;
  CwMeetingPack *pack;

  pack = pack_to_print (self, &error);
  if (pack == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  printing = g_new0 (Printing, 1);
  g_weak_ref_init (&printing->dialog, self);
  printing->pack = pack;
  cw_print_document (GTK_WINDOW (self), CW_DOCUMENT (pack), self->profile->paper_size,
                     name, FALSE, print_done_cb, printing);
}

/**
 * cw_meeting_dialog_save_pdf:
 *
 * Writes the pack to @file as a PDF, then offers to log the letters.
 */
gboolean
cw_meeting_dialog_save_pdf (CwMeetingDialog  *self,
                            GFile            *file,
                            GError          **error)
{
  g_autoptr(CwMeetingPack) pack = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CW_IS_MEETING_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  pack = pack_to_print (self, error);
  if (pack == NULL ||
      !cw_store_check_output_file (self->store, file, error) ||
      !cw_meeting_pack_write_pdf_file (pack, file, error))
    return FALSE;

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, message);
  offer_logging (self, pack);
  return TRUE;
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (user_data);
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (!cw_meeting_dialog_save_pdf (self, file, &error))
        show_error (self, _("The Pack Could Not Be Saved"), error->message);
    }
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *date = cw_date_to_iso (&self->date);
  g_autofree char *name = g_strdup_printf (_("meeting-%s.pdf"), date);

  chooser = gtk_file_chooser_native_new (_("Save Meeting Pack"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (widget);

  if (self->page > 0)
    self->page--;
  show_page (self);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (widget);

  if (self->page + 1 < self->n_pages)
    self->page++;
  show_page (self);
}

/* GObject */

static void
cw_meeting_dialog_dispose (GObject *object)
{
  CwMeetingDialog *self = CW_MEETING_DIALOG (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  /* A layout still running finds the window gone and lets its pack go. */
  stop_layout (self);
  cw_unref_in_thread (g_steal_pointer (&self->pack));
  g_clear_object (&self->store);
  g_clear_pointer (&self->profile, cw_profile_free);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_MEETING_DIALOG);

  G_OBJECT_CLASS (cw_meeting_dialog_parent_class)->dispose (object);
}

static void
cw_meeting_dialog_class_init (CwMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cw_meeting_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casework/cw-meeting-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, copies_spin);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, member_switch);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, appeal_check);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, copy_check);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, solidarity_check);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, case_picker);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, CwMeetingDialog, summary_label);

  gtk_widget_class_install_action (widget_class, "meeting.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "meeting.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "meeting.previous-page", NULL,
                                   previous_page_action);
  gtk_widget_class_install_action (widget_class, "meeting.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "meeting.previous-page",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "meeting.next-page",
                                       NULL);
}

static void
cw_meeting_dialog_init (CwMeetingDialog *self)
{
  g_type_ensure (CW_TYPE_CASE_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));
  cw_date_today (&self->date);
}

static void
connect_signals (CwMeetingDialog *self)
{
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->copies_spin, "value-changed", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->member_switch, "notify::active", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->appeal_check, "toggled", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->copy_check, "toggled", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->solidarity_check, "toggled", G_CALLBACK (queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_picker, "toggled", G_CALLBACK (case_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

static gboolean
load_group (CwMeetingDialog  *self,
            GError          **error)
{
  self->profile = cw_store_load_profile (self->store, error);
  if (self->profile == NULL)
    return FALSE;
  self->templates = cw_store_list_letter_templates_with_bundled (self->store, error);
  return self->templates != NULL;
}

/**
 * cw_meeting_dialog_new:
 * @parent: (nullable): the main window
 *
 * Returns: (transfer floating): the dialog, modal and transient for
 *   @parent; present it with gtk_window_present()
 */
GtkWidget *
cw_meeting_dialog_new (GtkWindow *parent,
                       CwStore   *store)
{
  CwMeetingDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (!load_group (self, &error))
    {
      g_warning ("Could not load the group’s details: %s", error->message);
      g_clear_pointer (&self->profile, cw_profile_free);
      self->profile = cw_profile_new ();
      self->templates = cw_bundled_templates ();
    }

  load_cases (self);
  propose_cases (self);
  cw_meeting_dialog_set_date (self, &self->date);
  connect_signals (self);
  rebuild_now (self);
  return GTK_WIDGET (self);
}

/* For the window and tests */

/**
 * cw_meeting_dialog_set_date:
 *
 * Sets the meeting's day; unless the user has chosen cases, the cases it
 * proposes follow.
 */
void
cw_meeting_dialog_set_date (CwMeetingDialog *self,
                            const CwDate    *date)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_if_fail (CW_IS_MEETING_DIALOG (self));
  g_return_if_fail (date != NULL && date->precision == CW_DATE_PRECISION_DAY);

  self->date = *date;
  when = g_date_time_new_local (date->year, date->month, date->day, 12, 0, 0);
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->updating = FALSE;
  show_date (self);
  if (!self->cases_touched)
    propose_cases (self);
  queue_rebuild (self);
}

void
cw_meeting_dialog_set_copies (CwMeetingDialog *self,
                              guint            copies)
{
  g_return_if_fail (CW_IS_MEETING_DIALOG (self));
  gtk_spin_button_set_value (self->copies_spin, copies);
}

void
cw_meeting_dialog_set_roles (CwMeetingDialog *self,
                             CwLetterRoles    roles)
{
  g_return_if_fail (CW_IS_MEETING_DIALOG (self));

  gtk_check_button_set_active (self->appeal_check, (roles & CW_LETTER_ROLE_APPEAL) != 0);
  gtk_check_button_set_active (self->copy_check, (roles & CW_LETTER_ROLE_COPY) != 0);
  gtk_check_button_set_active (self->solidarity_check, (roles & CW_LETTER_ROLE_SOLIDARITY) != 0);
}

gboolean
cw_meeting_dialog_get_case_selected (CwMeetingDialog *self,
                                     const char      *case_id)
{
  g_return_val_if_fail (CW_IS_MEETING_DIALOG (self), FALSE);

  return cw_case_picker_get_chosen (self->case_picker, case_id);
}

void
cw_meeting_dialog_set_case_selected (CwMeetingDialog *self,
                                     const char      *case_id,
                                     gboolean         selected)
{
  g_return_if_fail (CW_IS_MEETING_DIALOG (self));
  g_return_if_fail (cw_case_picker_get_case (self->case_picker, case_id) != NULL);

  /* As the user ticks it. */
  if (cw_case_picker_get_chosen (self->case_picker, case_id) != !!selected)
    {
      cw_case_picker_set_chosen (self->case_picker, case_id, selected);
      case_toggled_cb (self);
    }
}

/**
 * cw_meeting_dialog_offers_solidarity:
 *
 * Whether solidarity letters go to this case when the user asks for them.
 */
gboolean
cw_meeting_dialog_offers_solidarity (CwMeetingDialog *self,
                                     const char      *case_id)
{
  CwCase *kase;

  g_return_val_if_fail (CW_IS_MEETING_DIALOG (self), FALSE);

  kase = cw_case_picker_get_case (self->case_picker, case_id);
  return kase != NULL && cw_letter_solidarity_allowed (kase, NULL);
}

/**
 * cw_meeting_dialog_get_pack:
 *
 * Returns: (transfer none): the pack as the dialog now shows it
 */
CwMeetingPack *
cw_meeting_dialog_get_pack (CwMeetingDialog *self)
{
  g_return_val_if_fail (CW_IS_MEETING_DIALOG (self), NULL);

  flush (self);
  return self->pack;
}

guint
cw_meeting_dialog_get_n_pages (CwMeetingDialog *self)
{
  g_return_val_if_fail (CW_IS_MEETING_DIALOG (self), 0);

  flush (self);
  return self->n_pages;
}

/**
 * cw_meeting_dialog_is_preparing:
 *
 * Whether a change waits to be laid out, or is being laid out: the pages
 * shown are not yet the pack's.
 */
gboolean
cw_meeting_dialog_is_preparing (CwMeetingDialog *self)
{
  g_return_val_if_fail (CW_IS_MEETING_DIALOG (self), FALSE);

  return self->rebuild_source != 0 || self->layout_cancellable != NULL;
}
