/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cw-store.h"
#include "cw-window.h"

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
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("casework-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
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
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay itself out and draw. */
static void
run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A label showing @text that a person could see now. */
static GtkWidget *
find_visible_label (GtkWidget  *widget,
                    const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_visible_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
open_window (Fixture *f)
{
  f->window = cw_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  run_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  open_window (f);

  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 0);
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "No Cases Yet"));
  g_assert_null (find_visible_label (GTK_WIDGET (f->window), "No Case Selected"));
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
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "Colombia · Long-term"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "No Case Selected"));
  g_assert_null (find_visible_label (GTK_WIDGET (f->window), "No Cases Yet"));

  /* An urgent action due within days is listed first, with its deadline. */
  first = g_list_model_get_item (cw_window_get_case_model (f->window), 0);
  g_assert_cmpstr (cw_case_get_title (first), ==, "Seven students of the Free Press Society");
  {
    g_autofree char *when = g_date_time_format (soon, "Deadline %-d %B %Y, in 5 days");
    g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), when));
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
  run_main_loop (200);
  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 2);
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "Ahmed Nour"));

  cases = cw_store_list_cases (f->store, &error);
  g_assert_no_error (error);
  kase = cw_store_load_case (f->store, cw_case_get_id (g_ptr_array_index (cases, 0)), &error);
  g_assert_no_error (error);
  cw_case_set_title (kase, "Marisol Quintero");
  cw_store_save_case (f->store, kase, &error);
  g_assert_no_error (error);
  run_main_loop (200);
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero"));
  g_assert_null (find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));

  cw_store_delete_case (f->store, cw_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_object_unref (kase);
  run_main_loop (200);
  g_assert_cmpuint (g_list_model_get_n_items (cw_window_get_case_model (f->window)), ==, 1);
  g_assert_null (find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero"));
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
  run_main_loop (300);
  g_assert_nonnull (cw_window_get_selected_case (f->window));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "Colombia · Long-term · Active"));
  g_assert_null (find_visible_label (GTK_WIDGET (f->window), "No Case Selected"));
}

static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  add_case (f->store, "Marisol Quintero Vargas", "Colombia", CW_CASE_TYPE_LONG_TERM, NULL);
  f->window = cw_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  run_main_loop (300);

  /* One column: the list shows, the "nothing selected" page does not. */
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "Marisol Quintero Vargas"));
  g_assert_null (find_visible_label (GTK_WIDGET (f->window), "No Case Selected"));
}

static void
test_open_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                                                  "“notes.txt” is not a Casework database");

  f->window = cw_window_new (NULL, NULL, error);
  gtk_window_present (GTK_WINDOW (f->window));
  run_main_loop (300);

  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "The Database Could Not Be Opened"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (f->window), "“notes.txt” is not a Casework database"));
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
  g_test_add ("/window/narrow-window-folds", Fixture, NULL, fixture_setup,
              test_narrow_window_folds, fixture_teardown);
  g_test_add ("/window/open-error", Fixture, NULL, fixture_setup, test_open_error, fixture_teardown);

  return g_test_run ();
}
