/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cw-test-utils.h"

/* casework-cli as a script would use it: exit codes, output, the database
 * it picks. The binary under test comes from $CASEWORK_CLI. */

typedef struct {
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-cli-XXXXXX");
  f->db = g_build_filename (f->dir, "casework.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->db);
  cw_test_tmp_dir_free (f->dir);
}

static void
add_case (CwStore      *store,
          const char   *title,
          CwCaseType    type,
          CwCaseStatus  status,
          const char   *country)
{
  g_autoptr(CwCase) kase = cw_case_new ();
  g_autoptr(GError) error = NULL;

  cw_case_set_title (kase, title);
  cw_case_set_case_type (kase, type);
  cw_case_set_status (kase, status);
  cw_case_set_country_code (kase, country);
  cw_store_save_case (store, kase, &error);
  g_assert_no_error (error);
}

static void
test_version (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "casework-cli " PACKAGE_VERSION "\n");
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--db"));
  g_assert_nonnull (strstr (out, "list"));
}

static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", f->db, "list", NULL };

  g_object_unref (cw_test_open_store (f->dir, "casework.db"));
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "id\ttitle\ttype\tstatus\tcountry\tupdated\n");
}

/* A database that is not there is a mistyped --db: reading it would only
 * make an empty one, and say nothing of the real one. */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  const char *commands[][8] = {
    { "list", NULL },
    { "export", NULL },
    { "report", "--year", "2025", "--format", "txt", NULL },
    { "letters", "-o", "pack.pdf", NULL },
  };
  g_autofree char *typo = g_build_filename (f->dir, "casewrok.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char *args[12] = { "--db", typo, NULL };

      for (guint a = 0; commands[i][a] != NULL; a++)
        args[2 + a] = commands[i][a];
      g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, typo) == NULL || strstr (err, "no database") == NULL)
        g_error ("%s: “%s” should say there is no database at %s", commands[i][0], err, typo);
      g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
    }
}

static void
test_list_filled (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwStore) store = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  const char *args[] = { "--db", f->db, "list", NULL };

  store = cw_test_open_store (f->dir, "casework.db");
  add_case (store, "Marisol Quintero Vargas", CW_CASE_TYPE_LONG_TERM, CW_CASE_STATUS_ACTIVE, "CO");
  add_case (store, "Seven students\tof the\nFree Press Society", CW_CASE_TYPE_URGENT_ACTION,
            CW_CASE_STATUS_CLOSED, "XX");
  g_clear_object (&store);

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* header, two cases, "" */
  g_assert_cmpstr (lines[0], ==, "id\ttitle\ttype\tstatus\tcountry\tupdated");
  g_assert_cmpstr (lines[3], ==, "");

  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_true (g_uuid_string_is_valid (fields[0]));
  g_assert_cmpstr (fields[1], ==, "Marisol Quintero Vargas");
  g_assert_cmpstr (fields[2], ==, "long-term");
  g_assert_cmpstr (fields[3], ==, "active");
  g_assert_cmpstr (fields[4], ==, "CO");
  g_assert_cmpuint (strlen (fields[5]), ==, 20);
  g_strfreev (fields);

  /* A tab or a line break in a title cannot break the table. */
  fields = g_strsplit (lines[2], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_cmpstr (fields[1], ==, "Seven students\\tof the\\nFree Press Society");
  g_assert_cmpstr (fields[2], ==, "urgent-action");
  g_assert_cmpstr (fields[3], ==, "closed");
}

static void
test_list_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwStore) store = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", f->db, "list", "--status", "paused", NULL };

  store = cw_test_open_store (f->dir, "casework.db");
  add_case (store, "Active case", CW_CASE_TYPE_LONG_TERM, CW_CASE_STATUS_ACTIVE, "CO");
  add_case (store, "Paused case", CW_CASE_TYPE_LONG_TERM, CW_CASE_STATUS_PAUSED, "CO");
  g_clear_object (&store);

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Paused case"));
  g_assert_null (strstr (out, "Active case"));
}

static void
test_env_db (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CwStore) store = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "list", NULL };

  store = cw_test_open_store (f->dir, "casework.db");
  add_case (store, "Found through CASEWORK_DB", CW_CASE_TYPE_LONG_TERM, CW_CASE_STATUS_ACTIVE, "CO");
  g_clear_object (&store);

  g_assert_cmpint (cw_test_run_cli (args, f->db, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Found through CASEWORK_DB"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *no_command[] = { "--db", f->db, NULL };
  const char *unknown_command[] = { "--db", f->db, "frobnicate", NULL };
  const char *unknown_option[] = { "--db", f->db, "--frobnicate", "list", NULL };
  const char *bad_status[] = { "--db", f->db, "list", "--status", "finished", NULL };
  const char *extra_argument[] = { "--db", f->db, "list", "extra", NULL };
  const char *missing_value[] = { "--db", NULL };
  const char * const *cases[] = {
    no_command, unknown_command, unknown_option, bad_status, extra_argument, missing_value,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (cw_test_run_cli (cases[i], NULL, &out, &err), ==, 64);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "casework-cli"));
    }
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *after = NULL;
  const char *text = "These are my meeting notes, not a database.\n";
  const char *args[] = { "--db", f->db, "list", NULL };

  g_assert_true (g_file_set_contents (f->db, text, -1, NULL));
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not a Casework database"));
  g_assert_true (g_file_get_contents (f->db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
}

static void
test_newer_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CwStore) store = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", f->db, "list", NULL };
  sqlite3 *db;

  store = cw_test_open_store (f->dir, "casework.db");
  add_case (store, "Kept as it is", CW_CASE_TYPE_LONG_TERM, CW_CASE_STATUS_ACTIVE, "CO");
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Kept as it is"));
  g_assert_nonnull (strstr (err, "newer version of Casework"));
}

static void
test_import_and_export (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *long_term = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *urgent = cw_test_sample_path ("urgent-action.xml");
  g_autofree char *exported = g_build_filename (f->dir, "export.xml", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  const char *import_args[] = { "--db", f->db, "import", long_term, urgent, NULL };
  const char *list_args[] = { "--db", f->db, "list", NULL };
  const char *export_args[] = { "--db", f->db, "export", "--case",
                                "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184", "--scope", "public",
                                "-o", exported, NULL };

  g_assert_cmpint (cw_test_run_cli (import_args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Added 2 cases and updated 0; added 8 timeline entries"));
  g_assert_nonnull (strstr (out, "new: Marisol Quintero Vargas"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cw_test_run_cli (list_args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184\tMarisol Quintero Vargas\t"
                                 "long-term\tactive\tCO\t"));
  g_assert_nonnull (strstr (out, "Seven students of the Free Press Society\turgent-action"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cw_test_run_cli (export_args, NULL, &out, &err), ==, 0);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "scope=\"public\""));
  g_assert_nonnull (strstr (text, "Marisol Quintero Vargas"));
  g_assert_null (strstr (text, "Seven students"));
  g_assert_null (strstr (text, "Interview with the local paper"));   /* private */
  g_assert_null (strstr (text, "Do not name the farming cooperative")); /* safety note */
}

static void
test_export_to_stdout (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *urgent = cw_test_sample_path ("urgent-action.xml");
  g_autofree char *out = NULL, *err = NULL;
  const char *import_args[] = { "--db", f->db, "import", urgent, NULL };
  const char *export_args[] = { "--db", f->db, "export", NULL };

  g_assert_cmpint (cw_test_run_cli (import_args, NULL, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cw_test_run_cli (export_args, NULL, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<casefile"));
  g_assert_nonnull (strstr (out, "<title>Seven students of the Free Press Society</title>"));
  g_assert_true (g_str_has_suffix (out, "</casefile>\n"));
}

static void
test_import_dry_run (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *long_term = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", f->db, "import", "--dry-run", long_term, NULL };
  const char *list_args[] = { "--db", f->db, "list", NULL };

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Would add 1 cases"));
  g_assert_nonnull (strstr (out, "Nothing was stored"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not even an empty database was made. */
  g_assert_cmpint (cw_test_run_cli (list_args, NULL, &out, &err), ==, 1);
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

/* Refused into a database that does not exist yet: none is made. Good
 * files make it, as a first import should. */
static void
test_import_refused_new_database (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *long_term = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_autofree char *db = g_build_filename (f->dir, "new", "casework.db", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--db", db, "import", long_term, bad, NULL };
  const char *good_args[] = { "--db", db, "import", long_term, NULL };

  g_assert_true (g_file_set_contents (bad, "<casefile>", -1, NULL));
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "bad.xml:1:"));
  g_assert_nonnull (strstr (err, "Nothing was imported."));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cw_test_run_cli (good_args, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Added 1 cases"));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nor is a database from an older Casework brought up to date, with a
   * copy kept, for a document that is refused. */
  cw_test_set_schema_version (db, CW_STORE_SCHEMA_VERSION - 1);
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "bad.xml:1:"));
  g_assert_true (cw_store_file_needs_update (db));
  {
    g_autofree char *new_dir = g_build_filename (f->dir, "new", NULL);
    g_autoptr(GDir) beside = g_dir_open (new_dir, 0, NULL);
    const char *name;

    g_assert_nonnull (beside);
    while ((name = g_dir_read_name (beside)) != NULL)
      g_assert_false (strstr (name, "-backup-") != NULL);
  }
}

/* Neither a case that cannot be stored, into a database the command would
 * have made, nor a dry run, leaves anything on disk. */
static void
test_import_leaves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *long_term = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *thief = NULL;
  g_autofree char *db = g_build_filename (f->dir, "new", "casework.db", NULL);
  g_autofree char *new_dir = g_build_filename (f->dir, "new", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len = 0, after_len = 0;
  const char *stolen[] = { "--db", db, "import", long_term, NULL, NULL };
  const char *dry_run[] = { "--db", db, "import", "--dry-run", long_term, NULL };
  const char *good[] = { "--db", db, "import", long_term, NULL };

  /* Another case claims an entry of the sample's: found only when stored. */
  thief = cw_test_write_file (f->dir, "thief.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<casefile xmlns=\"http://example.org/ns/casework/casefile/1\" version=\"1.0\">\n"
    "  <case id=\"11111111-2222-4333-8444-555555555555\">\n"
    "    <title>Thief</title>\n"
    "    <country code=\"XX\">Example</country>\n"
    "    <summary>Summary.</summary>\n"
    "    <entry id=\"a3e1f0c2-1111-4c1a-9b2a-000000000003\" date=\"2025\"><title>Mine</title></entry>\n"
    "  </case>\n"
    "</casefile>\n");
  stolen[4] = thief;
  g_assert_cmpint (g_mkdir (new_dir, 0700), ==, 0);
  g_assert_cmpint (cw_test_run_cli (stolen, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "belongs to another case"));
  g_assert_nonnull (strstr (err, "Nothing was imported."));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A dry run makes no database... */
  g_assert_cmpint (cw_test_run_cli (dry_run, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Would add 1 cases"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* ...nor brings an older one up to date, or keeps a copy of it. */
  g_assert_cmpint (cw_test_run_cli (good, NULL, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  cw_test_set_schema_version (db, CW_STORE_SCHEMA_VERSION - 1);
  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));
  g_assert_cmpint (cw_test_run_cli (dry_run, NULL, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Would add 0 cases and update 0"));
  g_assert_nonnull (strstr (out, "already here, as it is: Marisol Quintero Vargas"));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (cw_store_file_needs_update (db));
  g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  {
    g_autoptr(GDir) beside = g_dir_open (new_dir, 0, NULL);
    const char *name;

    g_assert_nonnull (beside);
    while ((name = g_dir_read_name (beside)) != NULL)
      g_assert_false (strstr (name, "-backup-") != NULL);
  }
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *long_term = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *text = NULL, *broken = NULL, *out = NULL, *err = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "bad.xml", NULL);
  g_auto(GStrv) parts = NULL;
  const char *args[] = { "--db", f->db, "import", long_term, bad, NULL };
  const char *list_args[] = { "--db", f->db, "list", NULL };

  /* A good file and a bad one: the bad one stops both. */
  g_assert_true (g_file_get_contents (long_term, &text, NULL, NULL));
  parts = g_strsplit (text, "date=\"2026-02-10\"", 2);
  broken = g_strjoin ("date=\"2026-13-45\"", parts[0], parts[1], NULL);
  g_assert_true (g_file_set_contents (bad, broken, -1, NULL));

  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "bad.xml:"));
  g_assert_nonnull (strstr (err, "the date 2026-13-45 of <entry> is not a real date"));
  g_assert_nonnull (strstr (err, "Nothing was imported."));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Not even an empty database was left. */
  g_assert_cmpint (cw_test_run_cli (list_args, NULL, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "There is no database at"));
}

static void
test_export_unknown_case (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *target = g_build_filename (f->dir, "kept.xml", NULL);
  g_autofree char *after = NULL;
  const char *args[] = { "--db", f->db, "export", "--case",
                         "00000000-0000-4000-8000-000000000000", "-o", target, NULL };
  const char *bad_scope[] = { "--db", f->db, "export", "--scope", "secret", NULL };

  /* An existing file is not replaced when the export fails. */
  g_object_unref (cw_test_open_store (f->dir, "casework.db"));
  g_assert_true (g_file_set_contents (target, "keep me", -1, NULL));
  g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "00000000-0000-4000-8000-000000000000"));
  g_assert_true (g_file_get_contents (target, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "keep me");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cw_test_run_cli (bad_scope, NULL, &out, &err), ==, 64);
}

/* No output may land on the group's own records: the database, its
 * journal files, or another name for them. */
static void
test_output_never_the_database (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *sample = cw_test_sample_path ("long-term-case.xml");
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *link = g_build_filename (f->dir, "another-name.db", NULL);
  const char *import_args[] = { "--db", f->db, "import", sample, NULL };
  const char *list_args[] = { "--db", f->db, "list", NULL };
  const char * const outputs[] = { f->db, wal, link };

  g_assert_cmpint (cw_test_run_cli (import_args, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (symlink (f->db, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      const char *export_args[] = { "--db", f->db, "export", "-o", outputs[i], NULL };
      const char *report_args[] = { "--db", f->db, "report", "--year", "2026", "--format", "txt",
                                    "-o", outputs[i], NULL };
      const char *letters_args[] = { "--db", f->db, "letters", "-o", outputs[i], NULL };
      const char * const *runs[] = { export_args, report_args, letters_args };

      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autofree char *out = NULL, *err = NULL;

          g_assert_cmpint (cw_test_run_cli (runs[r], NULL, &out, &err), ==, 2);
          g_assert_nonnull (strstr (err, "holds Casework’s own records"));
        }
    }

  /* The database is whole. */
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (cw_test_run_cli (list_args, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Marisol Quintero Vargas"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/version", Fixture, NULL, fixture_setup, test_version, fixture_teardown);
  g_test_add ("/cli/output-never-the-database", Fixture, NULL, fixture_setup,
              test_output_never_the_database, fixture_teardown);
  g_test_add ("/cli/help", Fixture, NULL, fixture_setup, test_help, fixture_teardown);
  g_test_add ("/cli/list/empty", Fixture, NULL, fixture_setup, test_list_empty, fixture_teardown);
  g_test_add ("/cli/missing-database", Fixture, NULL, fixture_setup, test_missing_database,
              fixture_teardown);
  g_test_add ("/cli/list/filled", Fixture, NULL, fixture_setup, test_list_filled, fixture_teardown);
  g_test_add ("/cli/list/status", Fixture, NULL, fixture_setup, test_list_status, fixture_teardown);
  g_test_add ("/cli/database/from-environment", Fixture, NULL, fixture_setup, test_env_db,
              fixture_teardown);
  g_test_add ("/cli/database/not-a-database", Fixture, NULL, fixture_setup, test_not_a_database,
              fixture_teardown);
  g_test_add ("/cli/database/newer", Fixture, NULL, fixture_setup, test_newer_database,
              fixture_teardown);
  g_test_add ("/cli/usage-errors", Fixture, NULL, fixture_setup, test_usage_errors, fixture_teardown);

  g_test_add ("/cli/import-and-export", Fixture, NULL, fixture_setup, test_import_and_export,
              fixture_teardown);
  g_test_add ("/cli/export/stdout", Fixture, NULL, fixture_setup, test_export_to_stdout,
              fixture_teardown);
  g_test_add ("/cli/export/unknown-case", Fixture, NULL, fixture_setup, test_export_unknown_case,
              fixture_teardown);
  g_test_add ("/cli/import/dry-run", Fixture, NULL, fixture_setup, test_import_dry_run,
              fixture_teardown);
  g_test_add ("/cli/import/refused-new-database", Fixture, NULL, fixture_setup,
              test_import_refused_new_database, fixture_teardown);
  g_test_add ("/cli/import/refused", Fixture, NULL, fixture_setup, test_import_refused,
              fixture_teardown);
  g_test_add ("/cli/import/leaves-nothing", Fixture, NULL, fixture_setup,
              test_import_leaves_nothing, fixture_teardown);

  return g_test_run ();
}
