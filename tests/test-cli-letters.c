/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-letter-language.h"

/* `casework-cli letters` as a script would use it: the PDF it writes, and
 * the exit status and message when it refuses. The binary under test
 * comes from $CASEWORK_CLI. */

#define LONG_TERM_ID "6f1d2c9e-4b7a-4e3f-8a21-93c0d5e7b184"
#define URGENT_ID "c2d4e6f8-0a1b-4c3d-8e5f-7a9b1c3d5e7f"

typedef struct {
  char *dir;
  char *db;
  char *pdf;
} Fixture;

static int
run_cli (const char * const  *args,
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
  g_subprocess_launcher_unsetenv (launcher, "CASEWORK_DB");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static char *
sample_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_term = sample_path ("long-term-case.xml");
  g_autofree char *urgent = sample_path ("urgent-action.xml");
  g_autofree char *out = NULL, *err = NULL;

  f->dir = g_dir_make_tmp ("casework-cli-letters-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "casework.db", NULL);
  f->pdf = g_build_filename (f->dir, "pack.pdf", NULL);

  {
    const char *args[] = { "--db", f->db, "import", long_term, urgent, NULL };

    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->pdf);
  g_free (f->db);
  g_free (f->dir);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    g_error ("pdftotext is missing: install poppler-utils (build-aux/test.sh does)");

  argv[0] = pdftotext;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\f')
      pages++;
  return pages;
}

static void
test_writes_pack (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "--db", f->db, "letters", "--date", "2026-11-21", "--copies", "3",
                         "-o", f->pdf, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "15 letters written to"));

  /* Two briefings, five letters three times, the envelope list. */
  text = pdf_text (f->pdf);
  g_assert_cmpuint (count_pages (text), ==, 2 + 5 * 3 + 1);
  g_assert_nonnull (strstr (text, "21 de noviembre de 2026"));
  g_assert_nonnull (strstr (text, "21 November 2026"));
  g_assert_nonnull (strstr (text, "Estimado Señor Fiscal General:"));
  g_assert_nonnull (strstr (text, "Envelopes"));
}

static void
test_one_case_and_role (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL;
  const char *args[] = { "--db", f->db, "letters", "--case", LONG_TERM_ID, "--role", "solidarity",
                         "--date", "2026-11-21", "-o", f->pdf, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  text = pdf_text (f->pdf);
  /* A briefing, the card to her brother, its envelope. */
  g_assert_cmpuint (count_pages (text), ==, 3);
  g_assert_nonnull (strstr (text, "Querida Marisol:"));
  g_assert_nonnull (strstr (text, "Con cariño y solidaridad,"));
  g_assert_nonnull (strstr (text, "Apartado Aéreo 1234"));
}

static void
test_default_date_is_today (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  const char *args[] = { "--db", f->db, "letters", "--case", LONG_TERM_ID, "--role", "copy",
                         "-o", f->pdf, NULL };
  CwDate date;

  cw_date_today (&date);
  today = cw_letter_language_format_date (cw_letter_language_lookup ("en"), &date);
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  text = pdf_text (f->pdf);
  g_assert_nonnull (strstr (text, today));
}

static void
write_old_file (Fixture *f)
{
  g_assert_true (g_file_set_contents (f->pdf, "the old pack", -1, NULL));
}

static void
assert_old_file (Fixture *f)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (f->pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old pack");
}

static void
test_solidarity_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *all[] = { "--db", f->db, "letters", "--role", "solidarity", "--date", "2026-11-21",
                        "-o", f->pdf, NULL };
  const char *one[] = { "--db", f->db, "letters", "--case", URGENT_ID, "--role", "appeal",
                        "--role", "solidarity", "-o", f->pdf, NULL };

  write_old_file (f);
  g_assert_cmpint (run_cli (all, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Seven students of the Free Press Society"));
  g_assert_nonnull (strstr (err, "safety settings forbid it"));
  assert_old_file (f);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (one, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, URGENT_ID));
  assert_old_file (f);
}

static void
test_refused_input (Fixture       *f,
                    gconstpointer  data)
{
  const char *unknown[] = { "--db", f->db, "letters", "--case",
                            "00000000-0000-4000-8000-000000000000", "-o", f->pdf, NULL };
  const char *bad_day[] = { "--db", f->db, "letters", "--date", "2026-13-01", "-o", f->pdf, NULL };
  const char *month[] = { "--db", f->db, "letters", "--date", "2026-11", "-o", f->pdf, NULL };
  const char *words[] = { "--db", f->db, "letters", "--date", "tomorrow", "-o", f->pdf, NULL };
  const char * const *refused[] = { unknown, bad_day, month, words };

  write_old_file (f);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (refused[i], &out, &err), ==, 2);
      g_assert_cmpstr (err, !=, "");
      assert_old_file (f);
    }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *no_output[] = { "--db", f->db, "letters", NULL };
  const char *bad_role[] = { "--db", f->db, "letters", "--role", "postcard", "-o", f->pdf, NULL };
  const char *no_copies[] = { "--db", f->db, "letters", "--copies", "0", "-o", f->pdf, NULL };
  const char *not_number[] = { "--db", f->db, "letters", "--copies", "many", "-o", f->pdf, NULL };
  const char *argument[] = { "--db", f->db, "letters", "extra", "-o", f->pdf, NULL };
  const char * const *usage[] = { no_output, bad_role, no_copies, not_number, argument };

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (run_cli (usage[i], &out, &err), ==, 64);
      g_assert_nonnull (strstr (err, "casework-cli letters"));
    }
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
}

static void
test_unwritable_output (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "pack.pdf", NULL);
  const char *args[] = { "--db", f->db, "letters", "-o", path, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, path));
}

static void
test_help_lists_letters (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--help", NULL };
  const char *verb_help[] = { "letters", "--help", NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "letters"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (verb_help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--copies"));
  g_assert_nonnull (strstr (out, "--role"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/letters/writes-pack", Fixture, NULL, fixture_setup, test_writes_pack,
              fixture_teardown);
  g_test_add ("/cli/letters/one-case-and-role", Fixture, NULL, fixture_setup,
              test_one_case_and_role, fixture_teardown);
  g_test_add ("/cli/letters/default-date-is-today", Fixture, NULL, fixture_setup,
              test_default_date_is_today, fixture_teardown);
  g_test_add ("/cli/letters/solidarity-refused", Fixture, NULL, fixture_setup,
              test_solidarity_refused, fixture_teardown);
  g_test_add ("/cli/letters/refused-input", Fixture, NULL, fixture_setup, test_refused_input,
              fixture_teardown);
  g_test_add ("/cli/letters/usage-errors", Fixture, NULL, fixture_setup, test_usage_errors,
              fixture_teardown);
  g_test_add ("/cli/letters/unwritable-output", Fixture, NULL, fixture_setup,
              test_unwritable_output, fixture_teardown);
  g_test_add ("/cli/letters/help", Fixture, NULL, fixture_setup, test_help_lists_letters,
              fixture_teardown);

  return g_test_run ();
}
