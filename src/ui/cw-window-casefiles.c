/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-window"

#include <glib/gi18n.h>

#include "cw-casefile-import.h"
#include "cw-casefile-writer.h"
#include "cw-window-private.h"

/*
 * Casefile documents in and out of the window: Import… (and files dropped
 * on the window), Export… of a case or all cases, Hand Over Case…, and the
 * bundled samples. Reading, checking and storing a document happen in a
 * thread on a connection of its own, so a large file never freezes the
 * window; the user sees what a file holds and confirms before anything is
 * stored.
 */

typedef struct {
  GPtrArray *files;            /* GFile */
  char *db_path;
  GPtrArray *casefiles;        /* CwCasefile, read by the preview */
  CwImportSummary *summary;
  gboolean dry_run;
  guint done;                  /* cases stored so far, for the progress bar */
  guint total;
} ImportJob;

typedef struct {
  GStrv ids;                   /* NULL: every case */
  CwCasefileScope scope;
  GFile *file;
  char *db_path;
} ExportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->casefiles, g_ptr_array_unref);
  g_clear_pointer (&job->summary, cw_import_summary_free);
  g_free (job->db_path);
  g_free (job);
}

static void
export_job_free (ExportJob *job)
{
  g_strfreev (job->ids);
  g_clear_object (&job->file);
  g_free (job->db_path);
  g_free (job);
}

static void
add_casefile_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Casefile documents"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (chooser, filter);
}

static gboolean
check_writable (CwWindow *self)
{
  if (self->store != NULL && !cw_store_get_read_only (self->store))
    return TRUE;

  if (self->store == NULL)
    cw_window_show_error (self, _("The Database Is Not Open"),
                          cw_window_is_updating (self)
                            ? _("Casework is bringing the database up to date. Try again "
                                "once it is done.")
                            : _("No database is open."));
  else
    cw_window_show_error (self, _("This Database Is Read-Only"),
                          cw_store_get_read_only_reason (self->store));
  return FALSE;
}

/* Import: read and preview in a thread, confirm, store in a thread. */

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->total, total);
  g_atomic_int_set (&job->done, done);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CwStore) store = NULL;
  GError *error = NULL;

  store = cw_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_pointer (&job->summary, cw_import_summary_free);
  job->summary = cw_import_summary_new ();

  /* The preview reads the files while working out what storing them
   * would do, and keeps what it read for the import itself. */
  if (job->casefiles == NULL)
    {
      g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);

      if (!cw_store_import_files (store, job->files, job->dry_run, job->summary, casefiles,
                                  import_progress_cb, job, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      job->casefiles = g_steal_pointer (&casefiles);
    }
  else if (!cw_store_import_casefiles (store, job->casefiles, job->dry_run, job->summary,
                                       import_progress_cb, job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void run_import (CwWindow  *self,
                        ImportJob *job);

static void
append_titles (GString    *text,
               GPtrArray  *titles,
               const char *singular,
               const char *plural)
{
  if (titles->len == 0)
    return;

  g_string_append_printf (text, "\n%s", g_dngettext (GETTEXT_PACKAGE, singular, plural, titles->len));
  for (guint i = 0; i < titles->len && i < 8; i++)
    g_string_append_printf (text, "\n • %s", (const char *) g_ptr_array_index (titles, i));
  if (titles->len > 8)
    {
      g_string_append (text, "\n • ");
      g_string_append_printf (text, _("and %u more"), titles->len - 8);
    }
}

static char *
describe_preview (ImportJob *job)
{
  CwImportSummary *summary = job->summary;
  GString *text = g_string_new (NULL);

  append_titles (text, summary->cases_added, N_("A new case:"), N_("New cases:"));
  append_titles (text, summary->cases_updated, N_("A case already here, to update:"),
                 N_("Cases already here, to update:"));
  append_titles (text, summary->cases_unchanged, N_("A case already here as it is:"),
                 N_("Cases already here as they are:"));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u new timeline entry",
                                             "%'u new timeline entries", summary->entries_added),
                          summary->entries_added);
  if (summary->entries_updated > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u changed", "%'u changed",
                                                 summary->entries_updated),
                              summary->entries_updated);
    }
  if (summary->entries_unchanged > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%'u already here",
                                                 "%'u already here", summary->entries_unchanged),
                              summary->entries_unchanged);
    }

  for (guint w = 0; w < summary->warnings->len && w < 5; w++)
    {
      if (w == 0)
        g_string_append_printf (text, "\n\n%s", _("Left out, as this Casework does not know it:"));
      g_string_append_printf (text, "\n • %s",
                              (const char *) g_ptr_array_index (summary->warnings, w));
    }

  g_string_erase (text, 0, 1);
  return g_string_free (text, FALSE);
}

static void
import_confirm_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  CwWindow *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (task);
  ImportJob *commit;

  if (g_strcmp0 (response, "import") != 0)
    return;

  /* The documents have been read and checked; store them for real. */
  commit = g_new0 (ImportJob, 1);
  commit->files = g_ptr_array_ref (job->files);
  commit->casefiles = g_steal_pointer (&job->casefiles);
  commit->db_path = g_strdup (job->db_path);
  commit->dry_run = FALSE;
  run_import (self, commit);
}

static void
show_preview (CwWindow  *self,
              GTask     *task,
              ImportJob *job)
{
  g_autofree char *body = describe_preview (job);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (job->files->len == 1)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (job->files, 0));

      heading = g_strdup_printf (_("Import “%s”?"), name);
    }
  else
    heading = g_strdup_printf (_("Import %u Casefiles?"), job->files->len);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_confirm_cb), g_object_ref (task));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_import (CwImportSummary *summary)
{
  guint added = summary->cases_added->len;
  guint updated = summary->cases_updated->len;

  if (added > 0 && updated > 0)
    return g_strdup_printf (_("Added %'u and updated %'u cases"), added, updated);
  if (added > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %'u case", "Added %'u cases", added),
                            added);
  if (updated > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %'u case", "Updated %'u cases",
                                         updated), updated);
  if (summary->entries_added > 0 || summary->entries_updated > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added or changed %'u timeline entry",
                                         "Added or changed %'u timeline entries",
                                         summary->entries_added + summary->entries_updated),
                            summary->entries_added + summary->entries_updated);
  return g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                "Nothing changed: the case was already here as it is",
                                "Nothing changed: the cases were already here as they are",
                                summary->cases_unchanged->len));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CwWindow *self = CW_WINDOW (source);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->jobs_running--;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                                   _("Nothing was imported."));

          cw_window_show_error (self, _("The Casefile Could Not Be Imported"), body);
        }
      return;
    }

  if (job->dry_run)
    {
      show_preview (self, G_TASK (result), job);
      return;
    }

  /* The import wrote through a connection of its own. */
  if (!cw_case_list_reload (self->cases, &error))
    g_warning ("Could not reload the cases: %s", error->message);

  {
    g_autofree char *message = describe_import (job->summary);

    cw_window_show_toast (self, message);
  }
  if (job->summary->case_ids->len > 0)
    cw_window_select_case (self, g_ptr_array_index (job->summary->case_ids, 0));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  CwWindow *self = g_task_get_source_object (task);
  ImportJob *job = g_task_get_task_data (task);
  guint total = g_atomic_int_get (&job->total);
  guint done = g_atomic_int_get (&job->done);

  if (g_task_get_completed (task))
    return G_SOURCE_REMOVE;

  if (total > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%'u of %'u cases"), done, total);

      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
  else
    {
      /* Read and checked as they are stored: how many there are in all is
       * known only at the end. */
      if (done > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "Reading the casefile: %'u case so far",
                                                                "Reading the casefile: %'u cases so far",
                                                                done), done);

          gtk_progress_bar_set_text (self->progress_bar, text);
        }
      gtk_progress_bar_pulse (self->progress_bar);
    }

  return G_SOURCE_CONTINUE;
}

static void
run_import (CwWindow  *self,
            ImportJob *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, import_done_cb, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_set_source_tag (task, run_import);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar,
                             job->dry_run ? _("Reading the casefile…") : _("Importing…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  g_timeout_add_full (G_PRIORITY_DEFAULT, 100, update_progress_cb, g_object_ref (task),
                      g_object_unref);

  self->jobs_running++;
  g_task_run_in_thread (task, import_thread);
}

/**
 * cw_window_import_files:
 * @files: (element-type GFile): casefile documents
 *
 * Reads the files, shows what they hold, and imports them if the user
 * confirms.
 */
void
cw_window_import_files (CwWindow  *self,
                        GPtrArray *files)
{
  ImportJob *job;

  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len > 0);

  if (!check_writable (self))
    return;

  job = g_new0 (ImportJob, 1);
  job->files = g_ptr_array_ref (files);
  job->db_path = g_strdup (cw_store_get_path (self->store));
  job->dry_run = TRUE;
  run_import (self, job);
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  CwWindow *self = CW_WINDOW (user_data);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      if (list->len > 0)
        cw_window_import_files (self, list);
    }

  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (!check_writable (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Casefile"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_casefile_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  CwWindow *self = CW_WINDOW (user_data);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));

  if (files->len == 0)
    return FALSE;

  cw_window_import_files (self, files);
  return TRUE;
}

/* The samples that ship with Casework, to try it on. */
static void
try_samples_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  static const char * const samples[] = { "long-term-case.xml", "urgent-action.xml" };
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;

  if (!check_writable (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/org/example/Casework/samples/%s", samples[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      CwCasefile *casefile;

      g_assert (bytes != NULL);
      casefile = cw_casefile_read (bytes, samples[i], &error);
      if (casefile == NULL)
        break;
      g_ptr_array_add (casefiles, casefile);
    }

  if (error == NULL)
    cw_store_import_casefiles (self->store, casefiles, FALSE, summary, NULL, NULL, &error);

  if (error != NULL)
    {
      cw_window_show_error (self, _("The Samples Could Not Be Loaded"), error->message);
      return;
    }

  cw_window_show_toast (self, _("Two sample cases were added. Every person in them is invented."));
  cw_window_select_case (self, g_ptr_array_index (summary->case_ids, 0));
}

/* Export: the scope is chosen in the file chooser. */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  CwCasefileWriteOptions options = { job->scope };
  g_autoptr(CwStore) store = NULL;
  GError *error = NULL;

  store = cw_store_open (job->db_path, &error);
  if (store == NULL ||
      !cw_store_export_casefile_to_file (store, (const char * const *) job->ids, &options,
                                         job->file, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CwWindow *self = CW_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      cw_window_show_error (self, _("The Cases Could Not Be Exported"), error->message);
      return;
    }

  name = g_file_get_basename (job->file);
  message = g_strdup_printf (job->scope == CW_CASEFILE_SCOPE_PUBLIC
                               ? _("Exported to “%s”, without private details")
                               : _("Exported to “%s”"), name);
  cw_window_show_toast (self, message);
}

static void
add_scope_choice (GtkFileChooser *chooser)
{
  const char *ids[] = { "full", "public", NULL };
  const char *labels[] = {
    _("Everything, for the group and the next casefile holder"),
    _("Public only: no safety notes, private entries or contact details"),
    NULL
  };

  gtk_file_chooser_add_choice (chooser, "scope", _("Include"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "scope", "full");
}

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  CwWindow *self = CW_WINDOW (user_data);
  const char * const *ids = g_object_get_data (G_OBJECT (chooser), "case-ids");
  const char *scope;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scope");
      cw_window_export_cases (self, ids,
                              g_strcmp0 (scope, "public") == 0 ? CW_CASEFILE_SCOPE_PUBLIC
                                                               : CW_CASEFILE_SCOPE_FULL,
                              file);
    }

  g_object_unref (chooser);
}

/**
 * cw_window_export_cases:
 * @ids: (nullable): the cases; %NULL for all
 *
 * Writes the cases to @file in a thread, and tells the user when done.
 */
void
cw_window_export_cases (CwWindow           *self,
                        const char * const *ids,
                        CwCasefileScope     scope,
                        GFile              *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->ids = g_strdupv ((GStrv) ids);
  job->scope = scope;
  job->file = g_object_ref (file);
  job->db_path = g_strdup (cw_store_get_path (self->store));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static char *
file_name_for (const char *title)
{
  g_autofree char *name = g_strdup (title);

  /* Characters that file systems or portals refuse in a name. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strdup_printf ("%s.xml", name);
}

/* @ids: (transfer full) (nullable): the cases, or %NULL for all */
static void
choose_export_file (CwWindow   *self,
                    GStrv       ids,
                    const char *title,
                    const char *suggested_name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  g_object_set_data_full (G_OBJECT (chooser), "case-ids", ids, (GDestroyNotify) g_strfreev);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  add_casefile_filter (GTK_FILE_CHOOSER (chooser));
  add_scope_choice (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);

  choose_export_file (self, NULL, _("Export All Cases"), _("casework-cases.xml"));
}

static void
export_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  CwCase *kase = cw_window_get_selected_case (self);
  g_autofree char *name = NULL;
  char *ids[2] = { NULL, NULL };

  if (kase == NULL)
    return;

  ids[0] = (char *) cw_case_get_id (kase);
  name = file_name_for (cw_case_get_title (kase));
  choose_export_file (self, g_strdupv (ids), _("Export Case"), name);
}

/* Hand over: the next holder gets the whole casefile, and the timeline and
 * the list of holders say so. All of it happens, or none. */

typedef struct {
  char *case_id;
  char *next_holder;
} Handover;

static void
handover_free (Handover *handover)
{
  g_free (handover->case_id);
  g_free (handover->next_holder);
  g_free (handover);
}

static gboolean
record_handover (CwStore     *store,
                 const char  *case_id,
                 const char  *next_holder,
                 GError     **error)
{
  g_autoptr(CwCase) kase = cw_store_load_case (store, case_id, error);
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  GPtrArray *holders;
  CwContact *holder;
  CwDate date;

  if (kase == NULL)
    return FALSE;

  cw_date_today (&date);
  today = cw_date_to_iso (&date);
  holders = cw_case_get_holders (kase);
  if (holders->len > 0)
    {
      CwContact *current = g_ptr_array_index (holders, holders->len - 1);

      if (current->to == NULL)
        current->to = g_strdup (today);
    }
  holder = cw_contact_new (next_holder);
  holder->from = g_strdup (today);
  g_ptr_array_add (holders, holder);

  title = g_strdup_printf (_("Casefile handed over to %s"), next_holder);
  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, today);
  cw_entry_set_category (entry, CW_ENTRY_CATEGORY_UPDATE);
  cw_entry_set_kind (entry, "casefile-update");
  cw_entry_set_title (entry, title);

  return cw_store_save_case (store, kase, error) && cw_store_save_entry (store, entry, error);
}

/**
 * cw_window_hand_over_case:
 * @next_holder: who takes the case on
 * @file: where the casefile for them goes
 *
 * Ends the current holder's time on the case, adds the next holder, notes
 * the handover in the timeline, and writes the whole casefile: all of it,
 * or none of it.
 */
gboolean
cw_window_hand_over_case (CwWindow    *self,
                          const char  *case_id,
                          const char  *next_holder,
                          GFile       *file,
                          GError     **error)
{
  CwCasefileWriteOptions options = { CW_CASEFILE_SCOPE_FULL };
  const char *ids[] = { case_id, NULL };

  g_return_val_if_fail (CW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (case_id != NULL && next_holder != NULL, FALSE);

  if (!cw_store_begin (self->store, error))
    return FALSE;

  if (!record_handover (self->store, case_id, next_holder, error) ||
      !cw_store_export_casefile_to_file (self->store, ids, &options, file, error))
    {
      cw_store_rollback (self->store);
      return FALSE;
    }

  return cw_store_commit (self->store, error);
}

static void
handover_chooser_response_cb (GtkNativeDialog *chooser,
                              int              response,
                              gpointer         user_data)
{
  Handover *handover = user_data;
  CwWindow *self = CW_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (cw_window_hand_over_case (self, handover->case_id, handover->next_holder, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The casefile is ready for %s"),
                                                      handover->next_holder);
          cw_window_show_toast (self, message);
        }
      else
        cw_window_show_error (self, _("The Case Could Not Be Handed Over"), error->message);
    }

  handover_free (handover);
  g_object_unref (chooser);
}

static void
handover_name_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  CwWindow *self = CW_WINDOW (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  CwCase *kase = cw_window_get_selected_case (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;
  Handover *handover;

  if (g_strcmp0 (response, "continue") != 0 || kase == NULL || *name == '\0')
    return;

  handover = g_new0 (Handover, 1);
  handover->case_id = g_strdup (cw_case_get_id (kase));
  handover->next_holder = g_steal_pointer (&name);

  file_name = file_name_for (cw_case_get_title (kase));
  chooser = gtk_file_chooser_native_new (_("Hand Over Case"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  add_casefile_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (handover_chooser_response_cb), handover);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
handover_entry_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "continue", *name != '\0');
}

static void
handover_case_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  CwCase *kase = cw_window_get_selected_case (self);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (kase == NULL || !check_writable (self))
    return;

  body = g_strdup_printf (_("The next casefile holder gets the whole record of “%s”, "
                            "safety notes and private entries included. The handover is "
                            "noted in the timeline."), cw_case_get_title (kase));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Hand Over Case"),
                                                       body));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name of the next casefile holder"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "continue", _("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "continue", FALSE);
  adw_message_dialog_set_default_response (dialog, "continue");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (handover_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (handover_name_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cw_window_casefiles_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "win.export-case", NULL, export_case_action);
  gtk_widget_class_install_action (widget_class, "win.handover-case", NULL, handover_case_action);
  gtk_widget_class_install_action (widget_class, "win.try-samples", NULL, try_samples_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-case", NULL);
}

void
cw_window_casefiles_init (CwWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
