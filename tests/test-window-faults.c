/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cw-test-ui.h"
#include "cw-window-private.h"

/* The window when a save fails: another Casework holds the database in
 * the middle of a write, past the store's busy timeout. What failed is
 * shown, what was typed stays where it was typed, and once the other
 * window lets go, trying again saves it. */

#define LONG_TERM_ID "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"

typedef struct {
  char *dir;
  CwStore *store;
  CwStore *other;     /* the other Casework */
  CwWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-window-faults-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
  f->other = cw_test_open_store (f->dir, "casework.db");
  cw_test_import_sample (f->store, "long-term-case.xml");
  cw_test_import_sample (f->store, "urgent-action.xml");

  f->window = cw_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);
  cw_window_select_case (f->window, LONG_TERM_ID);
  cw_test_run_main_loop (300);
}

static void
close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = cw_test_find_dialog (NULL)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_dialogs ();
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->other);
  g_clear_object (&f->store);
  cw_test_tmp_dir_free (f->dir);
}

/* The other window starts a write and does not finish it. */
static void
lock (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (f->other, &error));
  g_assert_no_error (error);
}

static void
unlock (Fixture *f)
{
  cw_store_rollback (f->other);
}

static char *
title_in_database (Fixture    *f,
                   const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = cw_store_load_case (f->other, id, &error);

  g_assert_no_error (error);
  return g_strdup (cw_case_get_title (kase));
}

static GtkWidget *
title_row (Fixture *f)
{
  GtkWidget *label = cw_test_find_visible_label (GTK_WIDGET (f->window->case_page), "Title");

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, ADW_TYPE_ENTRY_ROW);
}

static gboolean
problem_shown (gpointer data)
{
  Fixture *f = data;

  return cw_test_find_visible_label_starting (GTK_WIDGET (f->window),
                                              "Your changes could not be saved:") != NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return cw_test_find_dialog (NULL) != NULL;
}

typedef struct {
  Fixture *f;
  const char *title;
} TitleWait;

static gboolean
title_saved (gpointer data)
{
  TitleWait *wait = data;
  g_autofree char *title = title_in_database (wait->f, LONG_TERM_ID);

  return g_strcmp0 (title, wait->title) == 0;
}

static void
test_field_kept (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row = title_row (f);
  g_autofree char *before = title_in_database (f, LONG_TERM_ID);
  g_autofree char *after = NULL;
  const char *tooltip;
  TitleWait wait = { f, "Marisol, edited again" };

  lock (f);
  gtk_editable_set_text (GTK_EDITABLE (row), "Marisol, edited while locked");

  /* The save gives up after the busy timeout and says so: on the page,
   * in a toast, and on the field that was edited. */
  g_assert_true (cw_test_wait_for (problem_shown, f));
  cw_test_run_main_loop (200);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "Your changes could not be saved"));
  g_assert_nonnull (cw_test_find_visible_label_starting (GTK_WIDGET (f->window),
                                                         "Your changes could not be saved: "
                                                         "Could not"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "another program"));
  g_assert_nonnull (strstr (tooltip, cw_store_get_path (f->store)));

  /* What was typed is still there, and the database holds the old title. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Marisol, edited while locked");
  after = title_in_database (f, LONG_TERM_ID);
  g_assert_cmpstr (after, ==, before);

  /* The toast's button tells the whole reason. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-save-error", "s", tooltip);
  g_assert_true (cw_test_wait_for (dialog_shown, NULL));
  close_dialogs ();

  /* The other window lets go; the next edit saves, and the marks go. */
  unlock (f);
  gtk_editable_set_text (GTK_EDITABLE (row), "Marisol, edited again");
  g_assert_true (cw_test_wait_for (title_saved, &wait));
  cw_test_run_main_loop (100);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (problem_shown (f));
}

/* Picking another case while the changes cannot be saved keeps the case
 * with the changes, and says why. */
static void
test_case_kept_when_switching (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = cw_store_list_cases (f->store, NULL);
  const char *other_id = NULL;
  GtkWidget *row = title_row (f);
  TitleWait wait = { f, "Marisol, edited while locked" };

  for (guint i = 0; i < cases->len; i++)
    if (g_strcmp0 (cw_case_get_id (cases->pdata[i]), LONG_TERM_ID) != 0)
      other_id = cw_case_get_id (cases->pdata[i]);
  g_assert_nonnull (other_id);

  lock (f);
  gtk_editable_set_text (GTK_EDITABLE (row), "Marisol, edited while locked");
  cw_window_select_case (f->window, other_id);

  g_assert_true (cw_test_wait_for (dialog_shown, NULL));
  g_assert_cmpstr (cw_case_page_get_case_id (f->window->case_page), ==, LONG_TERM_ID);
  g_assert_cmpstr (cw_case_get_id (cw_window_get_selected_case (f->window)), ==, LONG_TERM_ID);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row (f))), ==,
                   "Marisol, edited while locked");
  close_dialogs ();

  /* Let go, the same move saves first, then shows the other case. */
  unlock (f);
  cw_window_select_case (f->window, other_id);
  cw_test_run_main_loop (200);
  g_assert_true (title_saved (&wait));
  g_assert_cmpstr (cw_case_page_get_case_id (f->window->case_page), ==, other_id);
  g_assert_null (cw_test_find_dialog (NULL));
}

static GtkWidget *
dialog_title_field (AdwMessageDialog *dialog)
{
  return cw_test_find_widget (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_ENTRY);
}

/* An entry edited in its dialog: the dialog comes back with the reason
 * and what was typed. */
static void
test_entry_edit_kept (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = cw_store_list_entries (f->store, LONG_TERM_ID, NULL);
  g_autoptr(CwEntry) saved = NULL;
  CwEntry *entry = g_ptr_array_index (entries, 0);
  AdwMessageDialog *dialog;
  const char *body;

  lock (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window->timeline), "timeline.edit", "s",
                              cw_entry_get_id (entry));
  g_assert_true (cw_test_wait_for (dialog_shown, NULL));
  dialog = cw_test_find_dialog (NULL);
  gtk_editable_set_text (GTK_EDITABLE (dialog_title_field (dialog)), "Retitled while locked");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (cw_test_wait_for (dialog_shown, NULL));
  dialog = cw_test_find_dialog (NULL);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "could not be saved"));
  g_assert_nonnull (strstr (body, "another program"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_title_field (dialog))), ==,
                   "Retitled while locked");
  saved = cw_store_load_entry (f->other, cw_entry_get_id (entry), NULL);
  g_assert_cmpstr (cw_entry_get_title (saved), ==, cw_entry_get_title (entry));
  g_clear_object (&saved);

  unlock (f);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cw_test_run_main_loop (100);
  g_assert_null (cw_test_find_dialog (NULL));
  saved = cw_store_load_entry (f->other, cw_entry_get_id (entry), NULL);
  g_assert_cmpstr (cw_entry_get_title (saved), ==, "Retitled while locked");
}

/* An activity logged from the top of the timeline: the form keeps it. */
static void
test_log_kept (Fixture       *f,
               gconstpointer  data)
{
  guint n_before = cw_test_count_entries (f->store, LONG_TERM_ID);
  GtkWidget *focus;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-activity", NULL);
  cw_test_run_main_loop (100);
  focus = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (focus);

  lock (f);
  gtk_editable_set_text (GTK_EDITABLE (focus), "14");
  gtk_widget_activate_action (GTK_WIDGET (f->window->timeline), "timeline.log", NULL);
  g_assert_true (cw_test_wait_for (dialog_shown, NULL));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (cw_test_find_dialog (NULL)),
                            "another program"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "14");
  g_assert_cmpuint (cw_test_count_entries (f->store, LONG_TERM_ID), ==, n_before);
  close_dialogs ();

  unlock (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window->timeline), "timeline.log", NULL);
  cw_test_run_main_loop (100);
  g_assert_null (cw_test_find_dialog (NULL));
  g_assert_cmpuint (cw_test_count_entries (f->store, LONG_TERM_ID), ==, n_before + 1);
}

/* A new case that cannot be written says so. */
static void
test_new_case_refused (Fixture       *f,
                       gconstpointer  data)
{
  guint n_before = cw_store_count_cases (f->store);

  lock (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL);
  g_assert_true (cw_test_wait_for (dialog_shown, NULL));
  g_assert_cmpstr (adw_message_dialog_get_heading (cw_test_find_dialog (NULL)), ==,
                   "The Case Could Not Be Created");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (cw_test_find_dialog (NULL)),
                            "another program"));
  close_dialogs ();
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, n_before);

  unlock (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL);
  cw_test_run_main_loop (100);
  g_assert_null (cw_test_find_dialog (NULL));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, n_before + 1);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window-faults/field-kept", test_field_kept);
  ADD ("/window-faults/case-kept-when-switching", test_case_kept_when_switching);
  ADD ("/window-faults/entry-edit-kept", test_entry_edit_kept);
  ADD ("/window-faults/log-kept", test_log_kept);
  ADD ("/window-faults/new-case-refused", test_new_case_refused);
#undef ADD

  return g_test_run ();
}
