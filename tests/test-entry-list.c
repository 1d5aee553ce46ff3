/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include <glib/gstdio.h>

#include "cw-entry-list.h"
#include "cw-store.h"

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

static char *
save_new_case (CwStore    *store,
               const char *title)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, "Example Country");
  cw_case_set_summary (kase, "Arrested after a peaceful protest.");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return g_strdup (cw_case_get_id (kase));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("casework-entry-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_store_open (path, &error);
  g_assert_no_error (error);
  f->case_id = save_new_case (f->store, "Jane Doe");
  f->other_case_id = save_new_case (f->store, "John Roe");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_assert_no_errno (g_unlink (path));
    }
  g_assert_no_errno (g_rmdir (f->dir));
  g_free (f->dir);
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
/* Watching the model */

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct {
  GListModel *model;
  GArray *changes;        /* Change */
  guint n_items_notified;
} Watcher;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watcher    *watcher)
{
  Change change = { position, removed, added };

  g_array_append_val (watcher->changes, change);
}

static void
n_items_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Watcher    *watcher)
{
  watcher->n_items_notified++;
}

static Watcher *
watcher_new (CwEntryList *list)
{
  Watcher *watcher = g_new0 (Watcher, 1);

  watcher->model = g_object_ref (G_LIST_MODEL (list));
  watcher->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), watcher);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (n_items_notify_cb), watcher);
  return watcher;
}

static void
watcher_free (Watcher *watcher)
{
  g_signal_handlers_disconnect_by_data (watcher->model, watcher);
  g_object_unref (watcher->model);
  g_array_unref (watcher->changes);
  g_free (watcher);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watcher, watcher_free)

static void
assert_one_change (Watcher *watcher,
                   guint    position,
                   guint    removed,
                   guint    added)
{
  Change *change;

  g_assert_cmpuint (watcher->changes->len, ==, 1);
  change = &g_array_index (watcher->changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (watcher->changes, 0);
}

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
  g_autoptr(CwEntry) march = save_entry (f, f->case_id, "2025-03-07", "March letters");
  g_autoptr(CwEntry) year = save_entry (f, f->case_id, "2024", "Letters that year");
  g_autoptr(CwEntry) may = save_entry (f, f->case_id, "2025-05", "May letters");
  g_autoptr(CwEntry) other = save_entry (f, f->other_case_id, "2026-01-01", "Another case");
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
  g_autoptr(CwEntry) old = save_entry (f, f->case_id, "2025-03-07", "March letters");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(Watcher) watcher = watcher_new (list);
  g_autoptr(CwEntry) fresh = NULL;
  g_autoptr(CwEntry) older = NULL;
  CwEntry *row = item_at (list, 0);

  /* Newest first: a new entry of today goes on top, and nothing else moves. */
  fresh = save_entry (f, f->case_id, "2025-04-01", "April letters");
  assert_one_change (watcher, 0, 0, 1);
  g_assert_cmpuint (watcher->n_items_notified, ==, 1);
  assert_titles (G_LIST_MODEL (list), "April letters", "March letters", NULL);
  g_assert_true (item_at (list, 1) == row);
  /* The list holds its own entry, not the caller's object. */
  g_assert_true (item_at (list, 0) != fresh);

  /* An older one goes below. */
  older = save_entry (f, f->case_id, "2024-12", "December letters");
  assert_one_change (watcher, 2, 0, 1);
  assert_titles (G_LIST_MODEL (list), "April letters", "March letters", "December letters", NULL);
}

static void
test_follows_edit (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwEntry) a = save_entry (f, f->case_id, "2025-05-01", "A");
  g_autoptr(CwEntry) b = save_entry (f, f->case_id, "2025-04-01", "B");
  g_autoptr(CwEntry) c = save_entry (f, f->case_id, "2025-03-01", "C");
  g_autoptr(CwEntry) d = save_entry (f, f->case_id, "2025-02-01", "D");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(Watcher) watcher = watcher_new (list);
  g_autoptr(GError) error = NULL;
  CwEntry *top = item_at (list, 0);
  CwEntry *bottom = item_at (list, 3);

  /* An edit in place is one row replaced. */
  cw_entry_set_count (b, 15);
  cw_entry_set_notes (b, "One more from the stall.");
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 1, 1, 1);
  g_assert_cmpuint (watcher->n_items_notified, ==, 0);
  g_assert_cmpint (cw_entry_get_count (item_at (list, 1)), ==, 15);
  g_assert_cmpstr (cw_entry_get_notes (item_at (list, 1)), ==, "One more from the stall.");
  g_assert_true (item_at (list, 0) == top);
  g_assert_true (item_at (list, 3) == bottom);

  /* A new date moves it: the stretch between is reported, the ends kept. */
  cw_entry_set_date (b, "2025-02-15");
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 1, 2, 2);
  assert_titles (G_LIST_MODEL (list), "A", "C", "B", "D", NULL);
  g_assert_true (item_at (list, 0) == top);
  g_assert_true (item_at (list, 3) == bottom);
}

static void
test_follows_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CwEntry) a = save_entry (f, f->case_id, "2025-05-01", "A");
  g_autoptr(CwEntry) b = save_entry (f, f->case_id, "2025-04-01", "B");
  g_autoptr(CwEntry) c = save_entry (f, f->case_id, "2025-03-01", "C");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(Watcher) watcher = watcher_new (list);
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_delete_entry (f->store, cw_entry_get_id (b), &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 1, 1, 0);
  g_assert_cmpuint (watcher->n_items_notified, ==, 1);
  assert_titles (G_LIST_MODEL (list), "A", "C", NULL);

  /* Saved again (an undo), it comes back where it was. */
  g_assert_true (cw_store_save_entry (f->store, b, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 1, 0, 1);
  assert_titles (G_LIST_MODEL (list), "A", "B", "C", NULL);
}

static void
test_ignores_other_cases (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CwEntry) mine = save_entry (f, f->case_id, "2025-05-01", "Mine");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(Watcher) watcher = watcher_new (list);
  g_autoptr(CwEntry) theirs = save_entry (f, f->other_case_id, "2025-06-01", "Theirs");
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
  g_autoptr(CwEntry) mine = save_entry (f, f->case_id, "2025-05-01", "Mine");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(Watcher) watcher = watcher_new (list);
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
  g_autoptr(CwEntry) a = save_entry (f, f->case_id, "2025-05-01", "A");
  g_autoptr(CwEntry) b = save_entry (f, f->case_id, "2025-04-01", "B");
  g_autoptr(CwEntryList) list = cw_entry_list_new (f->store, f->case_id);
  g_autoptr(Watcher) watcher = watcher_new (list);
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_delete_case (f->store, f->case_id, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 0, 2, 0);
  assert_titles (G_LIST_MODEL (list), NULL);
}

static void
test_many_entries (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwEntryList) list = NULL;
  g_autoptr(Watcher) watcher = NULL;
  g_autoptr(CwEntry) fresh = NULL;
  gint64 start;

  g_assert_true (cw_store_begin (f->store, &error));
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i / 336, 1 + (i / 28) % 12,
                                               1 + i % 28);
      g_autoptr(CwEntry) entry = save_entry (f, f->case_id, date, "Letters");
    }
  g_assert_true (cw_store_commit (f->store, &error));
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  list = cw_entry_list_new (f->store, f->case_id);
  g_test_message ("5,000 entries loaded in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5000);

  /* One more is one row, not the whole list again. */
  watcher = watcher_new (list);
  fresh = save_entry (f, f->case_id, "2030-01-01", "Newest");
  assert_one_change (watcher, 0, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5001);
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

#undef ADD

  return g_test_run ();
}
