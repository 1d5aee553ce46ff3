/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "cw-entry-list.h"
#include "cw-test-utils.h"

/*
 * CwEntryList: one case's timeline as a GListModel, newest first, kept in
 * step with the store so that a view keeps its rows while entries are
 * logged, edited and deleted.
 */

/* ------------------------------------------------------------------ */
/* A store in a temporary directory per test */

typedef struct {
  char *dir;
  CwStore *store;
  char *case_id;
  char *other_case_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwCase) jane = NULL;
  g_autoptr(CwCase) john = NULL;

  f->dir = cw_test_tmp_dir_new ("casework-entry-list-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
  jane = cw_test_save_new_case (f->store, "Jane Doe");
  john = cw_test_save_new_case (f->store, "John Roe");
  f->case_id = g_strdup (cw_case_get_id (jane));
  f->other_case_id = g_strdup (cw_case_get_id (john));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  cw_test_tmp_dir_free (f->dir);
  g_free (f->case_id);
  g_free (f->other_case_id);
}

static CwEntry *
save_entry (Fixture    *f,
            const char *case_id,
            const char *date,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  CwEntry *entry = cw_entry_new ();

  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, date);
  cw_entry_set_kind (entry, "letter");
  cw_entry_set_count (entry, 12);
  cw_entry_set_title (entry, title);
  g_assert_true (cw_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

/* ------------------------------------------------------------------ */
/* Reading the model */

/* The titles in the model, in order. */
static void
assert_titles (GListModel *model,
               ...)
{
  va_list args;
  guint i = 0;

  va_start (args, model);
  for (const char *title = va_arg (args, const char *); title != NULL;
       title = va_arg (args, const char *))
    {
      g_autoptr(CwEntry) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_assert_cmpstr (cw_entry_get_title (item), ==, title);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, i);
  g_assert_null (g_list_model_get_item (model, i));
}

static CwEntry *
item_at (CwEntryList *list,
         guint        position)
{
  g_autoptr(CwEntry) item = g_list_model_get_item (G_LIST_MODEL (list), position);

  /* The list keeps its own reference. */
  return item;
}

/* ------------------------------------------------------------------ */

static void
test_lists_newest_first (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwEntry) march G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-03-07", "March letters");
  g_autoptr(CwEntry) year G_GNUC_UNUSED = save_entry (f, f->case_id, "2024", "Letters that year");
  g_autoptr(CwEntry) may = save_entry (f, f->case_id, "2025-05", "May letters");
  g_autoptr(CwEntry) other G_GNUC_UNUSED = save_entry (f, f->other_case_id, "2026-01-01", "Another case");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CwEntry) first = NULL;
  guint n_items = 0;

  g_assert_true (g_list_model_get_item_type (model) == CW_TYPE_ENTRY);
  g_assert_cmpstr (cw_entry_list_get_case_id (list), ==, f->case_id);
  g_assert_true (cw_entry_list_get_store (list) == f->store);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);
  assert_titles (model, "May letters", "March letters", "Letters that year", NULL);

  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cw_entry_get_id (first), ==, cw_entry_get_id (may));
  g_assert_cmpint (cw_entry_get_precision (first), ==, CW_DATE_PRECISION_MONTH);
  g_assert_cmpint (cw_entry_get_count (first), ==, 12);
  g_assert_cmpstr (cw_entry_get_kind (first), ==, "letter");
  /* The same object each time, so that views can bind to it. */
  g_assert_true (item_at (list, 0) == first);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwEntryList) no_case = cw_entry_list_new (f->store, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));

  g_assert_null (cw_entry_list_get_case_id (no_case));
  g_assert_true (cw_entry_list_reload (no_case, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (no_case)), ==, 0);
}

static void
test_follows_new_entry (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CwEntry) old G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-03-07", "March letters");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(CwEntry) fresh = NULL;
  g_autoptr(CwEntry) older = NULL;
  CwEntry *row = item_at (list, 0);

  /* Newest first: a new entry of today goes on top, and nothing else moves. */
  fresh = save_entry (f, f->case_id, "2025-04-01", "April letters");
  cw_test_assert_one_change (watcher, 0, 0, 1);
  g_assert_cmpuint (watcher->n_items_notified, ==, 1);
  assert_titles (G_LIST_MODEL (list), "April letters", "March letters", NULL);
  g_assert_true (item_at (list, 1) == row);
  /* The list holds its own entry, not the caller's object. */
  g_assert_true (item_at (list, 0) != fresh);

  /* An older one goes below. */
  older = save_entry (f, f->case_id, "2024-12", "December letters");
  cw_test_assert_one_change (watcher, 2, 0, 1);
  assert_titles (G_LIST_MODEL (list), "April letters", "March letters", "December letters", NULL);
}

static void
test_follows_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwEntry) a G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-05-01", "A");
  g_autoptr(CwEntry) b = save_entry (f, f->case_id, "2025-04-01", "B");
  g_autoptr(CwEntry) c G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-03-01", "C");
  g_autoptr(CwEntry) d G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-02-01", "D");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;
  CwEntry *top = item_at (list, 0);
  CwEntry *bottom = item_at (list, 3);
  CwEntry *middle;

  /* An edit in place is one row replaced. */
  cw_entry_set_count (b, 15);
  cw_entry_set_notes (b, "One more from the stall.");
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 1, 1, 1);
  g_assert_cmpuint (watcher->n_items_notified, ==, 0);
  g_assert_cmpint (cw_entry_get_count (item_at (list, 1)), ==, 15);
  g_assert_cmpstr (cw_entry_get_notes (item_at (list, 1)), ==, "One more from the stall.");
  g_assert_true (item_at (list, 0) == top);
  g_assert_true (item_at (list, 3) == bottom);

  /* A new date moves it: out of its place and into the new one, and the
   * rows between stay as they were, bound widgets and all. */
  middle = item_at (list, 2);
  cw_entry_set_date (b, "2025-02-15");
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (watcher->changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (watcher->changes, CwTestChange, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (watcher->changes, CwTestChange, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (watcher->changes, CwTestChange, 0).added, ==, 0);
  g_assert_cmpuint (g_array_index (watcher->changes, CwTestChange, 1).position, ==, 2);
  g_assert_cmpuint (g_array_index (watcher->changes, CwTestChange, 1).removed, ==, 0);
  g_assert_cmpuint (g_array_index (watcher->changes, CwTestChange, 1).added, ==, 1);
  assert_titles (G_LIST_MODEL (list), "A", "C", "B", "D", NULL);
  g_assert_true (item_at (list, 0) == top);
  g_assert_true (item_at (list, 1) == middle);
  g_assert_true (item_at (list, 3) == bottom);
}

static void
test_follows_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CwEntry) a G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-05-01", "A");
  g_autoptr(CwEntry) b = save_entry (f, f->case_id, "2025-04-01", "B");
  g_autoptr(CwEntry) c G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-03-01", "C");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_delete_entry (f->store, cw_entry_get_id (b), &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 1, 1, 0);
  g_assert_cmpuint (watcher->n_items_notified, ==, 1);
  assert_titles (G_LIST_MODEL (list), "A", "C", NULL);

  /* Saved again (an undo), it comes back where it was. */
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 1, 0, 1);
  assert_titles (G_LIST_MODEL (list), "A", "B", "C", NULL);
}

static void
test_ignores_other_cases (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CwEntry) mine G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-05-01", "Mine");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(CwEntry) theirs G_GNUC_UNUSED = save_entry (f, f->other_case_id, "2025-06-01", "Theirs");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (watcher->changes->len, ==, 0);
  assert_titles (G_LIST_MODEL (list), "Mine", NULL);

  /* Nothing changed, nothing reported. */
  g_assert_true (cw_entry_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (watcher->changes->len, ==, 0);
}

static void
test_ignores_rolled_back (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CwEntry) mine G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-05-01", "Mine");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(CwEntry) dropped = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_begin (f->store, &error));
  dropped = save_entry (f, f->case_id, "2025-06-01", "Never committed");
  cw_store_rollback (f->store);

  g_assert_cmpuint (watcher->changes->len, ==, 0);
  assert_titles (G_LIST_MODEL (list), "Mine", NULL);
}

static void
test_follows_case_delete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CwEntry) a G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-05-01", "A");
  g_autoptr(CwEntry) b G_GNUC_UNUSED = save_entry (f, f->case_id, "2025-04-01", "B");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(CwTestWatcher) watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_delete_case (f->store, f->case_id, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 0, 2, 0);
  assert_titles (G_LIST_MODEL (list), NULL);
}

static void
test_many_entries (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwEntryList) list = NULL;
  g_autoptr(CwTestWatcher) watcher = NULL;
  g_autoptr(CwEntry) fresh = NULL;
  gint64 start;

  g_assert_true (cw_store_begin (f->store, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i / 336, 1 + (i / 28) % 12,
                                               1 + i % 28);
      g_autoptr(CwEntry) entry G_GNUC_UNUSED = save_entry (f, f->case_id, date, "Letters");
    }
  g_assert_true (cw_store_commit (f->store, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  list = cw_entry_list_new (f->store, f->case_id);
  g_test_message ("5,000 entries loaded in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);

  /* One more is one row, not the whole list again. */
  watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  fresh = save_entry (f, f->case_id, "2030-01-01", "Newest");
  cw_test_assert_one_change (watcher, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5001);
}

/* The window's list: the newest entries at once, the rest while the main
 * loop runs, in the same order as a full read, following changes made
 * while it is still reading. */
static void
test_incremental (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwEntryList) list = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(CwEntry) added = NULL;
  g_autoptr(GError) error = NULL;
  guint first;

  g_assert_true (cw_store_begin (f->store, &error));
  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i % 20, i % 12 + 1, i % 28 + 1);
      g_autofree char *title = g_strdup_printf ("Entry %u", i);
      g_autoptr(CwEntry) entry G_GNUC_UNUSED = save_entry (f, f->case_id, date, title);
    }
  g_assert_true (cw_store_commit (f->store, &error));

  list = cw_entry_list_new_incremental (f->store, f->case_id);
  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, 2500);
  g_assert_false (cw_entry_list_is_complete (list));
  g_assert_cmpuint (cw_entry_list_get_n_total (list), ==, 2500);

  /* Logged while the list is still reading: shown once, at the top. */
  added = save_entry (f, f->case_id, "2030-01-01", "Newest");
  g_assert_cmpstr (cw_entry_get_id (item_at (list, 0)), ==, cw_entry_get_id (added));

  while (!cw_entry_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);

  all = cw_store_list_entries (f->store, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2501);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2501);
  g_assert_cmpuint (cw_entry_list_get_n_total (list), ==, 2501);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (cw_entry_get_id (item_at (list, i)), ==,
                     cw_entry_get_id (g_ptr_array_index (all, i)));
}

/* Replays each change on a copy of the list, as a view does. */
static void
mirror_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GPtrArray  *mirror)
{
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, item_at (CW_ENTRY_LIST (model), position + i));
}

/* One entry changed is read again alone and moved where it belongs; the
 * order is the store's to the last tie, each change told is one a view
 * can follow, and every other entry is the very object it was. */
static void
test_one_entry_read_again (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const dates[] = { "2025", "2025-03", "2025-03-07", "2025-03-08", "2024-12-31" };
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) mirror = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_cb), mirror);
  for (guint step = 0; step < 300; step++)
    {
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
      guint choice = g_rand_int_range (rand, 0, 3);
      const char *changed = NULL;

      for (guint i = 0; i < mirror->len; i++)
        g_hash_table_insert (before, (gpointer) cw_entry_get_id (mirror->pdata[i]), mirror->pdata[i]);

      if (choice == 0 || saved->len < 3)
        {
          g_autofree char *title = g_strdup_printf ("Entry %u", step);

          g_ptr_array_add (saved, save_entry (f, f->case_id,
                                              dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))],
                                              title));
          changed = cw_entry_get_id (g_ptr_array_index (saved, saved->len - 1));
        }
      else if (choice == 1)
        {
          CwEntry *entry = g_ptr_array_index (saved, g_rand_int_range (rand, 0, saved->len));

          cw_entry_set_date (entry, dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))]);
          cw_entry_set_count (entry, step);
          g_assert_true (cw_store_save_entry (f->store, entry, &error));
          g_assert_no_error (error);
          changed = cw_entry_get_id (entry);
        }
      else
        {
          guint index = g_rand_int_range (rand, 0, saved->len);

          g_assert_true (cw_store_delete_entry (f->store,
                                                cw_entry_get_id (g_ptr_array_index (saved, index)),
                                                &error));
          g_assert_no_error (error);
          g_ptr_array_remove_index (saved, index);
        }

      all = cw_store_list_entries (f->store, f->case_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all->len);
      g_assert_cmpuint (mirror->len, ==, all->len);
      for (guint i = 0; i < all->len; i++)
        {
          CwEntry *shown = item_at (list, i);
          CwEntry *stored = g_ptr_array_index (all, i);

          g_assert_true (mirror->pdata[i] == shown);
          g_assert_cmpstr (cw_entry_get_id (shown), ==, cw_entry_get_id (stored));
          g_assert_cmpint (cw_entry_get_count (shown), ==, cw_entry_get_count (stored));
          if (g_strcmp0 (cw_entry_get_id (shown), changed) != 0)
            g_assert_true (g_hash_table_lookup (before, cw_entry_get_id (shown)) == shown);
        }
    }
}

/* In a list still being read, an entry moved past what was read leaves
 * it, and comes back with the rest: the list did not read itself again. */
static void
test_one_entry_incremental (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CwEntryList) list = NULL;
  g_autoptr(CwTestWatcher) watcher = NULL;
  g_autoptr(CwEntry) newest = NULL;
  g_autoptr(GError) error = NULL;
  guint first;

  g_assert_true (cw_store_begin (f->store, &error));
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *title = g_strdup_printf ("Entry %u", i);
      g_autoptr(CwEntry) entry G_GNUC_UNUSED = save_entry (f, f->case_id, "2020-01-01", title);
    }
  g_assert_true (cw_store_commit (f->store, &error));
  newest = save_entry (f, f->case_id, "2026-11-01", "Newest");

  list = cw_entry_list_new_incremental (f->store, f->case_id);
  watcher = cw_test_watcher_new (G_LIST_MODEL (list));
  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_false (cw_entry_list_is_complete (list));
  g_assert_cmpstr (cw_entry_get_id (item_at (list, 0)), ==, cw_entry_get_id (newest));

  cw_entry_set_date (newest, "1999");
  g_assert_true (cw_store_save_entry (f->store, newest, &error));
  g_assert_no_error (error);
  cw_test_assert_one_change (watcher, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, first - 1);
  g_assert_cmpuint (cw_entry_list_get_n_total (list), ==, 501);

  while (!cw_entry_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 501);
  g_assert_cmpstr (cw_entry_get_id (item_at (list, 500)), ==, cw_entry_get_id (newest));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/entry-list/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lists-newest-first", test_lists_newest_first);
  ADD ("empty", test_empty);
  ADD ("follows-new-entry", test_follows_new_entry);
  ADD ("follows-edit", test_follows_edit);
  ADD ("follows-delete", test_follows_delete);
  ADD ("ignores-other-cases", test_ignores_other_cases);
  ADD ("ignores-rolled-back", test_ignores_rolled_back);
  ADD ("follows-case-delete", test_follows_case_delete);
  ADD ("many-entries", test_many_entries);
  ADD ("incremental", test_incremental);
  ADD ("one-entry-read-again", test_one_entry_read_again);
  ADD ("one-entry-incremental", test_one_entry_incremental);

#undef ADD

  return g_test_run ();
}
