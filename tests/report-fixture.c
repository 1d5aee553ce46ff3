/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>

#include "cw-casefile-import.h"
#include "report-fixture.h"

void
report_fixture_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        report_fixture_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
report_fixture_import (ReportFixture *f,
                       const char    *casefile)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "casefiles", casefile, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) casefiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_free);
  g_autoptr(CwImportSummary) summary = cw_import_summary_new ();
  g_autoptr(GError) error = NULL;
  CwCasefile *read;

  read = cw_casefile_read_file (file, &error);
  g_assert_no_error (error);
  g_ptr_array_add (casefiles, read);
  cw_store_import_casefiles (f->store, casefiles, FALSE, summary, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The group as the tests know it, on @paper_size. */
void
report_fixture_set_group (ReportFixture *f,
                          const char    *paper_size)
{
  g_autoptr(CwProfile) profile = cw_profile_new ();
  g_autoptr(GError) error = NULL;

  g_free (profile->name);
  profile->name = g_strdup ("Amnesty International Group 123 – Riverside");
  g_free (profile->number);
  profile->number = g_strdup ("123");
  g_free (profile->paper_size);
  profile->paper_size = g_strdup (paper_size);
  cw_store_save_profile (f->store, profile, &error);
  g_assert_no_error (error);
}

/* A database holding the casefiles named, the group, and the group's
 * words on Ana Lucía Romero's 2025. */
void
report_fixture_set_up (ReportFixture *f,
                       const char    *first_casefile,
                       ...)
{
  g_autoptr(GError) error = NULL;
  const char *casefile;
  va_list args;

  f->dir = g_dir_make_tmp ("casework-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_store_open (f->db_path, &error);
  g_assert_no_error (error);

  va_start (args, first_casefile);
  for (casefile = first_casefile; casefile != NULL; casefile = va_arg (args, const char *))
    report_fixture_import (f, casefile);
  va_end (args);

  report_fixture_set_group (f, "a4");
  if (cw_store_has_case (f->store, FIXTURE_ANA))
    {
      cw_store_save_report_note (f->store, FIXTURE_ANA, 2025,
                                 "A steady year: the group wrote at every monthly meeting.\n\n"
                                 "The petition at the spring fair was our biggest ever,\n"
                                 "with 388 signatures.",
                                 "Keep writing monthly; ask the coordinator about a visit.",
                                 &error);
      g_assert_no_error (error);
    }
}

void
report_fixture_tear_down (ReportFixture *f)
{
  g_clear_object (&f->store);
  report_fixture_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

/* The report, made on the fixture's day so that it reads the same on any day. */
CwReport *
report_fixture_build (ReportFixture       *f,
                      guint                year,
                      const char * const  *case_ids,
                      gboolean             include_private)
{
  g_autoptr(GError) error = NULL;
  CwReport *report = cw_report_build (f->store, year, case_ids, include_private, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  cw_report_set_made (report, FIXTURE_MADE);
  return report;
}

/* The report in @format, as a string. */
char *
report_fixture_write (CwReport       *report,
                      CwReportFormat  format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_report_write (report, format, out, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}
