/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "cw-case-list.h"
#include "cw-test-utils.h"

/*
 * CwCaseList: every case in the store as a GListModel, kept in step with
 * the store's signals so that a view keeps its rows (and its selection)
 * while cases are added, edited and deleted.
 */

/* ------------------------------------------------------------------ */
/* Watching the model */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The ids in the model, in order. */
static void
assert_ids (GListModel *model,
            ...)
{
  va_list args;
  guint i = 0;

  va_start (args, model);
  for (const char *id = va_arg (args, const char *); id != NULL; id = va_arg (args, const char *))
    {
      g_autoptr(CwCase) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_assert_cmpstr (cw_case_get_id (item), ==, id);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, i);
  g_assert_null (g_list_model_get_item (model, i));
}

/* ------------------------------------------------------------------ */

static void
test_loads_all_cases (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = cw_test_save_new_case (store, "John Roe");
  g_autoptr(CwCase) third = cw_test_save_new_case (store, "Women of El Bosque");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CwCase) item = NULL;
  guint n_items = 0;

  g_assert_true (cw_case_list_get_store (list) == store);
  g_assert_true (g_list_model_get_item_type (model) == CW_TYPE_CASE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);
  assert_ids (model, cw_case_get_id (first), cw_case_get_id (second), cw_case_get_id (third), NULL);

  item = g_list_model_get_item (model, 2);
  g_assert_true (CW_IS_CASE (item));
  g_assert_cmpstr (cw_case_get_title (item), ==, "Women of El Bosque");
  g_assert_cmpstr (cw_case_get_country_code (item), ==, "XX");
  /* Rows are summaries, without the parts. */
  g_assert_false (cw_case_get_has_details (item));

  /* The same object each time, so that views can bind to it. */
  {
    g_autoptr(CwCase) again = g_list_model_get_item (model, 2);
    g_assert_true (again == item);
  }
}

/* Search as you type finds cases by their row numbers in the list. */
static void
test_search_rows (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) jane G_GNUC_UNUSED = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) john G_GNUC_UNUSED = cw_test_save_new_case (store, "John Roe");
  g_autoptr(CwCase) janet G_GNUC_UNUSED = cw_test_save_new_case (store, "Janet Moe");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0;

  rows = cw_store_search_case_rows (store, "jan", &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 2);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CwCase) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gboolean match = FALSE;

      g_assert_cmpint (cw_case_get_row (item), >, 0);
      for (guint r = 0; r < rows->len; r++)
        match |= g_array_index (rows, gint64, r) == cw_case_get_row (item);
      g_assert_cmpint (match, ==, g_str_has_prefix (cw_case_get_title (item), "Jan"));
      found += match;
    }
  g_assert_cmpuint (found, ==, 2);

  /* No words, no search. */
  g_assert_null (cw_store_search_case_rows (store, "  ", &error));
  g_assert_no_error (error);
}

static void
test_empty_store (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_null (cw_case_list_find (list, "00000000-0000-4000-8000-000000000000", NULL));
}

static void
test_follows_new_case (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(CwCase) second = NULL;
  g_autoptr(CwCase) item = NULL;

  second = cw_test_save_new_case (store, "John Roe");

  cw_test_assert_one_change (watcher, 1, 0, 1);
  g_assert_cmpuint (watcher->n_items_notified, ==, 1);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (first), cw_case_get_id (second), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (cw_case_get_title (item), ==, "John Roe");
  /* The list holds its own summary, not the caller's object. */
  g_assert_true (item != second);
}

static void
test_follows_edit (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = cw_test_save_new_case (store, "John Roe");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(CwCase) edit = NULL;
  g_autoptr(CwCase) item = NULL;
  g_autoptr(CwEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  guint title_notified = 0, status_notified = 0;
  CwCase *row;
  guint position = G_MAXUINT;

  row = cw_case_list_find (list, cw_case_get_id (second), &position);
  g_assert_nonnull (row);
  g_assert_cmpuint (position, ==, 1);
  g_signal_connect (row, "notify::title", G_CALLBACK (count_notify_cb), &title_notified);
  g_signal_connect (row, "notify::status", G_CALLBACK (count_notify_cb), &status_notified);

  edit = cw_store_load_case (store, cw_case_get_id (second), &error);
  g_assert_no_error (error);
  cw_case_set_title (edit, "John Roe (released)");
  g_assert_true (cw_store_save_case (store, edit, &error));
  g_assert_no_error (error);

  /* The same row object, changed in place. */
  cw_test_assert_one_change (watcher, 1, 1, 1);
  g_assert_cmpuint (watcher->n_items_notified, ==, 0);
  g_assert_true (cw_case_list_find (list, cw_case_get_id (second), NULL) == row);
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (item == row);
  g_assert_cmpstr (cw_case_get_title (row), ==, "John Roe (released)");
  g_assert_cmpuint (title_notified, ==, 1);
  g_assert_cmpuint (status_notified, ==, 0);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (first), cw_case_get_id (second), NULL);

  /* A change of status is notified as such. */
  cw_case_set_status (edit, CW_CASE_STATUS_CLOSED);
  cw_case_set_closed (edit, "2025-03");
  cw_case_set_closed_outcome (edit, "released");
  g_assert_true (cw_store_save_case (store, edit, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 1, 1, 1);
  g_assert_cmpint (cw_case_get_status (row), ==, CW_CASE_STATUS_CLOSED);
  g_assert_cmpuint (status_notified, ==, 1);
  g_assert_cmpuint (title_notified, ==, 1);

  /* A new timeline entry moves the row's last activity. */
  g_assert_null (cw_case_get_last_activity (row));
  entry = cw_entry_new ();
  cw_entry_set_case_id (entry, cw_case_get_id (second));
  cw_entry_set_date (entry, "2025-03-07");
  cw_entry_set_kind (entry, "letter");
  cw_entry_set_count (entry, 12);
  cw_entry_set_title (entry, "Letters");
  g_assert_true (cw_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 1, 1, 1);
  g_assert_cmpstr (cw_case_get_last_activity (row), ==, "2025-03-07");

  g_signal_handlers_disconnect_by_data (row, &title_notified);
  g_signal_handlers_disconnect_by_data (row, &status_notified);
}

static void
test_follows_delete (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = cw_test_save_new_case (store, "John Roe");
  g_autoptr(CwCase) third = cw_test_save_new_case (store, "Women of El Bosque");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;

  g_assert_true (cw_store_delete_case (store, cw_case_get_id (second), &error));
  g_assert_no_error (error);

  cw_test_assert_one_change (watcher, 1, 1, 0);
  g_assert_cmpuint (watcher->n_items_notified, ==, 1);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (first), cw_case_get_id (third), NULL);
  g_assert_null (cw_case_list_find (list, cw_case_get_id (second), &position));
  g_assert_cmpuint (position, ==, G_MAXUINT);

  /* Positions after the hole moved up. */
  g_assert_nonnull (cw_case_list_find (list, cw_case_get_id (third), &position));
  g_assert_cmpuint (position, ==, 1);

  g_assert_true (cw_store_delete_case (store, cw_case_get_id (first), &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 0, 1, 0);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (third), NULL);
}

static void
test_ignores_rolled_back (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(CwCase) dropped = cw_case_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (store, &error));
  cw_case_set_title (dropped, "Never committed");
  g_assert_true (cw_store_save_case (store, dropped, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_delete_case (store, cw_case_get_id (first), &error));
  g_assert_no_error (error);
  cw_store_rollback (store);

  g_assert_cmpuint (watcher->changes->len, ==, 0);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (first), NULL);

  /* The same, taken back inside a transaction that is then committed. */
  g_clear_object (&dropped);
  dropped = cw_case_new ();
  cw_case_set_title (dropped, "Never committed either");
  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_begin (store, &error));
  g_assert_true (cw_store_save_case (store, dropped, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_delete_case (store, cw_case_get_id (first), &error));
  g_assert_no_error (error);
  cw_store_rollback (store);
  g_assert_true (cw_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (watcher->changes->len, ==, 0);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (first), NULL);
  g_assert_true (cw_store_has_case (store, cw_case_get_id (first)));
}

static void
test_find (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = cw_test_save_new_case (store, "John Roe");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwCase) item = NULL;
  CwCase *found;
  guint position = G_MAXUINT;

  found = cw_case_list_find (list, cw_case_get_id (second), &position);
  g_assert_nonnull (found);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpstr (cw_case_get_id (found), ==, cw_case_get_id (second));
  g_assert_cmpstr (cw_case_get_title (found), ==, "John Roe");
  item = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_true (item == found);

  /* Position is optional. */
  found = cw_case_list_find (list, cw_case_get_id (first), NULL);
  g_assert_nonnull (found);
  g_assert_cmpstr (cw_case_get_title (found), ==, "Jane Doe");

  position = 42;
  g_assert_null (cw_case_list_find (list, "00000000-0000-4000-8000-000000000000", &position));
  g_assert_cmpuint (position, ==, 42);
}

static void
test_reload (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = cw_test_save_new_case (store, "John Roe");
  g_autoptr(CwCaseList) list = cw_case_list_new (store);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_case_list_reload (list, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 0, 2, 2);
  assert_ids (G_LIST_MODEL (list), cw_case_get_id (first), cw_case_get_id (second), NULL);
  g_assert_nonnull (cw_case_list_find (list, cw_case_get_id (second), NULL));
}

static void
test_outlives_nothing (void)
{
  g_autoptr(CwTestTmpDir) tmp = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  g_autoptr(CwStore) store = cw_test_open_store (tmp, "casework.db");
  g_autoptr(CwCase) first G_GNUC_UNUSED = cw_test_save_new_case (store, "Jane Doe");
  g_autoptr(CwCase) second = NULL;
  CwCaseList *list = cw_case_list_new (store);
  GWeakRef weak;

  /* Once the list is gone, the store's signals reach nothing. */
  g_weak_ref_init (&weak, list);
  g_object_unref (list);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);

  second = cw_test_save_new_case (store, "John Roe");
  g_assert_cmpuint (cw_store_count_cases (store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/case-list/loads-all-cases", test_loads_all_cases);
  g_test_add_func ("/case-list/empty-store", test_empty_store);
  g_test_add_func ("/case-list/search-rows", test_search_rows);
  g_test_add_func ("/case-list/follows/new-case", test_follows_new_case);
  g_test_add_func ("/case-list/follows/edit", test_follows_edit);
  g_test_add_func ("/case-list/follows/delete", test_follows_delete);
  g_test_add_func ("/case-list/follows/not-rolled-back", test_ignores_rolled_back);
  g_test_add_func ("/case-list/find", test_find);
  g_test_add_func ("/case-list/reload", test_reload);
  g_test_add_func ("/case-list/disconnects", test_outlives_nothing);

  return g_test_run ();
}
