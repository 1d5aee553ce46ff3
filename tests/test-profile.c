/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "cw-test-utils.h"

/*
 * CASEWORK_PROFILE=1: the application itself, started as a user starts it,
 * says on stderr how long its first frame took and how many cases it
 * shows; without the variable it says nothing of the kind.
 */

static char *
make_database (const char *dir,
               guint       n_cases)
{
  g_autoptr(CwStore) store = cw_test_open_store (dir, "casework.db");

  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *title = g_strdup_printf ("Case %u", i + 1);
      g_autoptr(CwCase) kase G_GNUC_UNUSED = cw_test_save_new_case (store, title);
    }
  return g_build_filename (dir, "casework.db", NULL);
}

static GSubprocess *
start_app (const char *db,
           gboolean    profile)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *app = g_getenv ("CASEWORK_APP");
  GSubprocess *process;

  g_assert_nonnull (app);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (profile)
    g_subprocess_launcher_setenv (launcher, "CASEWORK_PROFILE", "1", TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CASEWORK_PROFILE");
  process = g_subprocess_launcher_spawn (launcher, &error, app, "--db", db, NULL);
  g_assert_no_error (error);
  return process;
}

static void
test_first_frame (void)
{
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-profile-XXXXXX");
  g_autofree char *db = make_database (dir, 3);
  g_autoptr(GSubprocess) app = start_app (db, TRUE);
  g_autoptr(GDataInputStream) err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (app));
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  double ms = -1;
  guint cases = 0;

  /* Other lines may come first (warnings of the session); the test's own
   * timeout ends a wait for a line that never comes. */
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, "casework: first frame "))
        break;
      g_clear_pointer (&line, g_free);
    }
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_test_message ("%s", line);

  g_assert_cmpint (sscanf (line, "casework: first frame %lf ms after start, %u cases", &ms, &cases), ==, 2);
  g_assert_cmpfloat (ms, >, 0);
  g_assert_cmpuint (cases, ==, 3);

  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, NULL);
}

/* The next line of @err that starts with @prefix. */
static char *
read_line_starting (GDataInputStream *err,
                    const char       *prefix)
{
  g_autoptr(GError) error = NULL;
  char *line;

  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error)) != NULL)
    {
      if (g_str_has_prefix (line, prefix))
        return line;
      g_test_message ("%s", line);
      g_free (line);
    }
  g_assert_no_error (error);
  return NULL;
}

/* A database from an older Casework, with a timeline long enough that
 * bringing it up to date takes seconds: the window shows it is doing so
 * at once, and the cases once it is done. */
static void
test_updating (void)
{
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-profile-XXXXXX");
  g_autofree char *db = make_database (dir, 2);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *updating = NULL;
  g_autofree char *shown = NULL;
  const char *name;
  double updating_ms = -1, shown_ms = -1;
  guint cases = 0, backups = 0;
  sqlite3 *sql;

  /* 300,000 entries under the first case, written by SQLite itself. */
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sql,
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                 "                         WHERE i < 300000)"
                                 " INSERT INTO entries (id, case_id, date, precision, category,"
                                 "                      title, created, updated)"
                                 " SELECT printf ('%036d', i), (SELECT min (id) FROM cases),"
                                 "        '2024-05-01', 3, 'activity',"
                                 "        printf ('Letter %d, written at the stall in the market', i),"
                                 "        '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z' FROM n",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (sql);
  cw_test_set_schema_version (db, 3);

  app = start_app (db, TRUE);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (app));
  updating = read_line_starting (err, "casework: first frame ");
  g_assert_nonnull (updating);
  g_test_message ("%s", updating);
  g_assert_cmpint (sscanf (updating, "casework: first frame %lf ms after start, updating the database",
                           &updating_ms), ==, 1);
  g_assert_nonnull (strstr (updating, "updating the database"));

  shown = read_line_starting (err, "casework: cases shown ");
  g_assert_nonnull (shown);
  g_test_message ("%s", shown);
  g_assert_cmpint (sscanf (shown, "casework: cases shown %lf ms after start, %u cases", &shown_ms,
                           &cases), ==, 2);
  g_assert_cmpuint (cases, ==, 2);
  /* The window was drawn while the update went on, not after it. */
  g_assert_cmpfloat (updating_ms, <, shown_ms);

  g_subprocess_force_exit (app);
  g_subprocess_wait (app, NULL, NULL);

  /* Brought up to date, with a copy of the database as it was. */
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (sql, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CW_STORE_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (sql);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "casework.db.v3-backup-"))
      backups++;
  g_assert_cmpuint (backups, ==, 1);
}

static void
test_quiet_without (void)
{
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-profile-XXXXXX");
  g_autofree char *db = make_database (dir, 1);
  g_autoptr(GSubprocess) app = start_app (db, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  /* Long enough for the first frame of a one-case window. */
  g_usleep (3 * G_USEC_PER_SEC);
  g_subprocess_force_exit (app);
  g_subprocess_communicate_utf8 (app, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  g_assert_null (strstr (err != NULL ? err : "", "casework: first frame"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/first-frame", test_first_frame);
  g_test_add_func ("/profile/quiet-without", test_quiet_without);
  g_test_add_func ("/profile/updating", test_updating);

  return g_test_run ();
}
