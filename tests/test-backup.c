/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-case-list.h"
#include "cw-store-private.h"
#include "cw-test-utils.h"

/*
 * Backups and restore: a backup is a whole, consistent copy, never written
 * over the database; a file is checked before it is trusted; a restore
 * replaces the records, keeps a safety copy, and changes nothing at all
 * when the file is refused.
 */

typedef struct {
  char *dir;
  char *db;
  CwStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-backup-XXXXXX");
  f->db = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_test_open_store (f->dir, "casework.db");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->db);
  cw_test_tmp_dir_free (f->dir);
}

/* ------------------------------------------------------------------ */
/* Helpers */

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
backup_ok (CwStore    *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_backup (store, path, &error));
  g_assert_no_error (error);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static void
write_bytes (const char   *path,
             const void   *data,
             gsize         len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = file_bytes (from);

  g_assert_nonnull (bytes);
  write_bytes (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static guint
count_prefix (const char *dir,
              const char *prefix,
              char      **found)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        n++;
        if (found != NULL)
          {
            g_free (*found);
            *found = g_build_filename (dir, name, NULL);
          }
      }
  return n;
}

static guint
count_files (const char *dir)
{
  return count_prefix (dir, "", NULL);
}

/* Everything the store holds that a casefile carries, as one text. */
static char *
export_all (CwStore *store)
{
  return cw_test_export_ok (store, NULL, CW_CASEFILE_SCOPE_FULL);
}

/* Some of everything: the long-term sample (case, people, targets, private
 * entries), the group's profile, and a note for the year. */
static void
fill_store (CwStore *store)
{
  g_autoptr(CwProfile) profile = cw_profile_new ();
  g_autoptr(GError) error = NULL;

  cw_test_import_sample (store, "long-term-case.xml");
  g_free (profile->name);
  profile->name = g_strdup ("Amnesty International Group 123");
  g_free (profile->signatory);
  profile->signatory = g_strdup ("Priya Shah");
  g_assert_true (cw_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_save_report_note (store, "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184", 2025,
                                            "Forty letters.", "Visit the embassy.", &error));
  g_assert_no_error (error);
}

/* A backup of a store holding @n_cases cases, at @path. */
static void
make_backup (Fixture    *f,
             const char *path,
             guint       n_cases)
{
  g_autofree char *dir = g_build_filename (f->dir, "source", NULL);
  g_autoptr(CwStore) store = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  store = cw_test_open_store (dir, "casework.db");
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *title = g_strdup_printf ("Backed-up case %u", i + 1);

      g_object_unref (cw_test_save_new_case (store, title));
    }
  backup_ok (store, path);
  g_clear_object (&store);
  cw_test_remove_tree (dir);
}

static void
assert_check_fails (const char *path,
                    GQuark      domain,
                    int         code,
                    const char *words)
{
  g_auto(CwBackupInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_false (cw_store_check_backup (path, &info, &error));
  g_assert_error (error, domain, code);
  /* The message names the file and says what is wrong with it. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));

  /* Looking changed nothing, and left nothing beside it. */
  after = file_bytes (path);
  if (before != NULL)
    g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------------ */
/* Backing up */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dest = path_in (f, "backup.db");
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *how = NULL, *next = NULL;
  g_autoptr(CwStore) copy = NULL;
  g_autoptr(CwProfile) profile = NULL;
  g_auto(CwBackupInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *header;

  fill_store (f->store);
  backup_ok (f->store, dest);

  /* Nothing but the database, its WAL files and the backup. */
  g_assert_cmpuint (count_prefix (f->dir, "backup.db", NULL), ==, 1);
  g_assert_cmpuint (count_prefix (f->dir, ".", NULL), ==, 0);

  /* One self-contained file, not in WAL mode. */
  bytes = file_bytes (dest);
  header = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (header, 16, "SQLite format 3\0", 16);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);

  g_assert_true (cw_store_check_backup (dest, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, CW_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (info.n_cases, ==, 1);
  g_assert_cmpuint (info.n_entries, ==, 6);
  g_assert_nonnull (info.last_changed);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The same records, to the byte of an export, and what no casefile
   * carries too. */
  original = export_all (f->store);
  copy = cw_test_open_store (f->dir, "backup.db");
  copied = export_all (copy);
  g_assert_cmpstr (copied, ==, original);
  profile = cw_store_load_profile (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->name, ==, "Amnesty International Group 123");
  g_assert_cmpstr (profile->signatory, ==, "Priya Shah");
  g_assert_true (cw_store_load_report_note (copy, "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184", 2025,
                                            &how, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (how, ==, "Forty letters.");
  g_assert_cmpstr (next, ==, "Visit the embassy.");
  g_assert_cmpuint (cw_store_count_cases (copy), ==, 1);
}

static void
test_replaces_chosen_file (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dest = path_in (f, "backup.db");
  g_autofree char *folder = path_in (f, "folder.db");
  g_autofree char *link = path_in (f, "link.db");
  g_autofree char *other = path_in (f, "other.txt");
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "backup.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) other_bytes = NULL;

  cw_test_import_sample (f->store, "urgent-action.xml");

  /* The user chose an existing file in the file chooser: it is replaced. */
  write_bytes (dest, "an older backup", 15);
  backup_ok (f->store, dest);
  g_assert_true (cw_store_check_backup (dest, NULL, &error));
  g_assert_no_error (error);

  /* A folder or a symbolic link is not replaced. */
  g_assert_no_errno (g_mkdir (folder, 0700));
  g_assert_false (cw_store_backup (f->store, folder, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  write_bytes (other, "keep me", 7);
  g_assert_no_errno (symlink (other, link));
  g_assert_false (cw_store_backup (f->store, link, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);
  other_bytes = file_bytes (other);
  g_assert_cmpmem (g_bytes_get_data (other_bytes, NULL), g_bytes_get_size (other_bytes), "keep me", 7);

  /* A folder that is not there: an error, and no file anywhere. */
  g_assert_false (cw_store_backup (f->store, missing, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "backup.db"));
  g_assert_cmpuint (count_prefix (f->dir, ".", NULL), ==, 0);
}

static void
test_refuses_own_files (Fixture       *f,
                        gconstpointer  data)
{
  const char *names[] = {
    "casework.db", "casework.db-wal", "casework.db-shm", "casework.db-journal",
    "casework.db.v1-backup-2025-01-01-120000", "casework.db.before-restore-2025-01-01-120000",
  };
  g_autofree char *link = path_in (f, "link-to-db");
  g_autofree char *dotted = g_build_filename (f->dir, ".", "casework.db", NULL);

  cw_test_import_sample (f->store, "long-term-case.xml");
  g_assert_no_errno (symlink (f->db, link));

  for (guint i = 0; i < G_N_ELEMENTS (names) + 2; i++)
    {
      g_autofree char *dest = i < G_N_ELEMENTS (names) ? path_in (f, names[i])
                            : g_strdup (i == G_N_ELEMENTS (names) ? link : dotted);
      g_autoptr(GBytes) before = file_bytes (dest);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (cw_store_backup (f->store, dest, &error));
      g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Casework’s own records"));

      after = file_bytes (dest);
      g_assert_true ((before == NULL) == (after == NULL));
      if (before != NULL)
        g_assert_true (g_bytes_equal (before, after));
    }

  /* The records are all still there. */
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_cmpuint (cw_test_count_entries (f->store, "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"), ==, 6);
}

/* Another connection holds a write open: the backup does not wait for it,
 * and has only what was committed. */
static void
test_backup_beside_open_write (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *dest = path_in (f, "backup.db");
  g_autoptr(CwStore) writer = cw_test_open_store (f->dir, "casework.db");
  g_autoptr(CwStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) pending = NULL;

  g_object_unref (cw_test_save_new_case (f->store, "Committed"));

  g_assert_true (cw_store_begin (writer, &error));
  g_assert_no_error (error);
  pending = cw_test_save_new_case (writer, "Not yet committed");

  backup_ok (f->store, dest);

  g_assert_true (cw_store_commit (writer, &error));
  g_assert_no_error (error);

  copy = cw_test_open_store (f->dir, "backup.db");
  g_assert_cmpuint (cw_store_count_cases (copy), ==, 1);
  g_assert_false (cw_store_has_case (copy, cw_case_get_id (pending)));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 2);
}

typedef struct {
  char *dir;
  gint stop;
  gint written;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(CwStore) store = cw_test_open_store (writer->dir, "casework.db");

  while (!g_atomic_int_get (&writer->stop))
    {
      g_autoptr(CwCase) kase = NULL;
      g_autoptr(CwEntry) entry = cw_entry_new ();
      g_autoptr(GError) error = NULL;

      /* A case and its entry land together. */
      g_assert_true (cw_store_begin (store, &error));
      kase = cw_test_save_new_case (store, "Written while backing up");
      cw_entry_set_case_id (entry, cw_case_get_id (kase));
      cw_entry_set_date (entry, "2025-03-07");
      cw_entry_set_title (entry, "Letters written");
      g_assert_true (cw_store_save_entry (store, entry, &error));
      g_assert_no_error (error);
      g_assert_true (cw_store_commit (store, &error));
      g_assert_no_error (error);
      g_atomic_int_inc (&writer->written);
    }
  return NULL;
}

static gboolean
written_some (Writer *writer,
              guint   n)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while ((guint) g_atomic_int_get (&writer->written) < n && g_get_monotonic_time () < end)
    g_usleep (1000);
  return (guint) g_atomic_int_get (&writer->written) >= n;
}

/* While another connection writes as fast as it can, every backup is a
 * sound database holding a moment of it: each case with its entry. */
static void
test_backup_while_writing (Fixture       *f,
                           gconstpointer  data)
{
  Writer writer = { f->dir, 0, 0 };
  GThread *thread;
  guint last = 0;

  fill_store (f->store);
  thread = g_thread_new ("writer", writer_thread, &writer);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.db", i);
      g_autofree char *dest = path_in (f, name);
      g_auto(CwBackupInfo) info = { 0 };
      g_autoptr(GError) error = NULL;

      g_assert_true (written_some (&writer, last + 5));
      backup_ok (f->store, dest);
      g_assert_true (cw_store_check_backup (dest, &info, &error));
      g_assert_no_error (error);
      /* The sample's case and six entries, and each written case with
       * its one entry: never a case without its entry. */
      g_assert_cmpuint (info.n_cases, >, last + 1);
      g_assert_cmpuint (info.n_entries, ==, 6 + (info.n_cases - 1));
      last = info.n_cases - 1;
    }

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1 + (guint) writer.written);
}

/* ------------------------------------------------------------------ */
/* Checking a backup */

static void
test_check_refuses (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *good = path_in (f, "good.db");
  g_autofree char *truncated = path_in (f, "truncated.db");
  g_autofree char *text = path_in (f, "notes.txt");
  g_autofree char *empty = path_in (f, "empty.db");
  g_autofree char *foreign = path_in (f, "other-program.sqlite");
  g_autofree char *newer = path_in (f, "newer.db");
  g_autofree char *trigger = path_in (f, "trigger.db");
  g_autofree char *missing_table = path_in (f, "missing-table.db");
  g_autofree char *missing = path_in (f, "not-there.db");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  make_backup (f, good, 300);
  g_assert_true (cw_store_check_backup (good, NULL, &error));
  g_assert_no_error (error);
  bytes = file_bytes (good);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64 * 1024);

  /* Cut short, as by a full disk or a copy pulled out too soon. */
  write_bytes (truncated, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
  assert_check_fails (truncated, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "damaged");

  write_bytes (text, "Meeting notes, not a database\n", 30);
  assert_check_fails (text, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "not a Casework database");

  write_bytes (empty, "", 0);
  assert_check_fails (empty, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "empty");

  assert_check_fails (missing, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND, NULL);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  exec_sql (foreign, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_check_fails (foreign, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "another program");

  copy_file (good, newer);
  cw_test_set_schema_version (newer, CW_STORE_SCHEMA_VERSION + 1);
  assert_check_fails (newer, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "newer version");

  /* A Casework database with something of another's in it. */
  copy_file (good, trigger);
  exec_sql (trigger, "CREATE TRIGGER wipe AFTER INSERT ON entries BEGIN DELETE FROM cases; END;");
  assert_check_fails (trigger, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "trigger wipe");

  copy_file (good, missing_table);
  exec_sql (missing_table, "DROP TABLE report_notes;");
  assert_check_fails (missing_table, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "report_notes");
}

/* Garbage written over pages in the middle of a good backup. */
static void
test_check_refuses_corrupt_page (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *good = path_in (f, "good.db");
  g_autofree char *corrupt = path_in (f, "corrupt.db");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *data_copy = NULL;
  gsize len;

  make_backup (f, good, 300);
  bytes = file_bytes (good);
  len = g_bytes_get_size (bytes);
  data_copy = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

  /* Two pages' worth, from the middle page on: the size and the header
   * are as they were. */
  for (gsize i = (len / 2) & ~(gsize) 4095; i < ((len / 2) & ~(gsize) 4095) + 8192 && i < len; i++)
    data_copy[i] = (guint8) (0xa5 ^ (i * 31));
  write_bytes (corrupt, data_copy, len);

  assert_check_fails (corrupt, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "damaged");

  /* Subtler: the records at the end of a page of rows, past every table's
   * first page, so that only a check of the whole file finds it. */
  {
    const guint8 *good_data = g_bytes_get_data (bytes, NULL);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    gsize last_root, page = 0;

    g_assert_cmpint (sqlite3_open_v2 (good, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT max(rootpage) FROM sqlite_schema", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    last_root = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);

    for (gsize p = last_root + 1; p <= len / 4096 && page == 0; p++)
      if (good_data[(p - 1) * 4096] == 0x0d)   /* a leaf page of a table */
        page = p;
    g_assert_cmpuint (page, >, 0);

    memcpy (data_copy, good_data, len);
    memset (data_copy + page * 4096 - 300, 'Z', 300);
    write_bytes (corrupt, data_copy, len);
    assert_check_fails (corrupt, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK, "damaged");
  }
}

static void
test_check_older_version (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *v1 = path_in (f, "v1.db");
  const CwMigration *migrations;
  guint n = 0;
  g_autoptr(CwStore) old = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CwBackupInfo) info = { 0 };

  migrations = cw_store_migrations (&n);
  old = cw_store_open_with_migrations (v1, migrations, 1, &error);
  g_assert_no_error (error);
  g_object_unref (cw_test_save_new_case (old, "A case from version 1"));
  g_clear_object (&old);

  g_assert_true (cw_store_check_backup (v1, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.schema_version, ==, 1);
  g_assert_cmpuint (info.n_cases, ==, 1);
}

/* ------------------------------------------------------------------ */
/* Restoring */

typedef struct {
  GPtrArray *added;
  GPtrArray *changed;
  GPtrArray *removed;
  GPtrArray *entries;
} Heard;

static void
heard_cb (CwStore    *store,
          const char *id,
          GPtrArray  *list)
{
  g_ptr_array_add (list, g_strdup (id));
}

static void
listen (CwStore *store,
        Heard   *heard)
{
  heard->added = g_ptr_array_new_with_free_func (g_free);
  heard->changed = g_ptr_array_new_with_free_func (g_free);
  heard->removed = g_ptr_array_new_with_free_func (g_free);
  heard->entries = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (store, "case-added", G_CALLBACK (heard_cb), heard->added);
  g_signal_connect (store, "case-changed", G_CALLBACK (heard_cb), heard->changed);
  g_signal_connect (store, "case-removed", G_CALLBACK (heard_cb), heard->removed);
  g_signal_connect (store, "entries-changed", G_CALLBACK (heard_cb), heard->entries);
}

static void
heard_clear (CwStore *store,
             Heard   *heard)
{
  g_signal_handlers_disconnect_by_func (store, heard_cb, heard->added);
  g_signal_handlers_disconnect_by_func (store, heard_cb, heard->changed);
  g_signal_handlers_disconnect_by_func (store, heard_cb, heard->removed);
  g_signal_handlers_disconnect_by_func (store, heard_cb, heard->entries);
  g_ptr_array_unref (heard->added);
  g_ptr_array_unref (heard->changed);
  g_ptr_array_unref (heard->removed);
  g_ptr_array_unref (heard->entries);
}

static gboolean
has_id (GPtrArray  *ids,
        const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

static void
test_restore_replaces (Fixture       *f,
                       gconstpointer  data)
{
  const char *sample_id = "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184";
  g_autofree char *backup = path_in (f, "backup.db");
  g_autofree char *safety = NULL;
  g_autofree char *found = NULL;
  g_autofree char *before_export = NULL;
  g_autofree char *restored_export = NULL;
  g_autoptr(CwCase) later = NULL;
  g_autoptr(CwCase) edited = NULL;
  g_autoptr(CwCaseList) list = NULL;
  g_autoptr(CwStore) safety_store = NULL;
  g_autoptr(CwStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) shown = NULL;
  GStatBuf st_before, st_after;
  Heard heard;

  fill_store (f->store);
  backup_ok (f->store, backup);
  before_export = export_all (f->store);

  /* Work done after the backup: a new case, and an edit. */
  later = cw_test_save_new_case (f->store, "Added after the backup");
  edited = cw_store_load_case (f->store, sample_id, &error);
  g_assert_no_error (error);
  cw_case_set_title (edited, "Renamed after the backup");
  g_assert_true (cw_store_save_case (f->store, edited, &error));
  g_assert_no_error (error);

  list = cw_case_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  listen (f->store, &heard);
  g_assert_no_errno (g_stat (f->db, &st_before));

  g_assert_true (cw_store_restore_from (f->store, backup, &safety, &error));
  g_assert_no_error (error);

  /* The records are the backup's, on the same connection... */
  restored_export = export_all (f->store);
  g_assert_cmpstr (restored_export, ==, before_export);
  g_assert_false (cw_store_has_case (f->store, cw_case_get_id (later)));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);

  /* ...and every view heard of it. */
  g_assert_true (has_id (heard.removed, cw_case_get_id (later)));
  g_assert_true (has_id (heard.changed, sample_id));
  g_assert_true (has_id (heard.entries, sample_id));
  g_assert_cmpuint (heard.added->len, ==, 0);
  heard_clear (f->store, &heard);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cw_case_get_title (shown), ==, "Marisol Quintero Vargas");

  /* The same file, not a new one, still in WAL mode. */
  g_assert_no_errno (g_stat (f->db, &st_after));
  g_assert_cmpuint (st_before.st_ino, ==, st_after.st_ino);
  {
    int is_wal = 0;
    char *mode = NULL;
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    is_wal = g_strcmp0 (mode, "wal") == 0;
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_free (mode);
    g_assert_true (is_wal);
  }

  /* Another connection, opened now, sees the restored records too. */
  reopened = cw_test_open_store (f->dir, "casework.db");
  g_assert_cmpuint (cw_store_count_cases (reopened), ==, 1);

  /* What was there before is kept beside it, whole. */
  g_assert_nonnull (safety);
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-", &found), ==, 1);
  g_assert_cmpstr (found, ==, safety);
  g_assert_true (cw_store_check_backup (safety, NULL, &error));
  g_assert_no_error (error);
  safety_store = cw_store_open (safety, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (safety_store), ==, 2);
  g_assert_true (cw_store_has_case (safety_store, cw_case_get_id (later)));

  /* Writing goes on as before. */
  g_object_unref (cw_test_save_new_case (f->store, "Added after the restore"));
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

/* A safety copy never takes the name of a file already there. */
static void
test_restore_keeps_existing_files (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *backup = path_in (f, "backup.db");
  g_autofree char *safety = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);

  make_backup (f, backup, 2);
  g_object_unref (cw_test_save_new_case (f->store, "Here now"));

  for (int s = 0; s < 3; s++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_seconds (now, s);
      g_autofree char *stamp = g_date_time_format (then, "%Y-%m-%d-%H%M%S");
      char *path = g_strdup_printf ("%s.before-restore-%s", f->db, stamp);

      write_bytes (path, "keep", 4);
      g_ptr_array_add (taken, path);
    }

  g_assert_true (cw_store_restore_from (f->store, backup, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 2);

  for (guint i = 0; i < taken->len; i++)
    {
      g_autoptr(GBytes) bytes = file_bytes (g_ptr_array_index (taken, i));

      g_assert_cmpstr (safety, !=, g_ptr_array_index (taken, i));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "keep", 4);
    }
  g_assert_true (cw_store_check_backup (safety, NULL, &error));
  g_assert_no_error (error);
}

static void
test_restore_older_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *v1 = path_in (f, "v1.db");
  const CwMigration *migrations;
  guint n = 0;
  g_autoptr(CwStore) old = NULL;
  g_autoptr(CwCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *how = NULL, *next = NULL;

  migrations = cw_store_migrations (&n);
  old = cw_store_open_with_migrations (v1, migrations, 1, &error);
  g_assert_no_error (error);
  kase = cw_test_save_new_case (old, "A case from version 1");
  g_clear_object (&old);

  g_assert_true (cw_store_restore_from (f->store, v1, NULL, &error));
  g_assert_no_error (error);

  /* Brought up to this version, as opening it would have. */
  g_assert_cmpint (cw_store_get_schema_version (f->store), ==, CW_STORE_SCHEMA_VERSION);
  g_assert_true (cw_store_has_case (f->store, cw_case_get_id (kase)));
  g_assert_true (cw_store_save_report_note (f->store, cw_case_get_id (kase), 2025, "Good.", "More.",
                                            &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_load_report_note (f->store, cw_case_get_id (kase), 2025, &how, &next,
                                            &error));
  g_assert_cmpstr (how, ==, "Good.");
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-", NULL), ==, 1);
  /* It was brought up to date in a copy of its own, gone once restored;
   * the migration's backup of that copy went with it. */
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.restoring-", NULL), ==, 0);
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.v", NULL), ==, 0);

  /* The file itself is at the current version for the next program that opens it. */
  g_clear_object (&f->store);
  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_cmpint (cw_store_get_schema_version (f->store), ==, CW_STORE_SCHEMA_VERSION);
  g_assert_true (cw_store_has_case (f->store, cw_case_get_id (kase)));
}

/* A backup of another page size than the database's. */
static void
test_restore_other_page_size (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *backup = path_in (f, "backup.db");
  g_autoptr(GError) error = NULL;
  int page_size = 0;

  make_backup (f, backup, 3);
  exec_sql (backup, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 8192; VACUUM;");
  g_object_unref (cw_test_save_new_case (f->store, "Here now"));

  g_assert_true (cw_store_restore_from (f->store, backup, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 3);
  g_assert_true (cw_store_query_int (f->store, "PRAGMA page_size", &page_size, &error));
  g_assert_cmpint (page_size, ==, 8192);

  g_object_unref (cw_test_save_new_case (f->store, "Added after the restore"));
  g_clear_object (&f->store);
  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 4);
}

/* The database and its WAL, byte for byte, and the files beside it. */
typedef struct {
  GBytes *db;
  GBytes *wal;
  guint n_files;
} Snapshot;

static void
snapshot_take (Fixture  *f,
               Snapshot *snap)
{
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);

  snap->db = file_bytes (f->db);
  snap->wal = file_bytes (wal);
  snap->n_files = count_files (f->dir);
}

static void
snapshot_assert_same (Fixture  *f,
                      Snapshot *before)
{
  Snapshot after;

  snapshot_take (f, &after);
  g_assert_true (g_bytes_equal (before->db, after.db));
  g_assert_true ((before->wal == NULL) == (after.wal == NULL));
  if (before->wal != NULL)
    g_assert_true (g_bytes_equal (before->wal, after.wal));
  g_assert_cmpuint (before->n_files, ==, after.n_files);
  g_bytes_unref (after.db);
  g_clear_pointer (&after.wal, g_bytes_unref);
}

static void
test_restore_refused_changes_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *good = path_in (f, "good.db");
  g_autofree char *text = path_in (f, "notes.txt");
  g_autofree char *foreign = path_in (f, "other-program.sqlite");
  g_autofree char *newer = path_in (f, "newer.db");
  g_autofree char *corrupt = path_in (f, "corrupt.db");
  g_autofree char *truncated = path_in (f, "truncated.db");
  g_autofree char *missing = path_in (f, "not-there.db");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  const char *candidates[] = { text, foreign, newer, corrupt, truncated, missing, f->db };
  Heard heard;
  gsize len;

  fill_store (f->store);
  make_backup (f, good, 300);

  write_bytes (text, "Meeting notes, not a database\n", 30);
  exec_sql (foreign, "CREATE TABLE contacts (name TEXT);");
  copy_file (good, newer);
  cw_test_set_schema_version (newer, CW_STORE_SCHEMA_VERSION + 1);
  bytes = file_bytes (good);
  len = g_bytes_get_size (bytes);
  write_bytes (truncated, g_bytes_get_data (bytes, NULL), len / 2);
  damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  memset (damaged + ((len / 2) & ~(gsize) 4095), 0x5a, 8192);
  write_bytes (corrupt, damaged, len);

  listen (f->store, &heard);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *safety = NULL;
      Snapshot before;

      snapshot_take (f, &before);
      g_assert_false (cw_store_restore_from (f->store, candidates[i], &safety, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_null (safety);
      snapshot_assert_same (f, &before);
      g_bytes_unref (before.db);
      g_clear_pointer (&before.wal, g_bytes_unref);
    }

  /* No safety copy was needed, no view heard of anything, and the records
   * are as they were. */
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-", NULL), ==, 0);
  g_assert_cmpuint (heard.removed->len + heard.changed->len + heard.added->len + heard.entries->len,
                    ==, 0);
  heard_clear (f->store, &heard);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 1);
  g_assert_cmpuint (cw_test_count_entries (f->store, "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"), ==, 6);
}

/* A database written by a newer Casework is open read-only: no restore
 * into it. */
static void
test_restore_read_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *backup = path_in (f, "backup.db");
  g_autoptr(GError) error = NULL;

  make_backup (f, backup, 1);
  g_clear_object (&f->store);
  cw_test_set_schema_version (f->db, CW_STORE_SCHEMA_VERSION + 1);
  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_true (cw_store_get_read_only (f->store));

  g_assert_false (cw_store_restore_from (f->store, backup, NULL, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/backup/round-trip", test_round_trip);
  ADD ("/backup/replaces-chosen-file", test_replaces_chosen_file);
  ADD ("/backup/refuses-own-files", test_refuses_own_files);
  ADD ("/backup/beside-open-write", test_backup_beside_open_write);
  ADD ("/backup/while-writing", test_backup_while_writing);
  ADD ("/backup/check/refuses", test_check_refuses);
  ADD ("/backup/check/refuses-corrupt-page", test_check_refuses_corrupt_page);
  ADD ("/backup/check/older-version", test_check_older_version);
  ADD ("/backup/restore/replaces", test_restore_replaces);
  ADD ("/backup/restore/keeps-existing-files", test_restore_keeps_existing_files);
  ADD ("/backup/restore/older-version", test_restore_older_version);
  ADD ("/backup/restore/other-page-size", test_restore_other_page_size);
  ADD ("/backup/restore/refused-changes-nothing", test_restore_refused_changes_nothing);
  ADD ("/backup/restore/read-only", test_restore_read_only);

#undef ADD

  return g_test_run ();
}
