/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "cw-meeting-pack.h"
#include "cw-report.h"
#include "cw-test-utils.h"
#include "privacy-markers.h"

/*
 * What is marked private never leaves the machine by accident. One
 * database (tests/casefiles/privacy-fixture.xml) holds a marker word in
 * every sensitive place; every output Casework has is made from it, in
 * the core and through casework-cli, and each output is searched for
 * the markers it must not hold and those it must (see privacy-markers.h).
 *
 * What each output may show, and why:
 * - a casefile in public scope: all but what casefile-format.md § Scope
 *   leaves out (safety notes, holders' details but their names, the
 *   coordinator's phone and email, private entries). Letter targets,
 *   solidarity targets included, and the rest of the coordinator's
 *   contact are not left out by the format, so they are there;
 * - a casefile in full scope, and a handover (test-privacy-window.c):
 *   everything, by design: it is how a case moves to its next holder;
 * - the yearly report, in every format: private entries only when asked
 *   for, and never safety notes or contact details;
 * - the meeting pack: the briefing page is the group's own ("not to be
 *   handed out", README § Using it) and shows the safety notes on purpose,
 *   so that the group reads them before it acts; the letters and the
 *   envelope list, which go out, show none of it, and no solidarity mail
 *   goes to a case whose safety settings forbid it.
 *
 * The last test runs casework-cli with its home, XDG directories,
 * temporary directory and working directory in a fresh tree, and checks
 * that it wrote nothing there but its database and the files it was
 * asked for.
 */

#define MEETING_DATE "2026-11-21"

typedef struct {
  char *dir;
  char *db;
  CwStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-privacy-XXXXXX");
  f->db = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_test_open_store (f->dir, "casework.db");
  cw_import_summary_free (cw_test_import_fixture (f->store, PRIVACY_FIXTURE));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->db);
  cw_test_tmp_dir_free (f->dir);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* The PDF's text as pdftotext reads it, one string per page. */
static GStrv
pdf_pages (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GStrv pages;
  int status = 0;

  if (program == NULL)
    g_error ("pdftotext is not installed: install poppler-utils (build-aux/test.sh does)");

  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* pdftotext ends each page with a form feed: the last part is empty. */
  pages = g_strsplit (out, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  g_free (pages[g_strv_length (pages) - 1]);
  pages[g_strv_length (pages) - 1] = NULL;
  return pages;
}

static char *
pdf_text (const char *pdf)
{
  g_auto(GStrv) pages = pdf_pages (pdf);

  return g_strjoinv ("\f", pages);
}

/* Every part of an OpenDocument package, one after the other: its text is
 * deflated inside the ZIP, where no marker would be seen. */
static char *
odt_text (const char *odt)
{
  const char *argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "with zipfile.ZipFile(sys.argv[1]) as z:\n"
    "    for n in z.namelist(): sys.stdout.write(z.read(n).decode())\n",
    odt, NULL
  };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A report file's text, whatever its format. */
static char *
report_file_text (CwReportFormat  format,
                  const char     *path)
{
  switch (format)
    {
    case CW_REPORT_FORMAT_PDF:
      return pdf_text (path);
    case CW_REPORT_FORMAT_ODT:
      return odt_text (path);
    default:
      return read_text (path);
    }
}

/* ------------------------------------------------------------------ */
/* The fixture */

/* The table and the fixture are in step, and no marker hides another. */
static void
test_markers (void)
{
  g_autofree char *path = cw_test_casefile_path (PRIVACY_FIXTURE);
  g_autofree char *xml = read_text (path);

  for (guint i = 0; i < G_N_ELEMENTS (privacy_markers); i++)
    {
      const char *word = privacy_markers[i].word;
      const char *first = strstr (xml, word);

      g_assert_nonnull (first);
      g_assert_null (strstr (first + 1, word));
      for (guint j = 0; j < G_N_ELEMENTS (privacy_markers); j++)
        if (i != j)
          g_assert_null (strstr (privacy_markers[j].word, word));
    }
}

/* ------------------------------------------------------------------ */
/* Casefile documents */

/* What a public document holds, besides what it must leave out. */
#define PUBLIC_EXPORT_HOLDS (MARK_TITLE | MARK_PUBLIC_ENTRY | MARK_HOLDER_NAME | MARK_LETTER | \
                             MARK_COORD_PUBLIC | MARK_SOLIDARITY_OK | MARK_SOLIDARITY_NO)

static void
test_export_public (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *xml = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  const char *alpha[] = { PRIVACY_ALPHA, NULL };
  g_autofree char *one = cw_test_export_ok (f->store, alpha, CW_CASEFILE_SCOPE_PUBLIC);

  g_assert_nonnull (strstr (xml, "scope=\"public\""));
  privacy_assert_markers ("the public export", xml, MARK_NOT_PUBLIC, PUBLIC_EXPORT_HOLDS);
  /* The rules travel with the case, even where its notes do not. */
  g_assert_nonnull (strstr (xml, "solidarity=\"forbidden\""));

  privacy_assert_markers ("the public export of one case", one, MARK_NOT_PUBLIC, 0);
  g_assert_nonnull (strstr (one, "MkTitleAlpha"));
  g_assert_null (strstr (one, "MkTitleBeta"));
}

static void
test_export_full (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *xml = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_FULL);

  g_assert_nonnull (strstr (xml, "scope=\"full\""));
  privacy_assert_markers ("the full export", xml, 0, MARK_ALL);
}

/* A public document read back keeps nothing it should not: the markers
 * are gone from the data, not only from the text. */
static void
test_export_public_reimported (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *xml = cw_test_export_ok (f->store, NULL, CW_CASEFILE_SCOPE_PUBLIC);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(CwTestTmpDir) dir = cw_test_tmp_dir_new ("casework-privacy-again-XXXXXX");
  g_autoptr(CwStore) other = cw_test_open_store (dir, "casework.db");
  g_autofree char *again = NULL;

  cw_import_summary_free (cw_test_import_bytes (other, bytes, "public.xml"));
  again = cw_test_export_ok (other, NULL, CW_CASEFILE_SCOPE_FULL);
  privacy_assert_markers ("a full export of a public export", again, MARK_NOT_PUBLIC,
                          PUBLIC_EXPORT_HOLDS);
}

/* ------------------------------------------------------------------ */
/* The yearly report, in every format */

typedef struct {
  const char *name;
  CwReportFormat format;
} ReportCase;

static const ReportCase report_cases[] = {
  { "txt", CW_REPORT_FORMAT_TEXT },
  { "html", CW_REPORT_FORMAT_HTML },
  { "odt", CW_REPORT_FORMAT_ODT },
  { "fodt", CW_REPORT_FORMAT_FODT },
  { "pdf", CW_REPORT_FORMAT_PDF },
};

/* A report never carries safety notes or contact details; private
 * entries only when asked for. */
#define REPORT_NEVER (MARK_SAFETY | MARK_HOLDER_DETAIL | MARK_COORD_REACH)
#define REPORT_HOLDS (MARK_TITLE | MARK_PUBLIC_ENTRY | MARK_HOLDER_NAME)

/* The letters' count adds up the public 5 and, only when they are
 * included, the private 48271: a private entry kept out of the list must
 * be kept out of the sums too. */
#define PRIVATE_SUM "48276"

static void
assert_report (const char *what,
               const char *text,
               gboolean    include_private)
{
  if (include_private)
    privacy_assert_markers (what, text, REPORT_NEVER, REPORT_HOLDS | MARK_PRIVATE);
  else
    privacy_assert_markers (what, text, REPORT_NEVER | MARK_PRIVATE, REPORT_HOLDS);

  if ((strstr (text, PRIVATE_SUM) != NULL) != include_private)
    g_test_fail_printf ("%s: the sum with the private count, " PRIVATE_SUM ", is %s",
                        what, include_private ? "missing" : "there");
}

static char *
report_text (Fixture        *f,
             CwReportFormat  format,
             gboolean        include_private)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwReport) report = cw_report_build (f->store, PRIVACY_YEAR, NULL, include_private,
                                                &error);
  g_autofree char *path = g_build_filename (f->dir, "report", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_cmpuint (report->cases->len, ==, 2);
  g_assert_true (cw_report_write_to_file (report, format, file, &error));
  g_assert_no_error (error);
  return report_file_text (format, path);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  const ReportCase *rc = data;

  for (guint with = 0; with < 2; with++)
    {
      g_autofree char *text = report_text (f, rc->format, with);
      g_autofree char *what = g_strdup_printf ("the %s report%s", rc->name,
                                               with ? " with private entries" : "");

      assert_report (what, text, with);
    }
}

/* ------------------------------------------------------------------ */
/* The meeting pack */

/* The group's own page shows the safety notes on purpose; nothing that
 * goes out (letters, envelopes) shows them. */
#define BRIEFING_NEVER (MARK_PRIVATE | MARK_HOLDER_DETAIL | MARK_COORD_REACH | MARK_SOLIDARITY_NO)
#define OUTGOING_NEVER (MARK_SAFETY | MARK_PRIVATE | MARK_CONTACTS | MARK_SOLIDARITY_NO)

static const char *briefing_top = "Briefing for the group: not to be handed out";

/* @pages: the pack's pages; the briefings come first, one page a case. */
static void
assert_pack (const char *what,
             GStrv       pages,
             guint       n_cases,
             MarkKind    briefing_present,
             MarkKind    outgoing_present)
{
  g_autofree char *briefings = NULL;
  g_autofree char *outgoing = NULL;
  g_autofree char *briefing_what = g_strdup_printf ("%s, briefing pages", what);
  g_autofree char *outgoing_what = g_strdup_printf ("%s, letters and envelopes", what);
  guint n_pages = g_strv_length (pages);

  g_assert_cmpuint (n_pages, >, n_cases);
  for (guint i = 0; i < n_pages; i++)
    g_assert_true ((strstr (pages[i], briefing_top) != NULL) == (i < n_cases));

  {
    g_autofree char **first = g_new0 (char *, n_cases + 1);

    memcpy (first, pages, n_cases * sizeof (char *));
    briefings = g_strjoinv ("\f", first);
  }
  outgoing = g_strjoinv ("\f", pages + n_cases);

  privacy_assert_markers (briefing_what, briefings, BRIEFING_NEVER, briefing_present);
  privacy_assert_markers (outgoing_what, outgoing, OUTGOING_NEVER, outgoing_present);
}

static GStrv
pack_pages (Fixture       *f,
            CwMeetingPack *pack)
{
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_meeting_pack_write_pdf_file (pack, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_meeting_pack_get_n_briefing_pages (pack), ==,
                    cw_meeting_pack_get_n_cases (pack));
  return pdf_pages (path);
}

static CwMeetingPack *
make_pack (Fixture             *f,
           const char * const  *ids,
           CwLetterRoles        roles,
           GError             **error)
{
  CwDate date;

  g_assert_true (cw_date_parse (MEETING_DATE, &date, NULL));
  return cw_meeting_pack_new_from_store (f->store, ids, roles, 2, &date, error);
}

static void
test_pack (Fixture       *f,
           gconstpointer  data)
{
  const char *ids[] = { PRIVACY_ALPHA, PRIVACY_BETA, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMeetingPack) pack = make_pack (f, ids, CW_LETTER_ROLES_DEFAULT, &error);
  g_auto(GStrv) pages = NULL;

  g_assert_no_error (error);
  pages = pack_pages (f, pack);
  assert_pack ("the meeting pack", pages, 2, MARK_TITLE | MARK_SAFETY, MARK_LETTER);
  /* Without solidarity asked for, not even an allowed one goes in. */
  {
    g_autofree char *all = g_strjoinv ("\f", pages);

    privacy_assert_markers ("the meeting pack without solidarity mail", all,
                            MARK_SOLIDARITY_OK, 0);
  }
}

static void
test_pack_solidarity_forbidden (Fixture       *f,
                                gconstpointer  data)
{
  const char *both[] = { PRIVACY_ALPHA, PRIVACY_BETA, NULL };
  const char *alpha[] = { PRIVACY_ALPHA, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMeetingPack) pack = make_pack (f, both, CW_LETTER_ROLES_ALL, &error);
  g_autoptr(CwMeetingPack) only = NULL;

  g_assert_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN);
  g_assert_null (pack);
  g_clear_error (&error);

  only = make_pack (f, alpha, CW_LETTER_ROLE_SOLIDARITY, &error);
  g_assert_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN);
  g_assert_null (only);
}

/* The allowed case gets its solidarity letter: the marker can be found
 * where it belongs, so its absence above means something. */
static void
test_pack_solidarity_allowed (Fixture       *f,
                              gconstpointer  data)
{
  const char *beta[] = { PRIVACY_BETA, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CwMeetingPack) pack = make_pack (f, beta, CW_LETTER_ROLES_ALL, &error);
  g_auto(GStrv) pages = NULL;

  g_assert_no_error (error);
  pages = pack_pages (f, pack);
  assert_pack ("the meeting pack with solidarity mail", pages, 1, 0, MARK_SOLIDARITY_OK);
  g_assert_nonnull (strstr (pages[0], "MkSafetyNoteBeta"));
}

/* ------------------------------------------------------------------ */
/* casework-cli */

typedef struct {
  char *dir;
  char *db;
} CliFixture;

static void
cli_setup (CliFixture    *f,
           gconstpointer  data)
{
  g_autofree char *fixture = cw_test_casefile_path (PRIVACY_FIXTURE);
  g_autofree char *out = NULL, *err = NULL;

  f->dir = cw_test_tmp_dir_new ("casework-privacy-cli-XXXXXX");
  f->db = g_build_filename (f->dir, "casework.db", NULL);

  {
    const char *args[] = { "--db", f->db, "import", fixture, NULL };

    g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
  }
}

static void
cli_teardown (CliFixture    *f,
              gconstpointer  data)
{
  g_free (f->db);
  cw_test_tmp_dir_free (f->dir);
}

static void
test_cli_export (CliFixture    *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "public.xml", NULL);
  g_autofree char *public_xml = NULL;
  g_autofree char *full_xml = NULL;
  g_autofree char *one_xml = NULL;
  g_autofree char *err = NULL;

  {
    const char *args[] = { "--db", f->db, "export", "--scope", "public", "-o", path, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
    public_xml = read_text (path);
    privacy_assert_markers ("casework-cli export --scope public -o", public_xml,
                            MARK_NOT_PUBLIC, PUBLIC_EXPORT_HOLDS);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--db", f->db, "export", "--scope", "public", "--case", PRIVACY_ALPHA,
                           NULL };

    g_assert_cmpint (cw_test_run_cli (args, NULL, &one_xml, &err), ==, 0);
    privacy_assert_markers ("casework-cli export --scope public --case", one_xml,
                            MARK_NOT_PUBLIC, 0);
    g_assert_nonnull (strstr (one_xml, "MkTitleAlpha"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--db", f->db, "export", NULL };

    g_assert_cmpint (cw_test_run_cli (args, NULL, &full_xml, &err), ==, 0);
    privacy_assert_markers ("casework-cli export", full_xml, 0, MARK_ALL);
  }
}

static void
test_cli_report (CliFixture    *f,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (report_cases); i++)
    for (guint with = 0; with < 2; with++)
      {
        const ReportCase *rc = &report_cases[i];
        g_autofree char *name = g_strdup_printf ("report-%u.%s", with, rc->name);
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_autofree char *what = g_strdup_printf ("casework-cli report --format %s%s", rc->name,
                                                 with ? " --include-private" : "");
        const char *args[] = { "--db", f->db, "report", "--year", "2025", "--format", rc->name,
                               "-o", path, with ? "--include-private" : NULL, NULL };
        g_autofree char *out = NULL, *err = NULL;
        g_autofree char *text = NULL;

        g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
        text = report_file_text (rc->format, path);
        assert_report (what, text, with);
      }
}

static void
test_cli_letters (CliFixture    *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *refused = g_build_filename (f->dir, "refused.pdf", NULL);

  /* The cases a meeting proposes: both, active and long-term. */
  {
    const char *args[] = { "--db", f->db, "letters", "--date", MEETING_DATE, "-o", path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_auto(GStrv) pages = NULL;

    g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
    pages = pdf_pages (path);
    assert_pack ("casework-cli letters", pages, 2, MARK_TITLE | MARK_SAFETY, MARK_LETTER);
  }

  /* Solidarity mail for a case that forbids it: refused, nothing written. */
  {
    const char *args[] = { "--db", f->db, "letters", "--date", MEETING_DATE,
                           "--role", "appeal,copy,solidarity", "-o", refused, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "MkTitleAlpha"));
    g_assert_nonnull (strstr (err, "forbid"));
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  }
  {
    const char *args[] = { "--db", f->db, "letters", "--case", PRIVACY_ALPHA,
                           "--role", "solidarity", "-o", refused, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 2);
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  }

  /* Where it is allowed, it is written. */
  {
    const char *args[] = { "--db", f->db, "letters", "--date", MEETING_DATE, "--case",
                           PRIVACY_BETA, "--role", "solidarity", "-o", path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_auto(GStrv) pages = NULL;

    g_assert_cmpint (cw_test_run_cli (args, NULL, &out, &err), ==, 0);
    pages = pdf_pages (path);
    assert_pack ("casework-cli letters --role solidarity", pages, 1, 0, MARK_SOLIDARITY_OK);
    g_assert_nonnull (strstr (pages[0], "MkSafetyNoteBeta"));
  }
}

/* ------------------------------------------------------------------ */
/* Nothing written outside the data directory and the chosen files */

typedef struct {
  char *root;
  char *cwd;
  char *out;
  char *data;
} Home;

static void
home_setup (Home          *h,
            gconstpointer  data)
{
  const char *dirs[] = { "home", "data", "config", "cache", "state", "tmp", "cwd", "out", NULL };

  h->root = cw_test_tmp_dir_new ("casework-privacy-home-XXXXXX");
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (h->root, dirs[i], NULL);

      g_assert_no_errno (g_mkdir (dir, 0700));
    }
  h->cwd = g_build_filename (h->root, "cwd", NULL);
  h->out = g_build_filename (h->root, "out", NULL);
  h->data = g_build_filename (h->root, "data", NULL);
}

static void
home_teardown (Home          *h,
               gconstpointer  data)
{
  g_free (h->cwd);
  g_free (h->out);
  g_free (h->data);
  cw_test_tmp_dir_free (h->root);
}

/* casework-cli with every place it could write by itself in @h's tree,
 * and no database but the default one. */
static int
run_cli_at_home (Home               *h,
                 const char * const *args)
{
  const struct { const char *name, *dir; } env[] = {
    { "HOME", "home" }, { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" }, { "TMPDIR", "tmp" },
  };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CASEWORK_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, h->cwd);
  g_subprocess_launcher_unsetenv (launcher, "CASEWORK_DB");
  for (guint i = 0; i < G_N_ELEMENTS (env); i++)
    {
      g_autofree char *dir = g_build_filename (h->root, env[i].dir, NULL);

      g_subprocess_launcher_setenv (launcher, env[i].name, dir, TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_test_message ("casework-cli %s: %s", args[0], err);
  return g_subprocess_get_exit_status (process);
}

static gboolean
matches_any (const char         *relative,
             const char * const *patterns)
{
  for (guint i = 0; patterns[i] != NULL; i++)
    if (g_pattern_match_simple (patterns[i], relative))
      return TRUE;
  return FALSE;
}

/* Every file and directory under @dir that is not allowed, as a path
 * relative to @root. */
static void
find_strays (const char         *root,
             const char         *dir,
             const char * const *allowed_files,
             const char * const *allowed_dirs,
             GPtrArray          *strays)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      const char *relative = path + strlen (root) + 1;

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          if (!matches_any (relative, allowed_dirs))
            g_ptr_array_add (strays, g_strconcat (relative, "/", NULL));
          find_strays (root, path, allowed_files, allowed_dirs, strays);
        }
      else if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !matches_any (relative, allowed_files))
        g_ptr_array_add (strays, g_strdup (relative));
    }
}

/* What a user could run, in the order they might: files named relative to
 * the working directory, outputs some there and some elsewhere. */
static const char * const home_commands[][8] = {
  { "import", "--dry-run", "incoming.xml" },
  { "import", "incoming.xml" },
  { "export", "--scope", "public", "-o", "shared.xml" },
  { "export" },
  { "report", "--year", "2025", "-o", "../out/report.pdf" },
  { "report", "--year", "2025", "--format", "html", "-o", "report.html" },
  { "report", "--year", "2025", "--format", "txt", "--include-private" },
  { "letters", "--date", MEETING_DATE, "-o", "../out/pack.pdf" },
  { "backup", "-o", "../out/casework-backup.db" },
  { "restore", "../out/casework-backup.db", "--yes" },
  { "list" },
};

/* What may be there at the end: the user's casefile, the outputs asked
 * for, and the database with its journal files and automatic copies. The
 * first six must be there. */
static const char * const home_files[] = {
  "cwd/incoming.xml", "cwd/shared.xml", "cwd/report.html",
  "out/report.pdf", "out/pack.pdf", "out/casework-backup.db",
  "data/casework/casework.db",
  "data/casework/casework.db-wal",
  "data/casework/casework.db-shm",
  "data/casework/casework.db.v*-backup-*",
  "data/casework/casework.db.before-restore-*",
  /* fontconfig, not Casework, keeps a cache of the system's font list
   * here when the system's own is out of date (Pango lays out the PDFs).
   * It holds font file names and metrics, nothing of the user's, and
   * every program that draws text does the same: allowed, and only that. */
  "cache/fontconfig/*",
  NULL
};

static const char * const home_dirs[] = {
  "home", "data", "config", "cache", "state", "tmp", "cwd", "out",
  "data/casework", "cache/fontconfig", NULL
};

static void
test_cli_writes_only_chosen_files (Home          *h,
                                   gconstpointer  data)
{
  g_autofree char *fixture = cw_test_casefile_path (PRIVACY_FIXTURE);
  g_autofree char *incoming = g_build_filename (h->cwd, "incoming.xml", NULL);
  g_autofree char *db = g_build_filename (h->data, "casework", "casework.db", NULL);
  g_autofree char *text = read_text (fixture);
  g_autoptr(GPtrArray) strays = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_set_contents (incoming, text, -1, NULL));
  /* Listing before anything was imported makes no database. */
  g_assert_cmpint (run_cli_at_home (h, (const char *[]) { "list", NULL }), ==, 1);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (home_commands); i++)
    g_assert_cmpint (run_cli_at_home (h, home_commands[i]), ==, 0);

  /* The default database, and every file asked for, is where it should be. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *path = g_build_filename (h->root, home_files[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  find_strays (h->root, h->root, home_files, home_dirs, strays);
  for (guint i = 0; i < strays->len; i++)
    g_test_message ("written outside the data directory and the chosen files: %s",
                    (const char *) g_ptr_array_index (strays, i));
  g_assert_cmpuint (strays->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/markers", test_markers);

  g_test_add ("/privacy/export/public", Fixture, NULL, fixture_setup, test_export_public,
              fixture_teardown);
  g_test_add ("/privacy/export/full", Fixture, NULL, fixture_setup, test_export_full,
              fixture_teardown);
  g_test_add ("/privacy/export/public-reimported", Fixture, NULL, fixture_setup,
              test_export_public_reimported, fixture_teardown);

  for (guint i = 0; i < G_N_ELEMENTS (report_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/privacy/report/%s", report_cases[i].name);

      g_test_add (path, Fixture, &report_cases[i], fixture_setup, test_report, fixture_teardown);
    }

  g_test_add ("/privacy/pack/briefing-and-letters", Fixture, NULL, fixture_setup, test_pack,
              fixture_teardown);
  g_test_add ("/privacy/pack/solidarity-forbidden", Fixture, NULL, fixture_setup,
              test_pack_solidarity_forbidden, fixture_teardown);
  g_test_add ("/privacy/pack/solidarity-allowed", Fixture, NULL, fixture_setup,
              test_pack_solidarity_allowed, fixture_teardown);

  g_test_add ("/privacy/cli/export", CliFixture, NULL, cli_setup, test_cli_export, cli_teardown);
  g_test_add ("/privacy/cli/report", CliFixture, NULL, cli_setup, test_cli_report, cli_teardown);
  g_test_add ("/privacy/cli/letters", CliFixture, NULL, cli_setup, test_cli_letters,
              cli_teardown);
  g_test_add ("/privacy/cli/writes-only-chosen-files", Home, NULL, home_setup,
              test_cli_writes_only_chosen_files, home_teardown);

  return g_test_run ();
}
