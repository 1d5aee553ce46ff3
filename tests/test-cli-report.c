/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <locale.h>
#include <string.h>

#include "report-fixture.h"

/* `casework-cli report` as a script would use it: the formats, the cases
 * and years it takes, its exit codes, and the file it writes only when the
 * whole report is written. The binary under test comes from $CASEWORK_CLI. */

typedef ReportFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  report_fixture_set_up (f, "report-fixture.xml", NULL);
  /* The command line opens the database on its own. */
  g_clear_object (&f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  report_fixture_tear_down (f);
}

/* Runs `casework-cli --db DB ARGS...`; returns its exit status. */
static int
run_report (Fixture             *f,
            const char * const  *args,
            char               **out,
            char               **err)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CASEWORK_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static char *
output_path (Fixture    *f,
             const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
read_output (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = output_path (f, "report.txt");
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *made = g_date_time_format (now, "Made on: %-d %B %Y");
  const char *args[] = { "report", "--year", "2025", "--format", "txt", "-o", path, NULL };

  g_assert_cmpint (run_report (f, args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  text = read_output (path);
  g_assert_true (g_str_has_prefix (text, "Yearly activity report 2025\n"));
  g_assert_nonnull (strstr (text, "Group: Amnesty International Group 123 – Riverside"));
  g_assert_nonnull (strstr (text, made));
  g_assert_nonnull (strstr (text, "1. Ana Lucía Romero"));
  g_assert_nonnull (strstr (text, "2. Kofi Mensah Asante"));
  g_assert_nonnull (strstr (text, "3. Seven students of the Free Press Society"));
  g_assert_nonnull (strstr (text, "A steady year"));
  g_assert_null (strstr (text, "Leyla Demir"));
  g_assert_null (strstr (text, "Interview with the local paper"));
}

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    const char *format;
    const char *file;
    const char *start;
  } cases[] = {
    { "pdf", "report.pdf", "%PDF-" },
    /* A ZIP archive whose first entry is the mimetype, stored. */
    { "odt", "report.odt", "PK\003\004" },
    { "fodt", "report.fodt", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document " },
    { "html", "report.html", "<!DOCTYPE html>\n" },
    { "txt", "report.txt", "Yearly activity report 2025\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = output_path (f, cases[i].file);
      g_autofree char *out = NULL, *err = NULL, *contents = NULL;
      const char *args[] = { "report", "--year", "2025", "--format", cases[i].format, "-o", path,
                             NULL };

      g_assert_cmpint (run_report (f, args, &out, &err), ==, 0);
      contents = read_output (path);
      g_assert_true (g_str_has_prefix (contents, cases[i].start));
    }
}

static void
test_format_from_name (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = output_path (f, "Report 2025.HTML");
  g_autofree char *out = NULL, *err = NULL, *contents = NULL;
  const char *args[] = { "report", "--year", "2025", "-o", path, NULL };

  g_assert_cmpint (run_report (f, args, &out, &err), ==, 0);
  contents = read_output (path);
  g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
}

/* Lists the archive's entries in order, one line each: name and method;
 * then whether every CRC-32 is right. Prints content.xml last. */
static const char unzip_script[] =
  "import sys, zipfile\n"
  "with zipfile.ZipFile(sys.argv[1]) as z:\n"
  "    for i in z.infolist():\n"
  "        print(i.filename, i.compress_type, sep='\\t')\n"
  "    print('testzip', z.testzip() or 'ok', sep='\\t')\n"
  "    sys.stdout.write(z.read('content.xml').decode('utf-8'))\n";

static int
content_count (xmlDocPtr   doc,
               const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  int n;

  xmlXPathRegisterNs (context, BAD_CAST "text", BAD_CAST "urn:oasis:names:tc:opendocument:xmlns:text:1.0");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  g_assert_nonnull (result);
  n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return n;
}

/* A name ending in .odt gets the package Word opens, read back with
 * Python's zipfile; one ending in .fodt the flat document. */
static void
test_odt_from_name (Fixture       *f,
                    gconstpointer  data)
{
  static const char listing[] =
    "mimetype\t0\n"
    "content.xml\t8\n"
    "styles.xml\t8\n"
    "meta.xml\t8\n"
    "META-INF/manifest.xml\t8\n"
    "testzip\tok\n";
  g_autofree char *path = output_path (f, "Report 2025.ODT");
  g_autofree char *flat = output_path (f, "Report 2025.fodt");
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *out = NULL, *err = NULL, *listed = NULL, *contents = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "report", "--year", "2025", "-o", path, NULL };
  const char *flat_args[] = { "report", "--year", "2025", "-o", flat, NULL };
  const char *content;
  xmlDocPtr doc;

  g_assert_cmpint (run_report (f, args, &out, &err), ==, 0);
  contents = read_output (path);
  g_assert_true (g_str_has_prefix (contents, "PK\003\004"));
  g_assert_cmpmem (contents + 30, 47, "mimetypeapplication/vnd.oasis.opendocument.text", 47);

  if (python == NULL)
    g_error ("python3 is not installed: it reads the OpenDocument package back");
  g_clear_pointer (&err, g_free);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, python, "-c", unzip_script, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &listed, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("Python's zipfile could not read %s: %s", path, err);
  g_assert_true (g_str_has_prefix (listed, listing));

  content = listed + strlen (listing);
  doc = xmlReadMemory (content, (int) strlen (content), "content.xml", "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  g_assert_cmpint (content_count (doc, "//text:h[.='1. Ana Lucía Romero']"), ==, 1);
  g_assert_cmpint (content_count (doc, "//text:h[.='3. Seven students of the Free Press Society']"),
                   ==, 1);
  g_assert_cmpint (content_count (doc, "//text:p[starts-with(., 'A steady year')]"), ==, 1);
  g_assert_cmpint (content_count (doc, "//text:p[contains(., 'Leyla Demir')]"), ==, 0);
  xmlFreeDoc (doc);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (run_report (f, flat_args, &out, &err), ==, 0);
  contents = read_output (flat);
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                             "<office:document "));
}

static void
test_stdout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *plain = NULL, *plain_err = NULL;
  g_autofree char *html = NULL, *html_err = NULL;
  const char *args[] = { "report", "--year", "2025", "--format", "txt", NULL };
  const char *no_format[] = { "report", "--year", "2025", NULL };
  const char *upper[] = { "report", "--year", "2025", "--format", "HTML", NULL };

  g_assert_cmpint (run_report (f, args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Yearly activity report 2025\n"));

  /* With neither --format nor -o: plain text, for an email. */
  g_assert_cmpint (run_report (f, no_format, &plain, &plain_err), ==, 0);
  g_assert_cmpstr (plain, ==, out);

  /* Format names are taken in any case, as file extensions are. */
  g_assert_cmpint (run_report (f, upper, &html, &html_err), ==, 0);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
}

static void
test_cases_and_private (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  const char *chosen[] = { "report", "--year", "2025", "--case", FIXTURE_LEYLA, "--case",
                           FIXTURE_ANA, "--format", "txt", NULL };
  const char *with_private[] = { "report", "--year", "2025", "--case", FIXTURE_ANA,
                                 "--include-private", "--format", "txt", NULL };

  g_assert_cmpint (run_report (f, chosen, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "1. Ana Lucía Romero"));
  g_assert_nonnull (strstr (out, "2. Leyla Demir"));
  g_assert_null (strstr (out, "Kofi Mensah Asante"));
  g_assert_null (strstr (out, "Interview with the local paper"));

  g_assert_cmpint (run_report (f, with_private, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "Interview with the local paper (private)"));
}

static void
test_no_cases (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "report", "--year", "1990", "--format", "txt", NULL };

  g_assert_cmpint (run_report (f, args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "No case was open in 1990."));
  g_assert_nonnull (strstr (err, "1990"));
}

static void
assert_exit (Fixture             *f,
             const char * const  *args,
             int                  status,
             const char          *message)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_report (f, args, &out, &err), ==, status);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, message));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *no_year[] = { "report", "--format", "txt", NULL };
  const char *bad_format[] = { "report", "--year", "2025", "--format", "doc", NULL };
  const char *unknown_name[] = { "report", "--year", "2025", "-o", "report.doc", NULL };
  const char *disagree[] = { "report", "--year", "2025", "--format", "html", "-o", "report.pdf",
                             NULL };
  const char *argument[] = { "report", "--year", "2025", "--format", "txt", "extra", NULL };
  const char *option[] = { "report", "--year", "2025", "--format", "txt", "--colour", NULL };

  assert_exit (f, no_year, 64, "--year");
  assert_exit (f, bad_format, 64, "“doc” is not a report format");
  assert_exit (f, unknown_name, 64, "“report.doc” does not end in a report format’s extension");
  assert_exit (f, disagree, 64, "--format html and the name “report.pdf” ask for different");
  assert_exit (f, argument, 64, "report takes no arguments");
  assert_exit (f, option, 64, "--colour");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = output_path (f, "report.txt");
  g_autofree char *contents = NULL;
  const char *bad_year[] = { "report", "--year", "twenty", "--format", "txt", "-o", path, NULL };
  const char *short_year[] = { "report", "--year", "25", "--format", "txt", "-o", path, NULL };
  const char *day[] = { "report", "--year", "2025-01-01", "--format", "txt", "-o", path, NULL };
  const char *unknown[] = { "report", "--year", "2025", "--case", FIXTURE_ANA, "--case",
                            "00000000-0000-4000-8000-000000000000", "--format", "txt", "-o", path,
                            NULL };

  /* A report already there stays as it was. */
  g_assert_true (g_file_set_contents (path, "last year's report\n", -1, NULL));

  assert_exit (f, bad_year, 2, "“twenty” is not a year");
  assert_exit (f, short_year, 2, "“25” is not a year");
  assert_exit (f, day, 2, "is not a year");
  assert_exit (f, unknown, 2, "00000000-0000-4000-8000-000000000000");

  contents = read_output (path);
  g_assert_cmpstr (contents, ==, "last year's report\n");
}

static void
test_write_fails (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = output_path (f, "no-such-folder/report.pdf");
  const char *args[] = { "report", "--year", "2025", "-o", path, NULL };

  assert_exit (f, args, 1, "no-such-folder");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  const char *top[] = { "--help", NULL };
  const char *verb[] = { "report", "--help", NULL };

  g_assert_cmpint (run_report (f, top, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "report"));
  g_assert_cmpint (run_report (f, verb, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "--year"));
  g_assert_nonnull (strstr (out2, "--include-private"));
  g_assert_nonnull (strstr (out2, "--format"));
  g_assert_nonnull (strstr (out2, "odt (OpenDocument text, which Word and LibreOffice open)"));
  g_assert_nonnull (strstr (out2, "fodt (flat OpenDocument, one XML file)"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/report/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("text", test_text);
  ADD ("formats", test_formats);
  ADD ("format-from-name", test_format_from_name);
  ADD ("odt-from-name", test_odt_from_name);
  ADD ("stdout", test_stdout);
  ADD ("cases-and-private", test_cases_and_private);
  ADD ("no-cases", test_no_cases);
  ADD ("usage-errors", test_usage_errors);
  ADD ("refused", test_refused);
  ADD ("write-fails", test_write_fails);
  ADD ("help", test_help);

  return g_test_run ();
}
