/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "cw-test-utils.h"

/* `casework-cli backup` and `restore` as a script would use them: exit
 * codes, messages, and that a refused or unconfirmed restore changes
 * nothing. */

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  CwStore *store;

  f->dir = cw_test_tmp_dir_new ("casework-cli-backup-XXXXXX");
  f->db = g_build_filename (f->dir, "casework.db", NULL);
  store = cw_test_open_store (f->dir, "casework.db");
  cw_test_import_sample (store, "long-term-case.xml");
  g_object_unref (store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->db);
  cw_test_tmp_dir_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
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

static guint
count_prefix (const char *dir,
              const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    n += g_str_has_prefix (name, prefix);
  return n;
}

static guint
count_cases (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = cw_store_open (db, &error);

  g_assert_no_error (error);
  return cw_store_count_cases (store);
}

/* A backup holding @n cases. */
static char *
make_backup (Fixture    *f,
             const char *name,
             guint       n)
{
  g_autofree char *dir = path_in (f, "elsewhere");
  g_autoptr(CwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *path = path_in (f, name);

  g_mkdir (dir, 0700);
  store = cw_test_open_store (dir, name);
  for (guint i = 0; i < n; i++)
    g_object_unref (cw_test_save_new_case (store, "A case in the backup"));
  g_assert_true (cw_store_backup (store, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dest = path_in (f, "backup.db");
  g_autofree char *out = NULL, *err = NULL;
  g_auto(CwBackupInfo) info = { 0 };
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--db", f->db, "backup", "-o", dest, NULL };

  g_autofree char *expected = g_strdup_printf ("Backed up 1 case to “%s”.\n", dest);

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);

  g_assert_true (cw_store_check_backup (dest, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.n_cases, ==, 1);
  g_assert_cmpuint (info.n_entries, ==, 6);

  /* Again over the same file: replaced. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_true (cw_store_check_backup (dest, NULL, &error));
  g_assert_no_error (error);
}

static void
test_backup_usage (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dest = path_in (f, "backup.db");
  const char *no_output[] = { "--db", f->db, "backup", NULL };
  const char *extra[] = { "--db", f->db, "backup", "-o", dest, "more", NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (cw_test_run_cli (i == 0 ? no_output : extra, NULL, &out, &err), ==, 64);
      g_assert_nonnull (strstr (err, "-o FILE"));
    }
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

static void
test_backup_refuses_database (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GBytes) before = file_bytes (f->db);
  g_autoptr(GBytes) after = NULL;
  const char *args[] = { "--db", f->db, "backup", "-o", f->db, NULL };

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "holds Casework’s own records"));
  after = file_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_cases (f->db), ==, 1);
}

static void
test_backup_no_database (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *missing = path_in (f, "not-there.db");
  g_autofree char *dest = path_in (f, "backup.db");
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", missing, "backup", "-o", dest, NULL };

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no database"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

static void
test_restore_needs_yes (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *backup = make_backup (f, "backup.db", 3);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *sound = g_strdup_printf ("is a sound Casework backup (database version %d)",
                                            CW_STORE_SCHEMA_VERSION);
  g_autoptr(GBytes) before = file_bytes (f->db);
  g_autoptr(GBytes) after = NULL;
  const char *args[] = { "--db", f->db, "restore", backup, NULL };

  /* It says what the backup holds and what would happen, and does nothing. */
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, sound));
  g_assert_nonnull (strstr (out, "It holds 3 cases and 0 timeline entries"));
  g_assert_nonnull (strstr (out, "replaces everything in"));
  g_assert_nonnull (strstr (err, "--yes"));
  after = file_bytes (f->db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-"), ==, 0);
  g_assert_cmpuint (count_cases (f->db), ==, 1);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *backup = make_backup (f, "backup.db", 3);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", f->db, "restore", "--yes", backup, NULL };

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Restored 3 cases from"));
  g_assert_nonnull (strstr (out, "What was there before is kept in"));
  g_assert_nonnull (strstr (out, "casework.db.before-restore-"));
  g_assert_cmpuint (count_cases (f->db), ==, 3);
  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-"), ==, 1);
}

/* On a new computer: the database is made from the backup. */
static void
test_restore_into_new_database (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *backup = make_backup (f, "backup.db", 2);
  g_autofree char *fresh = path_in (f, "new.db");
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "restore", "-y", backup, NULL };

  g_assert_cmpint (cw_test_run_cli (args, fresh, &out, &err), ==, 0);
  g_assert_cmpuint (count_cases (fresh), ==, 2);
}

static void
test_restore_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = path_in (f, "notes.txt");
  g_autofree char *newer = make_backup (f, "newer.db", 1);
  g_autofree char *missing = path_in (f, "not-there.db");
  const struct {
    const char *path;
    const char *words;
  } refused[] = {
    { text, "is not a Casework database" },
    { newer, "newer version of Casework" },
    { missing, "No such file" },
  };

  g_assert_true (g_file_set_contents (text, "Meeting notes\n", -1, NULL));
  cw_test_set_schema_version (newer, CW_STORE_SCHEMA_VERSION + 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GBytes) before = file_bytes (f->db);
      g_autoptr(GBytes) after = NULL;
      const char *args[] = { "--db", f->db, "restore", "--yes", refused[i].path, NULL };

      g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
      g_assert_nonnull (strstr (err, refused[i].words));
      g_assert_nonnull (strstr (err, "Nothing was restored."));
      g_assert_cmpstr (out, ==, "");
      after = file_bytes (f->db);
      g_assert_true (g_bytes_equal (before, after));
    }

  g_assert_cmpuint (count_prefix (f->dir, "casework.db.before-restore-"), ==, 0);
  g_assert_cmpuint (count_cases (f->db), ==, 1);
}

static void
test_restore_usage (Fixture       *f,
                    gconstpointer  data)
{
  const char *none[] = { "--db", f->db, "restore", NULL };
  const char *two[] = { "--db", f->db, "restore", "a.db", "b.db", NULL };
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL, *err = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *o = NULL, *e = NULL;

      g_assert_cmpint (cw_test_run_cli (i == 0 ? none : two, NULL, &o, &e), ==, 64);
      g_assert_nonnull (strstr (e, "one backup FILE"));
    }

  /* Both commands are listed in the help. */
  g_assert_cmpint (cw_test_run_cli (help, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "backup"));
  g_assert_nonnull (strstr (out, "restore"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/backup/writes", test_backup);
  ADD ("/cli/backup/usage", test_backup_usage);
  ADD ("/cli/backup/refuses-database", test_backup_refuses_database);
  ADD ("/cli/backup/no-database", test_backup_no_database);
  ADD ("/cli/restore/needs-yes", test_restore_needs_yes);
  ADD ("/cli/restore/replaces", test_restore);
  ADD ("/cli/restore/into-new-database", test_restore_into_new_database);
  ADD ("/cli/restore/refused", test_restore_refused);
  ADD ("/cli/restore/usage", test_restore_usage);

#undef ADD

  return g_test_run ();
}
