/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-window"

#include <glib/gi18n.h>

#include "cw-window-private.h"

/*
 * Back Up Database… and Restore From Backup…. A backup is written in a
 * thread, over a connection of its own, so a large database never freezes
 * the window. A restore checks the chosen file in a thread first, shows
 * what it holds and asks before anything changes; the restore itself runs
 * on the window's own connection, so the list and the open case follow it
 * at once, and keeps a safety copy of the records as they were.
 */

typedef struct {
  char *db_path;
  GFile *file;
  CwBackupInfo info;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  cw_backup_info_clear (&job->info);
  g_free (job);
}

static BackupJob *
backup_job_new (CwWindow *self,
                GFile    *file)
{
  BackupJob *job = g_new0 (BackupJob, 1);

  job->db_path = g_strdup (cw_store_get_path (self->store));
  job->file = g_object_ref (file);
  return job;
}

/* What the user typed and has not been saved yet goes into the backup, and
 * is not written over restored records later. */
static void
flush_edits (CwWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->case_page != NULL && !cw_case_page_flush (self->case_page, &error))
    g_warning ("Not every change could be saved: %s", error->message);
}

static void
add_database_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) backups = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (backups, _("Casework backups"));
  gtk_file_filter_add_mime_type (backups, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (backups, "application/x-sqlite3");
  gtk_file_filter_add_suffix (backups, "db");
  gtk_file_chooser_add_filter (chooser, backups);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Back up */

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(CwStore) store = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      g_task_return_new_error (task, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                               _("“%s” is not a local file; choose a folder on this computer "
                                 "or on a disk connected to it"), name);
      return;
    }

  store = cw_store_open (job->db_path, &error);
  if (store == NULL || !cw_store_backup (store, path, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CwWindow *self = CW_WINDOW (source);
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  self->jobs_running--;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        cw_window_show_error (self, _("The Database Could Not Be Backed Up"), error->message);
      return;
    }

  name = g_file_get_basename (job->file);
  message = g_strdup_printf (_("Backed up to “%s”"), name);
  cw_window_show_toast (self, message);
}

/**
 * cw_window_back_up_to:
 * @file: where the backup goes; a file there is replaced once the backup
 *   is complete
 *
 * Writes a backup of the whole database in a thread, and tells the user
 * when it is done or why it failed.
 */
void
cw_window_back_up_to (CwWindow *self,
                      GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  flush_edits (self);
  task = g_task_new (self, self->cancellable, backup_done_cb, NULL);
  g_task_set_source_tag (task, cw_window_back_up_to);
  g_task_set_task_data (task, backup_job_new (self, file), (GDestroyNotify) backup_job_free);
  self->jobs_running++;
  g_task_run_in_thread (task, backup_thread);
}

typedef void (*ChosenFunc) (CwWindow *self,
                            GFile    *file);

/* Both file choosers: on Accept, hands the file to the function the
 * chooser was opened for. */
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  CwWindow *self = CW_WINDOW (user_data);
  ChosenFunc chosen = (ChosenFunc) g_object_get_data (G_OBJECT (chooser), "cw-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        chosen (self, file);
    }

  g_object_unref (chooser);
}

static void
connect_chooser (CwWindow             *self,
                 GtkFileChooserNative *chooser,
                 ChosenFunc            chosen)
{
  g_object_set_data (G_OBJECT (chooser), "cw-chosen", (gpointer) chosen);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  /* TRANSLATORS: the suggested file name of a backup; %s is today's date */
  name = g_strdup_printf (_("casework-backup-%s.db"), date);
  chooser = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_database_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  connect_chooser (self, chooser, cw_window_back_up_to);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Restore: check in a thread, confirm, then restore. */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      g_task_return_new_error (task, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                               _("“%s” is not a local file; copy it to this computer first"),
                               name);
      return;
    }

  if (!cw_store_check_backup (path, &job->info, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static char *
describe_backup (const CwBackupInfo *info)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "The backup holds %'u case",
                                             "The backup holds %'u cases", info->n_cases),
                          info->n_cases);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " and %'u timeline entry",
                                             " and %'u timeline entries", info->n_entries),
                          info->n_entries);
  if (info->last_changed != NULL)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (info->last_changed, NULL);
      g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
      g_autofree char *date = local != NULL ? g_date_time_format (local, "%-d %B %Y") : NULL;

      if (date != NULL)
        {
          g_string_append (text, "; ");
          g_string_append_printf (text, _("a case in it last changed on %s"), date);
        }
    }
  g_string_append (text, ".\n\n");
  g_string_append (text, _("Everything Casework holds now is replaced by what the backup holds. "
                           "A safety copy of the current records is kept beside the database, "
                           "so nothing is lost."));
  return g_string_free (text, FALSE);
}

/* After a restore, nothing from before it can be brought back by Undo. */
static void
forget_undo (CwWindow *self)
{
  g_clear_object (&self->deleted_case);
  g_clear_pointer (&self->deleted_entries, g_ptr_array_unref);
  g_clear_object (&self->deleted_entry);
}

/* A restore replaces every record: not while an import or a backup is
 * still writing or reading them in a thread. */
static gboolean
refuse_while_busy (CwWindow *self)
{
  if (self->jobs_running == 0)
    return FALSE;
  cw_window_show_error (self, _("Wait Until the Import or Backup Is Done"),
                        _("A restore replaces all the records, and another task is still "
                          "working on them. Restore once it has finished."));
  return TRUE;
}

/**
 * cw_window_restore_now:
 * @file: a backup, already checked
 *
 * Replaces the records with the backup's, keeping a safety copy, and tells
 * the user how it went.
 *
 * Returns: whether the backup was restored
 */
gboolean
cw_window_restore_now (CwWindow *self,
                       GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *name = NULL;
  g_autofree char *safety_name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (refuse_while_busy (self))
    return FALSE;
  flush_edits (self);
  path = g_file_get_path (file);
  if (path == NULL ||
      !cw_store_restore_from (self->store, path, &safety, &error))
    {
      cw_window_show_error (self, _("The Backup Could Not Be Restored"),
                            error != NULL ? error->message : _("The file is not on this computer."));
      return FALSE;
    }

  forget_undo (self);
  name = g_file_get_basename (file);
  safety_name = g_path_get_basename (safety);
  message = g_strdup_printf (_("Restored from “%s”. The records from before are kept in “%s”"),
                             name, safety_name);
  cw_window_show_toast (self, message);
  return TRUE;
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  CwWindow *self = g_task_get_source_object (task);
  BackupJob *job = g_task_get_task_data (task);

  if (g_strcmp0 (response, "restore") != 0)
    return;

  cw_window_restore_now (self, job->file);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CwWindow *self = CW_WINDOW (source);
  BackupJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was changed."));
          cw_window_show_error (self, _("This File Cannot Be Restored"), body);
        }
      return;
    }

  name = g_file_get_basename (job->file);
  heading = g_strdup_printf (_("Restore From “%s”?"), name);
  body = describe_backup (&job->info);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (restore_confirm_cb), g_object_ref (result));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cw_window_restore_from:
 * @file: a backup the user chose
 *
 * Checks the file in a thread; if it is a sound backup, shows what it
 * holds and restores it once the user confirms; if not, says why, and
 * nothing changes.
 */
void
cw_window_restore_from (CwWindow *self,
                        GFile    *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->store != NULL);

  if (cw_store_get_read_only (self->store))
    {
      cw_window_show_error (self, _("This Database Is Read-Only"),
                            cw_store_get_read_only_reason (self->store));
      return;
    }
  if (refuse_while_busy (self))
    return;

  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, cw_window_restore_from);
  g_task_set_task_data (task, backup_job_new (self, file), (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, check_thread);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CwWindow *self = CW_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Restore From Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  add_database_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  connect_chooser (self, chooser, cw_window_restore_from);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cw_window_backup_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}
