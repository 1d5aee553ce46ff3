/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-application"

#include <glib/gi18n.h>

#include "cw-application.h"
#include "cw-store.h"
#include "cw-timing.h"
#include "cw-window.h"

/*
 * The application: one database, opened at start-up, shared by its
 * windows. `--db FILE` picks the database, else $CASEWORK_DB, else the
 * user's data directory.
 *
 * A database that must first be brought up to date (copied, then its
 * tables made anew: seconds for a big one) is opened in a thread, while
 * the window says what is happening; the window shows itself at once
 * only if that takes long enough to be seen.
 */

/* An update quicker than this shows the window only once it is done. */
#define UPDATING_SHOWN_AFTER_MS 300

struct _CwApplication
{
  AdwApplication parent_instance;

  char *db_path;
  CwStore *store;
  GError *open_error;
  gboolean opening;             /* the database is being brought up to date */
  CwWindow *waiting;            /* the window waiting for it */
  guint show_waiting_source;
};

G_DEFINE_FINAL_TYPE (CwApplication, cw_application, ADW_TYPE_APPLICATION)

static void
cw_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Casework developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Casework"),
                        "developer-name", _("The Casework developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://example.org/casework",
                        "issue-url", "https://example.org/casework/issues",
                        "comments", _("Casework keeps the record of the human-rights cases "
                                      "a group works on: the people at risk, who was asked "
                                      "for what, and what came of it. Everything stays on "
                                      "this computer."),
                        "copyright", "© 2026 The Casework developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cw_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it save its size; edits are already saved. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;

      gtk_window_close (GTK_WINDOW (l->data));
      l = next;
    }
}

static const GActionEntry app_actions[] = {
  { "about", cw_application_about_action },
  { "quit", cw_application_quit_action },
};

static int
cw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CwApplication *self = CW_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("casework %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      self->db_path = g_file_get_path (file);
    }

  return -1;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CwStore *store = cw_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CwApplication *self = CW_APPLICATION (source);

  self->opening = FALSE;
  self->store = g_task_propagate_pointer (G_TASK (result), &self->open_error);
  if (self->store == NULL)
    g_warning ("%s", self->open_error->message);

  g_clear_handle_id (&self->show_waiting_source, g_source_remove);
  if (self->waiting != NULL)
    {
      /* A window asked to close meanwhile closes now. */
      cw_window_set_store (self->waiting, self->store, self->open_error);
      if (self->waiting != NULL)
        gtk_window_present (GTK_WINDOW (self->waiting));
      g_clear_weak_pointer (&self->waiting);
    }
  g_application_release (G_APPLICATION (self));
}

static gboolean
show_waiting_cb (gpointer user_data)
{
  CwApplication *self = user_data;

  self->show_waiting_source = 0;
  if (self->waiting == NULL)
    return G_SOURCE_REMOVE;

  gtk_window_present (GTK_WINDOW (self->waiting));
  cw_timing_after_next_frame (GTK_WIDGET (self->waiting), cw_timing_started_at (),
                              "casework: first frame %.0f ms after start, updating the database",
                              0);
  return G_SOURCE_REMOVE;
}

static void
cw_application_startup (GApplication *app)
{
  CwApplication *self = CW_APPLICATION (app);
  g_autofree char *path = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (cw_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);

  path = self->db_path != NULL ? g_strdup (self->db_path) : cw_store_default_path ();
  if (cw_store_file_needs_update (path))
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, opened_cb, NULL);

      g_message ("%s is from an older Casework; bringing it up to date", path);
      self->opening = TRUE;
      g_application_hold (app);
      g_task_set_task_data (task, g_steal_pointer (&path), g_free);
      g_task_run_in_thread (task, open_thread);
      return;
    }

  self->store = cw_store_open (path, &self->open_error);
  if (self->store == NULL)
    g_warning ("%s", self->open_error->message);
}

static void
cw_application_activate (GApplication *app)
{
  CwApplication *self = CW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

      window = windows != NULL ? windows->data : NULL;
    }

  if (window == NULL && self->opening)
    {
      window = GTK_WINDOW (cw_window_new (self, NULL, NULL));
      g_set_weak_pointer (&self->waiting, CW_WINDOW (window));
      g_clear_handle_id (&self->show_waiting_source, g_source_remove);
      self->show_waiting_source = g_timeout_add (UPDATING_SHOWN_AFTER_MS, show_waiting_cb, self);
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (cw_window_new (self, self->store, self->open_error));

  gtk_window_present (window);
}

static void
cw_application_finalize (GObject *object)
{
  CwApplication *self = (CwApplication *) object;

  g_clear_handle_id (&self->show_waiting_source, g_source_remove);
  g_clear_weak_pointer (&self->waiting);
  g_clear_object (&self->store);
  g_clear_error (&self->open_error);
  g_free (self->db_path);

  G_OBJECT_CLASS (cw_application_parent_class)->finalize (object);
}

static void
cw_application_class_init (CwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cw_application_finalize;
  app_class->handle_local_options = cw_application_handle_local_options;
  app_class->startup = cw_application_startup;
  app_class->activate = cw_application_activate;
}

static void
cw_application_init (CwApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the database FILE"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

CwApplication *
cw_application_new (void)
{
  /* NON_UNIQUE: each `casework --db FILE` is its own process on its own
   * database, rather than a window of whichever instance ran first. */
  return g_object_new (CW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/example/Casework",
                       NULL);
}
