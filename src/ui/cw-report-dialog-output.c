/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "cw-print.h"
#include "cw-report-dialog-private.h"

/*
 * What the report window makes of the report previewed: its pages turned,
 * printed through the system print dialog, or saved in a format of the
 * user's choice, in a thread. Print and save take the report only once it
 * is built with everything typed up to the last key: until then they wait
 * for the preview (cw-report-dialog-preview.c), never taking a report half
 * built or one from before the last change.
 */

void
cw_report_dialog_update_actions (CwReportDialog *self)
{
  /* While a build runs they stay on: they wait for it. */
  gboolean any = (self->report != NULL && self->report->cases->len > 0) ||
                 cw_report_dialog_is_preparing (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page",
                                 self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", any);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwReportDialog *self = CW_REPORT_DIALOG (widget);

  if (self->page > 0)
    self->page--;
  cw_report_dialog_show_page (self);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwReportDialog *self = CW_REPORT_DIALOG (widget);

  if (self->page + 1 < self->n_pages)
    self->page++;
  cw_report_dialog_show_page (self);
}

static void
print_report (CwReportDialog *self)
{
  g_autoptr(CwReportDocument) document = NULL;
  g_autofree char *title = NULL;

  if (self->report == NULL || self->report->cases->len == 0)
    return;

  document = cw_report_document_new (self->report);
  title = cw_report_title (self->report);
  cw_print_document (GTK_WINDOW (self), CW_DOCUMENT (document), self->report->profile->paper_size,
                     title, FALSE, NULL, NULL);
}

static void show_save_chooser (CwReportDialog *self);

/* Prints or saves now if the report is built and up to date, else once
 * it is. What was typed is saved first: the report is read from the
 * database. */
static void
when_ready (CwReportDialog          *self,
            CwReportDialogWhenReady  what)
{
  g_autoptr(GError) error = NULL;
  gboolean words_waited = self->save_source != 0;

  if (!cw_report_dialog_flush (self, &error))
    cw_report_dialog_show_toast (self, error->message);

  self->when_ready = what;
  if (words_waited || !cw_report_dialog_is_up_to_date (self))
    {
      /* Whatever waited to be built is built now. */
      if (words_waited || self->rebuild_source != 0 || !cw_report_dialog_is_preparing (self))
        cw_report_dialog_rebuild_now (self);
      return;
    }
  cw_report_dialog_run_when_ready (self);
}

/* Called when the report is built and up to date. */
void
cw_report_dialog_run_when_ready (CwReportDialog *self)
{
  CwReportDialogWhenReady what = self->when_ready;

  self->when_ready = CW_REPORT_DIALOG_WHEN_READY_NOTHING;
  switch (what)
    {
    case CW_REPORT_DIALOG_WHEN_READY_PRINT:
      print_report (self);
      break;
    case CW_REPORT_DIALOG_WHEN_READY_SAVE:
      show_save_chooser (self);
      break;
    case CW_REPORT_DIALOG_WHEN_READY_NOTHING:
    default:
      break;
    }
}

/* Printing: a document of its own, as the printer lays the pages out for
 * its paper, and the preview keeps the group's. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  when_ready (CW_REPORT_DIALOG (widget), CW_REPORT_DIALOG_WHEN_READY_PRINT);
}

/* Saving */

typedef struct {
  CwReport *report;
  CwReportFormat format;
  GFile *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->report, cw_report_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (cw_report_write_to_file (job->report, job->format, job->file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CwReportDialog *self = CW_REPORT_DIALOG (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Saved “%s”"), name);
  else
    message = g_strdup_printf (_("Could not save the report: %s"), error->message);

  /* The window may have been closed while the file was written. */
  if (self->toast_overlay == NULL)
    {
      if (error != NULL)
        g_warning ("%s", message);
      return;
    }
  cw_report_dialog_show_toast (self, message);
}

/**
 * cw_report_dialog_save:
 *
 * Writes the report as the window asks for it, with every word typed,
 * into @file, in @format: read and written before it returns, whatever
 * the preview is doing.
 */
gboolean
cw_report_dialog_save (CwReportDialog  *self,
                       CwReportFormat   format,
                       GFile           *file,
                       GError         **error)
{
  g_autoptr(CwReport) report = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cw_report_dialog_flush (self, error) ||
      !cw_store_check_output_file (self->store, file, error))
    return FALSE;

  /* Read here and now, as the preview would be once built. */
  ids = cw_report_dialog_list_chosen (self);
  report = cw_report_build (self->store, cw_report_dialog_get_year (self),
                            (const char * const *) ids,
                            gtk_switch_get_active (self->private_switch), error);
  return report != NULL && cw_report_write_to_file (report, format, file, error);
}

static const struct {
  const char *id;
  const char *label;
} choices[] = {
  { "pdf", N_("PDF") },
  { "odt", N_("OpenDocument Text (.odt), for Word or LibreOffice") },
  { "fodt", N_("Flat OpenDocument Text (.fodt)") },
  { "html", N_("Web Page (HTML)") },
  { "txt", N_("Plain Text, for an Email") },
};

static void
add_format_choice (GtkFileChooser *chooser)
{
  const char *ids[G_N_ELEMENTS (choices) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (choices) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      ids[i] = choices[i].id;
      labels[i] = _(choices[i].label);
    }
  gtk_file_chooser_add_choice (chooser, "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "format", "pdf");
}

/**
 * cw_report_save_target:
 * @file: the file the chooser returned
 * @choice: (nullable): the format chosen in it, as `--format` names it
 * @format: (out): the format to write
 *
 * Where the report goes and in what format, from the chooser's name and
 * its Format choice. The name comes filled in as "….pdf", so a PDF name
 * with another format chosen means that format was chosen and the name
 * left as it came: the name takes the format's extension. A name that
 * ends in another format's extension was typed: it is that format. A
 * name with none gets the chosen format's.
 *
 * Returns: (transfer full): the file to write, @file or one beside it
 */
GFile *
cw_report_save_target (GFile          *file,
                       const char     *choice,
                       CwReportFormat *format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *renamed = NULL;
  CwReportFormat chosen = CW_REPORT_FORMAT_PDF;
  CwReportFormat named;
  const char *dot;

  if (choice != NULL)
    cw_report_format_from_name (choice, &chosen);

  if (cw_report_format_from_file_name (name, &named) &&
      (named != CW_REPORT_FORMAT_PDF || chosen == CW_REPORT_FORMAT_PDF))
    {
      *format = named;
      return g_object_ref (file);
    }

  *format = chosen;
  dot = strrchr (name, '.');
  if (dot != NULL && cw_report_format_from_file_name (name, &named))
    renamed = g_strdup_printf ("%.*s.%s", (int) (dot - name), name,
                               cw_report_format_extension (chosen));
  else
    renamed = g_strdup_printf ("%s.%s", name, cw_report_format_extension (chosen));
  return parent != NULL ? g_file_get_child (parent, renamed) : g_file_new_for_path (renamed);
}

static void
start_save (CwReportDialog *self,
            GFile          *file,
            CwReportFormat  format)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job = g_new0 (SaveJob, 1);

  job->file = g_object_ref (file);
  job->format = format;
  job->report = cw_report_ref (self->report);

  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CwReportDialog   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  CwReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (g_strcmp0 (response, "replace") == 0 && self->report != NULL)
    start_save (self, file, format);
}

/* The chooser asked before replacing the file it was given, not the
 * one its name was changed to: that one is asked about here. */
static void
confirm_replace (CwReportDialog *self,
                 GFile          *file,
                 CwReportFormat  format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("A file with this name already exists. Replacing it "
                                     "overwrites its contents."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          CwReportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) picked = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      CwReportFormat format;

      file = cw_report_save_target (picked, gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser),
                                                                         "format"), &format);
      if (!cw_store_check_output_file (self->store, file, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Report Was Not Saved"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
          g_object_unref (chooser);
          return;
        }

      if (!g_file_equal (file, picked) && g_file_query_exists (file, NULL))
        confirm_replace (self, file, format);
      else
        start_save (self, file, format);
    }
  g_object_unref (chooser);
}

static void
show_save_chooser (CwReportDialog *self)
{
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->report == NULL || self->report->cases->len == 0)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Yearly Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  name = cw_report_file_name (self->report, CW_REPORT_FORMAT_PDF);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_format_choice (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* What is saved is what was typed, up to the last key. */
  when_ready (CW_REPORT_DIALOG (widget), CW_REPORT_DIALOG_WHEN_READY_SAVE);
}

void
cw_report_dialog_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "report.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "report.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
}
