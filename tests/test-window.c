/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cw-meeting-dialog.h"
#include "cw-preferences-window.h"
#include "cw-report-dialog.h"
#include "cw-templates-window.h"
#include "cw-test-ui.h"
#include "cw-window-private.h"

/* The window under a real (virtual) display: what the store holds reaches
 * the screen, and follows the store as it changes. */

typedef struct {
  char *dir;
  CwStore *store;
  CwWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-window-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  cw_test_tmp_dir_free (f->dir);
}

static void
add_case (CwStore    *store,
          const char *title,
          const char *country,
          CwCaseType  type,
          const char *deadline)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, country);
  cw_case_set_case_type (kase, type);
  cw_case_set_ua_deadline (kase, deadline);
  cw_store_save_case (store, kase, &error);
  g_assert_no_error (error);
}

static gboolean
dialog_shown (gpointer data)
{
  Fixture *f = data;

  return cw_test_find_dialog (GTK_WINDOW (f->window)) != NULL;
}

static void
open_window (Fixture *f)
{
  f->window = cw_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  open_window (f);

  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 0);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "No Cases Yet"));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->window), "No Case Selected"));
}

static void
test_lists_cases (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, 5);
  g_autofree char *deadline = g_date_time_format (soon, "%Y-%m-%d");
  g_autoptr(CwCase) first = NULL;

  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  add_case (f->store, "Seven students of the Free Press Society", "Example Republic",
            CW_CASE_TYPE_URGENT_ACTION, deadline);
  open_window (f);

  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 2);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Colombia · Long-term"));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "No Case Selected"));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->window), "No Cases Yet"));

  /* An urgent action due within days is listed first, with its deadline. */
  first = g_list_model_get_item (cw_window_get_case_model (f->window), 0);
  g_assert_cmpstr (cw_case_get_title (first), ==, "Seven students of the Free Press Society");
  {
    g_autofree char *when = g_date_time_format (soon, "Deadline %-d %B %Y, in 5 days");
    g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), when));
  }
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  CwCase *kase;

  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  open_window (f);

  add_case (f->store, "Ahmed Nour", "Egypt", CW_CASE_TYPE_LONG_TERM, NULL);
  cw_test_run_main_loop (200);
  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 2);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Ahmed Nour"));

  cases = cw_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  kase = cw_store_load_case (f->store, cw_case_get_id (g_ptr_array_index (cases, 0)), &error);
  g_assert_no_error (error);
  cw_case_set_title (kase, "Marisol Quintero");
  cw_store_save_case (f->store, kase, &error);
  g_assert_no_error (error);
  cw_test_run_main_loop (200);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero"));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));

  cw_store_delete_case (f->store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_object_unref (kase);
  cw_test_run_main_loop (200);
  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 1);
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero"));
}

static gboolean
no_case_selected_gone (gpointer window)
{
  return cw_test_find_visible_label (GTK_WIDGET (window), "No Case Selected") == NULL;
}

static void
test_select_case (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  cases = cw_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  open_window (f);

  cw_window_select_case (f->window, cw_case_get_id (g_ptr_array_index (cases, 0)));
  cw_test_run_main_loop (300);
  g_assert_nonnull (cw_window_get_selected_case (f->window));
  /* The case page and its timeline show the chosen case. */
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "The Case"));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Log an Activity"));
  /* Once the page's transition is over. */
  g_assert_true (cw_test_wait_for (no_case_selected_gone, f->window));
}

static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  f->window = cw_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);

  /* One column, once the window has folded: the list shows, the "nothing
   * selected" page does not. */
  g_assert_true (cw_test_wait_for (no_case_selected_gone, f->window));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
}

static void
test_open_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                                                  "“notes.txt” is not a Casework database");

  f->window = cw_window_new (NULL, NULL, error);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);

  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "The Database Could Not Be Opened"));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "“notes.txt” is not a Casework database"));
}

/* Made while the database is brought up to date, the window says so and
 * offers nothing that needs it; then it shows the database it is given. */
static gboolean
updating_gone (gpointer data)
{
  Fixture *f = data;

  return cw_test_find_visible_label (GTK_WIDGET (f->window), "Updating the Database") == NULL;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_updating (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *new_case;

  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);

  f->window = cw_window_new (NULL, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);

  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Updating the Database"));
  g_assert_true (gtk_spinner_get_spinning (f->window->updating_spinner));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window->updating_spinner)));
  g_assert_null (cw_test_find_visible_label (GTK_WIDGET (f->window), "No Cases Yet"));
  new_case = cw_test_find_widget_where (GTK_WIDGET (f->window), is_button_for, "win.new-case");
  g_assert_nonnull (new_case);
  g_assert_false (gtk_widget_is_sensitive (new_case));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->window->search_entry)));

  cw_window_set_store (f->window, f->store, NULL);
  g_assert_false (gtk_spinner_get_spinning (f->window->updating_spinner));
  g_assert_true (cw_test_wait_for (updating_gone, f));
  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 1);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
  g_assert_true (gtk_widget_is_sensitive (new_case));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->window->search_entry)));
}

/* Folded into one column, the window shows the list once the update is
 * done, not the page that stood in for it. */
static void
test_updating_narrow (Fixture       *f,
                      gconstpointer  data)
{
  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  f->window = cw_window_new (NULL, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Updating the Database"));

  cw_window_set_store (f->window, f->store, NULL);
  g_assert_true (cw_test_wait_for (no_case_selected_gone, f->window));
  g_assert_true (cw_test_wait_for (updating_gone, f));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
}

/* Closed while the database is updated, the window stays until the update
 * is done, says so, and then closes. */
static void
test_updating_close (Fixture       *f,
                     gconstpointer  data)
{
  f->window = cw_window_new (NULL, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (200);

  gtk_window_close (GTK_WINDOW (f->window));
  cw_test_run_main_loop (100);
  g_assert_nonnull (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "Casework will close once the database is up to date"));

  cw_window_set_store (f->window, f->store, NULL);
  cw_test_run_main_loop (100);
  g_assert_null (f->window);
}

/* An update that fails leaves the window saying why. */
static void
test_updating_failed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (CW_STORE_ERROR, CW_STORE_ERROR_FULL,
                                                  "Could not bring the database up to version 4");

  f->window = cw_window_new (NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (200);
  cw_window_set_store (f->window, NULL, error);

  g_assert_false (gtk_spinner_get_spinning (f->window->updating_spinner));
  g_assert_true (cw_test_wait_for (updating_gone, f));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "The Database Could Not Be Opened"));
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "Could not bring the database up to version 4"));
}

static gboolean
has_one_case (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (cw_window_get_case_model (f->window)) == 1;
}

static gboolean
has_two_cases (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (cw_window_get_case_model (f->window)) == 2;
}

static void
test_try_samples (Fixture       *f,
                  gconstpointer  data)
{
  open_window (f);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.try-samples", NULL);
  g_assert_true (cw_test_wait_for (has_two_cases, f));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 2);
  g_assert_nonnull (cw_window_get_selected_case (f->window));
  cw_test_run_main_loop (200);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
}

static GPtrArray *
files_of (const char *path)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, g_file_new_for_path (path));
  return files;
}

static void
test_import_confirmed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = cw_test_sample_text ("long-term-case.xml");
  g_autofree char *path = cw_test_write_file (f->dir, "long-term-case.xml", text);
  g_autoptr(GPtrArray) files = files_of (path);
  AdwMessageDialog *dialog;

  open_window (f);
  cw_window_import_files (f->window, files);

  /* First the user sees what the file holds; nothing is stored yet. */
  g_assert_true (cw_test_wait_for (dialog_shown, f));
  dialog = cw_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “long-term-case.xml”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Marisol Quintero Vargas"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "6 new timeline entries"));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 0);

  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (cw_test_wait_for (has_one_case, f));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_cmpstr (cw_case_get_title (cw_window_get_selected_case (f->window)), ==,
                   "Marisol Quintero Vargas");
}

static void
test_import_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *text = cw_test_sample_text ("urgent-action.xml");
  g_autofree char *path = cw_test_write_file (f->dir, "urgent-action.xml", text);
  g_autoptr(GPtrArray) files = files_of (path);
  AdwMessageDialog *dialog;

  open_window (f);
  cw_window_import_files (f->window, files);
  g_assert_true (cw_test_wait_for (dialog_shown, f));
  dialog = cw_test_find_dialog (GTK_WINDOW (f->window));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cw_test_run_main_loop (300);

  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 0);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = cw_test_sample_text ("long-term-case.xml");
  g_autofree char *broken = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) files = NULL;
  AdwMessageDialog *dialog;

  /* A date that does not exist, deep in an otherwise good file. */
  {
    g_auto(GStrv) parts = g_strsplit (text, "date=\"2026-03-08\"", 2);
    broken = g_strjoin ("date=\"2026-02-30\"", parts[0], parts[1], NULL);
  }
  path = cw_test_write_file (f->dir, "broken.xml", broken);
  files = files_of (path);

  open_window (f);
  cw_window_import_files (f->window, files);
  g_assert_true (cw_test_wait_for (dialog_shown, f));
  dialog = cw_test_find_dialog (GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Casefile Could Not Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "the date 2026-02-30 of <entry> is not a real date"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was imported."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 0);
}

static char *export_path;

static gboolean
export_written (gpointer data)
{
  return g_file_test (export_path, G_FILE_TEST_EXISTS);
}

static void
test_export_scopes (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *full_path = g_build_filename (f->dir, "full.xml", NULL);
  g_autofree char *public_path = g_build_filename (f->dir, "public.xml", NULL);
  g_autoptr(GFile) full = g_file_new_for_path (full_path);
  g_autoptr(GFile) public = g_file_new_for_path (public_path);
  g_autofree char *full_text = NULL;
  g_autofree char *public_text = NULL;

  cw_test_import_sample (f->store, "long-term-case.xml");
  open_window (f);

  cw_window_export_cases (f->window, NULL, CW_CASEFILE_SCOPE_FULL, full);
  export_path = full_path;
  g_assert_true (cw_test_wait_for (export_written, f));
  cw_window_export_cases (f->window, NULL, CW_CASEFILE_SCOPE_PUBLIC, public);
  export_path = public_path;
  g_assert_true (cw_test_wait_for (export_written, f));
  cw_test_run_main_loop (200);

  g_assert_true (g_file_get_contents (full_path, &full_text, NULL, NULL));
  g_assert_true (g_file_get_contents (public_path, &public_text, NULL, NULL));
  g_assert_nonnull (strstr (full_text, "Do not name the farming cooperative"));
  g_assert_nonnull (strstr (full_text, "Interview with the local paper"));
  g_assert_nonnull (strstr (full_text, "priya@example.org"));
  /* What must not leave the group stays out of a public export. */
  g_assert_nonnull (strstr (public_text, "scope=\"public\""));
  g_assert_null (strstr (public_text, "Do not name the farming cooperative"));
  g_assert_null (strstr (public_text, "Interview with the local paper"));
  g_assert_null (strstr (public_text, "priya@example.org"));
  g_assert_nonnull (strstr (public_text, "Marisol Quintero Vargas"));
}

static void
test_hand_over (Fixture       *f,
                gconstpointer  data)
{
  const char *id = "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184";
  g_autofree char *path = g_build_filename (f->dir, "handover.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  CwContact *previous, *next;
  CwDate date;

  cw_test_import_sample (f->store, "long-term-case.xml");
  open_window (f);

  g_assert_true (cw_window_hand_over_case (f->window, id, "Sam Lee", file, &error));
  g_assert_no_error (error);

  cw_date_today (&date);
  today = cw_date_to_iso (&date);
  kase = cw_store_load_case (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_case_get_holders (kase)->len, ==, 2);
  previous = g_ptr_array_index (cw_case_get_holders (kase), 0);
  next = g_ptr_array_index (cw_case_get_holders (kase), 1);
  g_assert_cmpstr (previous->name, ==, "Priya Shah");
  g_assert_cmpstr (previous->to, ==, today);
  g_assert_cmpstr (next->name, ==, "Sam Lee");
  g_assert_cmpstr (next->from, ==, today);

  entries = cw_store_list_entries (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 7);
  g_assert_cmpstr (cw_entry_get_title (g_ptr_array_index (entries, 0)), ==,
                   "Casefile handed over to Sam Lee");

  /* The next holder gets everything, the handover included. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Casefile handed over to Sam Lee"));
  g_assert_nonnull (strstr (text, "Do not name the farming cooperative"));
  g_assert_nonnull (strstr (text, "<name>Sam Lee</name>"));
}

static void
test_hand_over_fails_whole (Fixture       *f,
                            gconstpointer  data)
{
  const char *id = "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184";
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "handover.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  cw_test_import_sample (f->store, "long-term-case.xml");
  open_window (f);

  g_assert_false (cw_window_hand_over_case (f->window, id, "Sam Lee", file, &error));
  g_assert_nonnull (error);

  /* The file could not be written, so the handover did not happen. */
  kase = cw_store_load_case (f->store, id, NULL);
  g_assert_cmpuint (cw_case_get_holders (kase)->len, ==, 1);
  entries = cw_store_list_entries (f->store, id, NULL);
  g_assert_cmpuint (entries->len, ==, 6);
}

static gboolean
timeline_has_entry (gpointer data)
{
  Fixture *f = data;
  CwCase *kase = cw_window_get_selected_case (f->window);
  g_autoptr(GPtrArray) entries = cw_store_list_entries (f->store, cw_case_get_id (kase), NULL);

  return entries != NULL && entries->len == 1;
}

/* Ctrl+L, then "14" and Enter: fourteen letters logged for today. */
static void
test_log_activity_shortcut (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *focus;

  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  cases = cw_store_list_cases (f->store, NULL);
  open_window (f);
  cw_window_select_case (f->window, cw_case_get_id (g_ptr_array_index (cases, 0)));
  cw_test_run_main_loop (200);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.log-activity", NULL);
  cw_test_run_main_loop (100);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  focus = gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (focus);
  gtk_editable_set_text (GTK_EDITABLE (focus), "14");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (focus)), "activate");
  g_assert_true (cw_test_wait_for (timeline_has_entry, f));

  entries = cw_store_list_entries (f->store, cw_case_get_id (g_ptr_array_index (cases, 0)), NULL);
  g_assert_cmpstr (cw_entry_get_kind (g_ptr_array_index (entries, 0)), ==, "letter");
  g_assert_cmpint (cw_entry_get_count (g_ptr_array_index (entries, 0)), ==, 14);
  cw_test_run_main_loop (200);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "14 letters"));
}

/* What is typed on the case page is in the database when the window is
 * reopened. */
static void
test_edits_kept (Fixture       *f,
                 gconstpointer  data)
{
  const char *id = "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184";
  g_autoptr(CwStore) reopened = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autofree char *path = g_strdup (cw_store_get_path (f->store));
  GtkWidget *title;

  cw_test_import_sample (f->store, "long-term-case.xml");
  open_window (f);
  cw_window_select_case (f->window, id);
  cw_test_run_main_loop (300);

  title = cw_test_find_visible_label (GTK_WIDGET (f->window), "Title");
  g_assert_nonnull (title);
  title = gtk_widget_get_ancestor (title, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "Marisol Quintero");

  /* Closing the window must not lose the edit, however quick. */
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_clear_object (&f->store);

  reopened = cw_store_open (path, NULL);
  kase = cw_store_load_case (reopened, id, NULL);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Marisol Quintero");
}

static guint
shown_cases (Fixture *f)
{
  return g_list_model_get_n_items (cw_window_get_case_model (f->window));
}

static gboolean
search_narrowed_to_one (gpointer data)
{
  Fixture *f = data;

  return shown_cases (f) == 1;
}

static void
test_search_as_you_type (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwCase) first = NULL;

  cw_test_import_sample (f->store, "long-term-case.xml");
  cw_test_import_sample (f->store, "urgent-action.xml");
  add_case (f->store, "Ahmed Nour", "Egypt", CW_CASE_TYPE_LONG_TERM, NULL);
  open_window (f);
  g_assert_cmpuint (shown_cases (f), ==, 3);

  /* A person's name inside a case, typed in part, without its accent. */
  gtk_editable_set_text (GTK_EDITABLE (f->window->search_entry), "tomas quin");
  g_assert_true (cw_test_wait_for (search_narrowed_to_one, f));
  first = g_list_model_get_item (cw_window_get_case_model (f->window), 0);
  g_assert_cmpstr (cw_case_get_title (first), ==, "Marisol Quintero Vargas");
  cw_test_run_main_loop (100);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window), "1 of 3 cases"));

  /* A reference number. */
  cw_window_set_search (f->window, "UA 118");
  g_assert_cmpuint (shown_cases (f), ==, 1);

  cw_window_set_search (f->window, "nobody-by-this-name");
  g_assert_cmpuint (shown_cases (f), ==, 0);
  cw_test_run_main_loop (100);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "No case matches the search or the filters."));

  cw_window_set_search (f->window, "");
  g_assert_cmpuint (shown_cases (f), ==, 3);
}

static gboolean
shows_two (gpointer data)
{
  return shown_cases (data) == 2;
}

/* The search follows the cases: one added, one deleted (whose row number
 * the next new case takes) while the words stay in the search entry. */
static void
test_search_follows_cases (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  add_case (f->store, "Ahmed Nour", "Egypt", CW_CASE_TYPE_LONG_TERM, NULL);
  add_case (f->store, "Marisol Quintero", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  open_window (f);
  cw_window_set_search (f->window, "ahmed");
  g_assert_cmpuint (shown_cases (f), ==, 1);

  add_case (f->store, "Ahmed Saleh", "Egypt", CW_CASE_TYPE_LONG_TERM, NULL);
  g_assert_true (cw_test_wait_for (shows_two, f));

  /* The newest case goes; a case with another name takes its number. */
  cases = cw_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_delete_case (f->store, cw_case_get_id (g_ptr_array_index (cases, 2)), &error));
  g_assert_no_error (error);
  add_case (f->store, "Leyla Demir", "Türkiye", CW_CASE_TYPE_LONG_TERM, NULL);
  g_assert_true (cw_test_wait_for (search_narrowed_to_one, f));
  cw_test_run_main_loop (100);
  g_assert_cmpuint (shown_cases (f), ==, 1);
  {
    g_autoptr(CwCase) only = g_list_model_get_item (cw_window_get_case_model (f->window), 0);

    g_assert_cmpstr (cw_case_get_title (only), ==, "Ahmed Nour");
  }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  cw_test_import_sample (f->store, "long-term-case.xml");
  cw_test_import_sample (f->store, "urgent-action.xml");
  add_case (f->store, "Ahmed Nour", "Egypt", CW_CASE_TYPE_LONG_TERM, NULL);
  open_window (f);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "list.filter-type", "s", "urgent-action");
  g_assert_cmpuint (shown_cases (f), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "list.filter-type", "s", "all");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "list.filter-region", "s", "americas");
  g_assert_cmpuint (shown_cases (f), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "list.filter-region", "s", "all");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "list.filter-status", "s", "closed");
  g_assert_cmpuint (shown_cases (f), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "list.filter-status", "s", "active");
  g_assert_cmpuint (shown_cases (f), ==, 3);
}

static void
test_new_case (Fixture       *f,
               gconstpointer  data)
{
  open_window (f);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL);
  cw_test_run_main_loop (100);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_nonnull (cw_window_get_selected_case (f->window));
  g_assert_cmpstr (cw_case_get_title (cw_window_get_selected_case (f->window)), ==, "New Case");
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  const char *id = "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184";
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(CwCase) restored = NULL;

  cw_test_import_sample (f->store, "long-term-case.xml");
  open_window (f);
  cw_window_select_case (f->window, id);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-case", NULL);
  cw_test_run_main_loop (200);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 0);
  g_assert_nonnull (cw_test_find_visible_label (GTK_WIDGET (f->window),
                                                "“Marisol Quintero Vargas” deleted"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL);
  cw_test_run_main_loop (100);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  restored = cw_store_load_case (f->store, id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpuint (cw_case_get_targets (restored)->len, ==, 4);
  g_assert_cmpuint (cw_case_get_safety_notes (restored)->len, ==, 2);
  entries = cw_store_list_entries (f->store, id, NULL);
  g_assert_cmpuint (entries->len, ==, 6);
  g_assert_cmpstr (cw_case_get_id (cw_window_get_selected_case (f->window)), ==, id);
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwProfile) profile = NULL;
  GtkWindow *preferences;

  open_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL);
  cw_test_run_main_loop (200);
  preferences = cw_test_find_toplevel (CW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  {
    GtkWidget *name = cw_test_find_visible_label (GTK_WIDGET (preferences), "Group name");

    g_assert_nonnull (name);
    name = gtk_widget_get_ancestor (name, ADW_TYPE_ENTRY_ROW);
    g_assert_nonnull (name);
    gtk_editable_set_text (GTK_EDITABLE (name), "Amnesty International Group 123");
  }
  gtk_window_close (preferences);
  cw_test_run_main_loop (100);

  profile = cw_store_load_profile (f->store, NULL);
  g_assert_cmpstr (profile->name, ==, "Amnesty International Group 123");
  g_assert_cmpstr (profile->paper_size, ==, "a4");
}

/* 10,000 cases: every keystroke of a search must still feel instant. The
 * time is reported, not asserted; the benchmark program measures it. */
static void
test_search_10000 (Fixture       *f,
                   gconstpointer  data)
{
  static const char *given[] = { "Marisol", "Karim", "Layla", "Tomás", "Ana", "Ahmed", "Nadia",
                                 "Chen", "Oksana", "Juan", "Fatima", "Ivan", "Aung", "Grace" };
  static const char *family[] = { "Quintero", "Haddad", "Nasser", "Pérez", "Nour", "Wei",
                                  "Kovalenko", "Mensah", "Okafor", "Silva", "Rahman", "Petrov" };
  static const char *queries[] = { "marisol quintero", "karim", "oksana kovalenko", "UA 1234",
                                   "grace mensah", "ahmed" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  g_autoptr(GError) error = NULL;
  gint64 start;
  double worst = 0;

  g_assert_true (cw_store_begin (f->store, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(CwCase) kase = cw_case_new ();
      g_autofree char *title = g_strdup_printf ("%s %s",
                                                given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                                                family[g_rand_int_range (rand, 0, G_N_ELEMENTS (family))]);
      g_autofree char *ua = g_strdup_printf ("UA %u/26", i);

      cw_case_set_title (kase, title);
      cw_case_set_country_code (kase, "XX");
      cw_case_set_ua_number (kase, ua);
      cw_case_set_summary (kase, "Detained for peaceful protest; held without charge.");
      g_assert_true (cw_store_save_case (f->store, kase, &error));
    }
  g_assert_true (cw_store_commit (f->store, &error));

  start = g_get_monotonic_time ();
  open_window (f);
  g_test_message ("window with 10,000 cases opened and drawn in %.0f ms (including a 300 ms wait)",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (shown_cases (f), ==, 10000);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (gsize len = 1; len <= strlen (queries[q]); len++)
      {
        g_autofree char *prefix = g_strndup (queries[q], len);
        double ms;

        start = g_get_monotonic_time ();
        cw_window_set_search (f->window, prefix);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        worst = MAX (worst, ms);
      }
  g_test_message ("search as you type over 10,000 cases: slowest keystroke %.1f ms", worst);

  cw_window_set_search (f->window, "UA 1234");
  g_assert_cmpuint (shown_cases (f), >=, 1);
  cw_window_set_search (f->window, "");
  g_assert_cmpuint (shown_cases (f), ==, 10000);
}

/* The main menu reaches the meeting pack, the yearly report and the
 * letter templates, each over this window's database. */
static void
test_menu_opens_dialogs (Fixture       *f,
                         gconstpointer  data)
{
  const struct {
    const char *action;
    GType (*get_type) (void);
  } dialogs[] = {
    { "win.prepare-meeting", cw_meeting_dialog_get_type },
    { "win.yearly-report", cw_report_dialog_get_type },
    { "win.letter-templates", cw_templates_window_get_type },
  };

  cw_test_import_sample (f->store, "long-term-case.xml");
  open_window (f);

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog;

      g_assert_null (cw_test_find_toplevel (dialogs[i].get_type ()));
      gtk_widget_activate_action (GTK_WIDGET (f->window), dialogs[i].action, NULL);
      cw_test_run_main_loop (300);
      dialog = cw_test_find_toplevel (dialogs[i].get_type ());
      g_assert_nonnull (dialog);
      g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
      gtk_window_destroy (dialog);
      cw_test_run_main_loop (100);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/empty-state", Fixture, NULL, fixture_setup, test_empty_state, fixture_teardown);
  g_test_add ("/window/lists-cases", Fixture, NULL, fixture_setup, test_lists_cases, fixture_teardown);
  g_test_add ("/window/follows-store", Fixture, NULL, fixture_setup, test_follows_store,
              fixture_teardown);
  g_test_add ("/window/select-case", Fixture, NULL, fixture_setup, test_select_case, fixture_teardown);
  g_test_add ("/window/log-activity-shortcut", Fixture, NULL, fixture_setup,
              test_log_activity_shortcut, fixture_teardown);
  g_test_add ("/window/edits-kept", Fixture, NULL, fixture_setup, test_edits_kept, fixture_teardown);
  g_test_add ("/window/narrow-window-folds", Fixture, NULL, fixture_setup,
              test_narrow_window_folds, fixture_teardown);
  g_test_add ("/window/open-error", Fixture, NULL, fixture_setup, test_open_error, fixture_teardown);
  g_test_add ("/window/updating", Fixture, NULL, fixture_setup, test_updating, fixture_teardown);
  g_test_add ("/window/updating-failed", Fixture, NULL, fixture_setup, test_updating_failed,
              fixture_teardown);
  g_test_add ("/window/updating-narrow", Fixture, NULL, fixture_setup, test_updating_narrow,
              fixture_teardown);
  g_test_add ("/window/updating-close", Fixture, NULL, fixture_setup, test_updating_close,
              fixture_teardown);

  g_test_add ("/window/casefiles/try-samples", Fixture, NULL, fixture_setup, test_try_samples,
              fixture_teardown);
  g_test_add ("/window/casefiles/import-confirmed", Fixture, NULL, fixture_setup,
              test_import_confirmed, fixture_teardown);
  g_test_add ("/window/casefiles/import-cancelled", Fixture, NULL, fixture_setup,
              test_import_cancelled, fixture_teardown);
  g_test_add ("/window/casefiles/import-refused", Fixture, NULL, fixture_setup,
              test_import_refused, fixture_teardown);
  g_test_add ("/window/casefiles/export-scopes", Fixture, NULL, fixture_setup, test_export_scopes,
              fixture_teardown);
  g_test_add ("/window/casefiles/hand-over", Fixture, NULL, fixture_setup, test_hand_over,
              fixture_teardown);
  g_test_add ("/window/casefiles/hand-over-fails-whole", Fixture, NULL, fixture_setup,
              test_hand_over_fails_whole, fixture_teardown);

  g_test_add ("/window/cases/search-as-you-type", Fixture, NULL, fixture_setup,
              test_search_as_you_type, fixture_teardown);
  g_test_add ("/window/cases/search-follows-cases", Fixture, NULL, fixture_setup,
              test_search_follows_cases, fixture_teardown);
  g_test_add ("/window/cases/filters", Fixture, NULL, fixture_setup, test_filters, fixture_teardown);
  g_test_add ("/window/cases/new", Fixture, NULL, fixture_setup, test_new_case, fixture_teardown);
  g_test_add ("/window/cases/delete-and-undo", Fixture, NULL, fixture_setup, test_delete_and_undo,
              fixture_teardown);
  g_test_add ("/window/cases/search-10000", Fixture, NULL, fixture_setup, test_search_10000,
              fixture_teardown);
  g_test_add ("/window/menu-opens-dialogs", Fixture, NULL, fixture_setup, test_menu_opens_dialogs,
              fixture_teardown);
  g_test_add ("/window/preferences", Fixture, NULL, fixture_setup, test_preferences,
              fixture_teardown);

  return g_test_run ();
}
