/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cw-test-utils.h"

/* ------------------------------------------------------------------ */
/* A temporary directory per test */

/* @tmpl as for g_dir_make_tmp(): "casework-NAME-XXXXXX", so that a
 * directory a crashed test leaves behind says whose it was. */
CwTestTmpDir *
cw_test_tmp_dir_new (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

/* Does not follow symbolic links: a test that made one to somewhere else
 * must not make this remove what it points to. */
void
cw_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          cw_test_remove_tree (child);
        }
      g_assert_no_errno (g_rmdir (path));
    }
  else
    g_assert_no_errno (g_unlink (path));
}

/* Writes @contents to @name in @dir, and returns the file's path. */
char *
cw_test_write_file (const char *dir,
                    const char *name,
                    const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

void
cw_test_tmp_dir_free (CwTestTmpDir *dir)
{
  cw_test_remove_tree (dir);
  g_free (dir);
}

/* ------------------------------------------------------------------ */
/* Stores */

CwStore *
cw_test_open_store (const char *dir,
                    const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  CwStore *store = cw_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (CW_IS_STORE (store));
  return store;
}

void
cw_test_store_fixture_setup (CwTestStoreFixture *f,
                             gconstpointer       data)
{
  f->dir = cw_test_tmp_dir_new ("casework-test-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
}

void
cw_test_store_fixture_teardown (CwTestStoreFixture *f,
                                gconstpointer       data)
{
  g_clear_object (&f->store);
  cw_test_tmp_dir_free (f->dir);
}

/* A case with no more than the format asks for. */
CwCase *
cw_test_save_new_case (CwStore    *store,
                       const char *title)
{
  g_autoptr(GError) error = NULL;
  CwCase *kase = cw_case_new ();

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_country_name (kase, "Example Country");
  cw_case_set_summary (kase, "Arrested after a peaceful protest.");
  g_assert_true (cw_store_save_case (store, kase, &error));
  g_assert_no_error (error);
  return kase;
}

guint
cw_test_count_entries (CwStore    *store,
                       const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = cw_store_list_entries (store, case_id, &error);

  g_assert_no_error (error);
  return entries->len;
}

/* Stamps the database at @path with schema @version, as if another
 * version of Casework had written it; the store must be closed. The file
 * leaves WAL mode so that all of it is in the one file. */
void
cw_test_set_schema_version (const char *path,
                            int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d;",
                                          version);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------ */
/* Casefiles: the samples in data/samples/, the fixtures in tests/casefiles/ */

char *
cw_test_sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

char *
cw_test_sample_text (const char *name)
{
  g_autofree char *path = cw_test_sample_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

char *
cw_test_casefile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "casefiles", name, NULL);
}

GBytes *
cw_test_load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Reads and imports a document that must be fine; @name is what messages
 * would call it. */
CwImportSummary *
cw_test_import_bytes (CwStore    *store,
                      GBytes     *bytes,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCasefile) casefile = cw_casefile_read (bytes, name, &error);
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new ();
  CwImportSummary *summary = cw_import_summary_new ();

  g_assert_no_error (error);
  g_assert_nonnull (casefile);
  g_ptr_array_add (casefiles, casefile);
  cw_store_import_casefiles (store, casefiles, FALSE, summary, NULL, NULL, &error);
  g_assert_no_error (error);
  return summary;
}

CwImportSummary *
cw_test_import_file (CwStore    *store,
                     const char *path)
{
  g_autoptr(GBytes) bytes = cw_test_load_bytes (path);
  g_autofree char *name = g_path_get_basename (path);

  return cw_test_import_bytes (store, bytes, name);
}

CwImportSummary *
cw_test_import_fixture (CwStore    *store,
                        const char *name)
{
  g_autofree char *path = cw_test_casefile_path (name);

  return cw_test_import_file (store, path);
}

/* For tests that want the sample's cases in the store, not a report. */
void
cw_test_import_sample (CwStore    *store,
                       const char *name)
{
  g_autofree char *path = cw_test_sample_path (name);

  cw_import_summary_free (cw_test_import_file (store, path));
}

/* ------------------------------------------------------------------ */
/* Exports, to memory */

/* The cases @ids (NULL: all) as a casefile document, or NULL and @error. */
char *
cw_test_export (CwStore             *store,
                const char * const  *ids,
                CwCasefileScope      scope,
                gsize               *len,
                GError             **error)
{
  CwCasefileWriteOptions options = CW_TEST_WRITE_OPTIONS (scope);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *mem = G_MEMORY_OUTPUT_STREAM (out);

  if (!cw_store_export_casefile (store, ids, &options, out, error))
    return NULL;

  if (len != NULL)
    *len = g_memory_output_stream_get_data_size (mem);
  return g_strndup (g_memory_output_stream_get_data (mem),
                    g_memory_output_stream_get_data_size (mem));
}

char *
cw_test_export_ok (CwStore             *store,
                   const char * const  *ids,
                   CwCasefileScope      scope)
{
  g_autoptr(GError) error = NULL;
  char *xml = cw_test_export (store, ids, scope, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  return xml;
}

/* ------------------------------------------------------------------ */
/* casework-cli, as a script would run it */

/* Runs $CASEWORK_CLI with @args; returns its exit status and fills @out
 * and @err. $CASEWORK_DB is @env_db, or unset when that is NULL, so that
 * the caller's own database is never touched. */
int
cw_test_run_cli (const char * const  *args,
                 const char          *env_db,
                 char               **out,
                 char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CASEWORK_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (env_db != NULL)
    g_subprocess_launcher_setenv (launcher, "CASEWORK_DB", env_db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CASEWORK_DB");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* ------------------------------------------------------------------ */
/* Watching a list model */

static void
items_changed_cb (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  CwTestWatcher *watcher)
{
  CwTestChange change = { position, removed, added };

  g_array_append_val (watcher->changes, change);
}

static void
n_items_notify_cb (GObject       *object,
                   GParamSpec    *pspec,
                   CwTestWatcher *watcher)
{
  watcher->n_items_notified++;
}

/* @model must have an "n-items" property, as CwCaseList and CwEntryList do. */
CwTestWatcher *
cw_test_watcher_new (GListModel *model)
{
  CwTestWatcher *watcher = g_new0 (CwTestWatcher, 1);

  watcher->model = g_object_ref (model);
  watcher->changes = g_array_new (FALSE, FALSE, sizeof (CwTestChange));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), watcher);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (n_items_notify_cb), watcher);
  return watcher;
}

void
cw_test_watcher_free (CwTestWatcher *watcher)
{
  g_signal_handlers_disconnect_by_data (watcher->model, watcher);
  g_object_unref (watcher->model);
  g_array_unref (watcher->changes);
  g_free (watcher);
}

/* Exactly one change since the last call, and it was this one. */
void
cw_test_assert_one_change (CwTestWatcher *watcher,
                           guint          position,
                           guint          removed,
                           guint          added)
{
  CwTestChange *change;

  g_assert_cmpuint (watcher->changes->len, ==, 1);
  change = &g_array_index (watcher->changes, CwTestChange, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_array_set_size (watcher->changes, 0);
}
