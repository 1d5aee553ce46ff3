/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "cw-report.h"
#include "cw-store-private.h"
#include "report-fixture.h"

/*
 * The yearly report's content: which cases and entries go in, what they
 * add up to, and the group's words stored for it. How each format shows
 * it is test-report-formats.c.
 */

typedef ReportFixture Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  report_fixture_set_up (f, "report-fixture.xml", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  report_fixture_tear_down (f);
}

static CwReportCase *
find_case (CwReport   *report,
           const char *id)
{
  for (guint i = 0; i < report->cases->len; i++)
    {
      CwReportCase *rc = g_ptr_array_index (report->cases, i);

      if (g_strcmp0 (cw_case_get_id (rc->kase), id) == 0)
        return rc;
    }
  return NULL;
}

static gboolean
has_entry (CwReportCase *rc,
           const char   *title)
{
  for (guint i = 0; i < rc->entries->len; i++)
    if (g_strcmp0 (cw_entry_get_title (g_ptr_array_index (rc->entries, i)), title) == 0)
      return TRUE;
  return FALSE;
}

static const CwReportTally *
find_tally (GArray     *tallies,
            const char *kind)
{
  for (guint i = 0; i < tallies->len; i++)
    if (g_strcmp0 (g_array_index (tallies, CwReportTally, i).kind, kind) == 0)
      return &g_array_index (tallies, CwReportTally, i);
  return NULL;
}

static void
assert_tally (GArray     *tallies,
              const char *kind,
              guint       times,
              gint64      count,
              gboolean    counted)
{
  const CwReportTally *tally = find_tally (tallies, kind);

  g_assert (tally != NULL);
  g_assert_cmpuint (tally->times, ==, times);
  g_assert_cmpint (tally->count, ==, count);
  g_assert_cmpint (tally->counted, ==, counted);
}

/* Which cases */

static void
test_open_in_year (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);

  g_assert_cmpuint (report->year, ==, 2025);
  g_assert_cmpuint (report->cases->len, ==, 3);
  /* In the order of their titles. */
  g_assert_cmpstr (cw_case_get_title (((CwReportCase *) report->cases->pdata[0])->kase), ==,
                   "Ana Lucía Romero");
  g_assert_cmpstr (cw_case_get_title (((CwReportCase *) report->cases->pdata[1])->kase), ==,
                   "Kofi Mensah Asante");
  g_assert_cmpstr (cw_case_get_title (((CwReportCase *) report->cases->pdata[2])->kase), ==,
                   "Seven students of the Free Press Society");

  /* Closed the year before, and taken on the year after (though its
   * casefile tells of the year): left out. */
  g_assert_null (find_case (report, FIXTURE_LEYLA));
  g_assert_null (find_case (report, FIXTURE_RAFAEL));
}

static void
test_closed_mid_year (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReport) next = report_fixture_build (f, 2026, NULL, FALSE);
  g_autoptr(CwReport) before = report_fixture_build (f, 2024, NULL, FALSE);
  CwReportCase *kofi = find_case (report, FIXTURE_KOFI);

  g_assert_nonnull (kofi);
  g_assert_cmpint (kofi->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_true (kofi->closed_in_year);
  g_assert_cmpuint (report->n_closed, ==, 1);
  g_assert_true (has_entry (kofi, "Letters to the President"));
  g_assert_true (has_entry (kofi, "Released without charge"));

  /* The year before, it was open; the year after, it is gone. */
  kofi = find_case (before, FIXTURE_KOFI);
  g_assert_nonnull (kofi);
  g_assert_cmpint (kofi->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_false (kofi->closed_in_year);
  g_assert_null (find_case (next, FIXTURE_KOFI));

  /* A case closed in November 2024 was open in 2024. */
  g_assert_nonnull (find_case (before, FIXTURE_LEYLA));
  g_assert_true (find_case (before, FIXTURE_LEYLA)->closed_in_year);
  g_assert_nonnull (find_case (next, FIXTURE_RAFAEL));
}

static void
test_status_at_year_end (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwCase) kase = cw_store_load_case (f->store, FIXTURE_ANA, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwReport) report = NULL;

  /* Closed in 2026: still open at the end of 2025. */
  cw_case_set_status (kase, CW_CASE_STATUS_CLOSED);
  cw_case_set_closed (kase, "2026-03");
  cw_case_set_closed_outcome (kase, "resolved");
  cw_store_save_case (f->store, kase, &error);
  g_assert_no_error (error);

  report = report_fixture_build (f, 2025, NULL, FALSE);
  g_assert_cmpint (find_case (report, FIXTURE_ANA)->status, ==, CW_CASE_STATUS_ACTIVE);
  g_clear_pointer (&report, cw_report_unref);

  report = report_fixture_build (f, 2026, NULL, FALSE);
  g_assert_cmpint (find_case (report, FIXTURE_ANA)->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_true (find_case (report, FIXTURE_ANA)->closed_in_year);
}

/* tests/casefiles/report-year-end.xml */
#define YEAR_END_MARCH_2026   "17171717-0000-4000-8000-000000000001"
#define YEAR_END_2026         "17171717-0000-4000-8000-000000000002"
#define YEAR_END_DECEMBER     "17171717-0000-4000-8000-000000000003"
#define YEAR_END_PAUSED_QUIET "17171717-0000-4000-8000-000000000004"
#define YEAR_END_PAUSED_LATER "17171717-0000-4000-8000-000000000005"
#define YEAR_END_REOPENED     "17171717-0000-4000-8000-000000000006"
#define YEAR_END_BACK_IN_2025 "17171717-0000-4000-8000-000000000007"

static char *
case_status_text (CwReport   *report,
                  const char *id)
{
  g_autofree char *text = report_fixture_write (report, CW_REPORT_FORMAT_TEXT);
  g_autoptr(CwCase) kase = NULL;
  const char *start, *line;
  g_autofree char *label = g_strdup_printf ("Status at the end of %u: ", report->year);

  g_assert_nonnull (find_case (report, id));
  kase = g_object_ref (find_case (report, id)->kase);
  start = strstr (text, cw_case_get_title (kase));
  g_assert_nonnull (start);
  line = strstr (start, label);
  g_assert_nonnull (line);
  line += strlen (label);
  return g_strndup (line, strcspn (line, "\n"));
}

static void
test_closed_after_year (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwReport) next = NULL;
  g_autofree char *status = NULL;
  CwReportCase *rc;

  report_fixture_import (f, "report-year-end.xml");
  report = report_fixture_build (f, 2025, NULL, FALSE);
  next = report_fixture_build (f, 2026, NULL, FALSE);

  /* Closed in March 2026: open all of 2025, so active at its end, with
   * neither the closing nor its outcome in the 2025 report. */
  rc = find_case (report, YEAR_END_MARCH_2026);
  g_assert_nonnull (rc);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_false (rc->closed_in_year);
  g_assert_true (has_entry (rc, "Letters in May"));
  g_assert_false (has_entry (rc, "Released on bail"));
  status = case_status_text (report, YEAR_END_MARCH_2026);
  g_assert_cmpstr (status, ==, "Active");
  g_clear_pointer (&status, g_free);

  /* Closed "2026", the year alone: at the end of 2026, so open in 2025. */
  rc = find_case (report, YEAR_END_2026);
  g_assert_nonnull (rc);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_false (rc->closed_in_year);
  status = case_status_text (report, YEAR_END_2026);
  g_assert_cmpstr (status, ==, "Active");
  g_clear_pointer (&status, g_free);

  /* Neither counts as closed in 2025: Kofi and the case closed in
   * December 2025 do. */
  g_assert_cmpuint (report->n_closed, ==, 2);

  /* In 2026 both closed, with their dates and outcomes. */
  rc = find_case (next, YEAR_END_MARCH_2026);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_true (rc->closed_in_year);
  g_assert_true (has_entry (rc, "Released on bail"));
  status = case_status_text (next, YEAR_END_MARCH_2026);
  g_assert_cmpstr (status, ==, "Closed on 12 March 2026 (released)");
  g_clear_pointer (&status, g_free);
  rc = find_case (next, YEAR_END_2026);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_true (rc->closed_in_year);
  status = case_status_text (next, YEAR_END_2026);
  g_assert_cmpstr (status, ==, "Closed in 2026 (resolved)");
}

static void
test_closed_within_year (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwReport) before = NULL;
  g_autoptr(CwReport) next = NULL;
  g_autofree char *status = NULL;
  CwReportCase *rc;

  report_fixture_import (f, "report-year-end.xml");
  report = report_fixture_build (f, 2025, NULL, FALSE);
  before = report_fixture_build (f, 2024, NULL, FALSE);
  next = report_fixture_build (f, 2026, NULL, FALSE);

  /* Closed "2025-12", the month alone: closed by the end of 2025. */
  rc = find_case (report, YEAR_END_DECEMBER);
  g_assert_nonnull (rc);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_true (rc->closed_in_year);
  status = case_status_text (report, YEAR_END_DECEMBER);
  g_assert_cmpstr (status, ==, "Closed in December 2025 (ended)");
  g_clear_pointer (&status, g_free);

  /* Kofi, closed on a day of the year. */
  status = case_status_text (report, FIXTURE_KOFI);
  g_assert_cmpstr (status, ==, "Closed on 14 June 2025 (released)");

  /* Open the year before; gone the year after. */
  g_assert_cmpint (find_case (before, YEAR_END_DECEMBER)->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_false (find_case (before, YEAR_END_DECEMBER)->closed_in_year);
  g_assert_null (find_case (next, YEAR_END_DECEMBER));
}

static void
test_paused_and_reopened (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwReport) next = NULL;
  g_autoptr(CwReport) earlier = NULL;

  report_fixture_import (f, "report-year-end.xml");
  report = report_fixture_build (f, 2025, NULL, FALSE);
  next = report_fixture_build (f, 2026, NULL, FALSE);
  earlier = report_fixture_build (f, 2024, NULL, FALSE);

  /* Paused now, nothing done on it since 2024 (an update is not work on
   * it): paused at the end of 2025. */
  g_assert_cmpint (find_case (report, YEAR_END_PAUSED_QUIET)->status, ==, CW_CASE_STATUS_PAUSED);
  /* Paused now, letters written in January 2026: the pause came later. */
  g_assert_cmpint (find_case (report, YEAR_END_PAUSED_LATER)->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_cmpint (find_case (next, YEAR_END_PAUSED_LATER)->status, ==, CW_CASE_STATUS_PAUSED);

  /* Active now: the closing date kept from before it was reopened is not
   * read, in any year. */
  g_assert_cmpint (find_case (report, YEAR_END_REOPENED)->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_cmpint (find_case (earlier, YEAR_END_REOPENED)->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_false (find_case (earlier, YEAR_END_REOPENED)->closed_in_year);

  /* Closed in May 2022, its next entry in 2025: closed in between. */
  {
    g_autoptr(CwReport) y2021 = report_fixture_build (f, 2021, NULL, FALSE);
    g_autoptr(CwReport) y2022 = report_fixture_build (f, 2022, NULL, FALSE);
    g_autoptr(CwReport) y2023 = report_fixture_build (f, 2023, NULL, FALSE);

    g_assert_nonnull (find_case (y2021, YEAR_END_BACK_IN_2025));
    g_assert_nonnull (find_case (y2022, YEAR_END_BACK_IN_2025));
    g_assert_null (find_case (y2023, YEAR_END_BACK_IN_2025));
    g_assert_null (find_case (earlier, YEAR_END_BACK_IN_2025));
    g_assert_nonnull (find_case (report, YEAR_END_BACK_IN_2025));
    g_assert_nonnull (find_case (next, YEAR_END_BACK_IN_2025));
  }
}

/* tests/casefiles/report-private-status.xml */
#define PRIVATE_ONLY_OPEN     "18181818-0000-4000-8000-000000000001"
#define PRIVATE_ONLY_CLOSED   "18181818-0000-4000-8000-000000000002"
#define PRIVATE_ONLY_PAUSED   "18181818-0000-4000-8000-000000000003"
#define OPENED_MARCH_2026     "18181818-0000-4000-8000-000000000004"
#define UA_ISSUED_2024        "18181818-0000-4000-8000-000000000005"
#define NO_DATES              "18181818-0000-4000-8000-000000000006"
#define CLOSED_2020_ONLY      "18181818-0000-4000-8000-000000000007"

static gboolean
lists (GPtrArray  *ids,
       const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/* Left out, a private entry decides nothing: not whether a case was open
 * in the year, nor when it closed, nor its status at the year's end. */
static void
test_private_decides_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwReport) with_private = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) open_private = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_closed;

  report_fixture_import (f, "report-private-status.xml");
  report = report_fixture_build (f, 2025, NULL, FALSE);
  with_private = report_fixture_build (f, 2025, NULL, TRUE);

  /* First written for, in public, in 2026. */
  g_assert_null (find_case (report, PRIVATE_ONLY_OPEN));
  g_assert_nonnull (find_case (with_private, PRIVATE_ONLY_OPEN));

  /* Closed, by its public entries, in 2024. */
  g_assert_null (find_case (report, PRIVATE_ONLY_CLOSED));
  g_assert_nonnull (find_case (with_private, PRIVATE_ONLY_CLOSED));
  g_assert_true (find_case (with_private, PRIVATE_ONLY_CLOSED)->closed_in_year);
  n_closed = report->n_closed;
  g_assert_cmpuint (with_private->n_closed, ==, n_closed + 1);

  /* Nothing done on it in public since 2025: paused at its end. */
  g_assert_cmpint (find_case (report, PRIVATE_ONLY_PAUSED)->status, ==, CW_CASE_STATUS_PAUSED);
  g_assert_cmpint (find_case (with_private, PRIVATE_ONLY_PAUSED)->status, ==,
                   CW_CASE_STATUS_ACTIVE);

  text = report_fixture_write (report, CW_REPORT_FORMAT_TEXT);
  g_assert_null (strstr (text, "Private only: the only 2025 entry is private"));
  g_assert_null (strstr (text, "Private only: closed, the last entry private"));

  /* The window's list of the year's cases goes by the same rule. */
  open = cw_report_list_open_cases (f->store, 2025, FALSE, &error);
  g_assert_no_error (error);
  open_private = cw_report_list_open_cases (f->store, 2025, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (lists (open, PRIVATE_ONLY_OPEN));
  g_assert_false (lists (open, PRIVATE_ONLY_CLOSED));
  g_assert_true (lists (open, PRIVATE_ONLY_PAUSED));
  g_assert_true (lists (open_private, PRIVATE_ONLY_OPEN));
  g_assert_true (lists (open_private, PRIVATE_ONLY_CLOSED));
  g_assert_cmpuint (open_private->len, ==, open->len + 2);
}

/* Closed in May 2022 and back in 2025: closed at the end of 2022, with
 * its date and outcome, and of the years until it came back. */
static void
test_reopened_status (Fixture       *f,
                      gconstpointer  data)
{
  const char *ids[] = { YEAR_END_BACK_IN_2025, NULL };
  g_autoptr(CwReport) y2022 = NULL;
  g_autoptr(CwReport) y2023 = NULL;
  g_autoptr(CwReport) y2025 = NULL;
  g_autofree char *status = NULL;
  CwReportCase *rc;

  report_fixture_import (f, "report-year-end.xml");
  y2022 = report_fixture_build (f, 2022, NULL, FALSE);
  y2023 = report_fixture_build (f, 2023, ids, FALSE);
  y2025 = report_fixture_build (f, 2025, NULL, FALSE);

  rc = find_case (y2022, YEAR_END_BACK_IN_2025);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_true (rc->closed_in_year);
  status = case_status_text (y2022, YEAR_END_BACK_IN_2025);
  g_assert_cmpstr (status, ==, "Closed on 1 May 2022 (relinquished)");
  g_clear_pointer (&status, g_free);

  /* Picked for a year it was closed all through. */
  rc = find_case (y2023, YEAR_END_BACK_IN_2025);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_false (rc->closed_in_year);
  g_assert_cmpuint (y2023->n_closed, ==, 0);

  rc = find_case (y2025, YEAR_END_BACK_IN_2025);
  g_assert_cmpint (rc->status, ==, CW_CASE_STATUS_ACTIVE);
  g_assert_false (rc->closed_in_year);
}

/* A case picked for a year before it was opened says so. */
static void
test_opened_later (Fixture       *f,
                   gconstpointer  data)
{
  const char *ids[] = { OPENED_MARCH_2026, NULL };
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwReport) next = NULL;
  g_autofree char *status = NULL;

  report_fixture_import (f, "report-private-status.xml");
  report = report_fixture_build (f, 2025, ids, FALSE);
  next = report_fixture_build (f, 2026, ids, FALSE);

  g_assert_true (find_case (report, OPENED_MARCH_2026)->opened_later);
  status = case_status_text (report, OPENED_MARCH_2026);
  g_assert_cmpstr (status, ==, "Opened later, in March 2026");
  g_clear_pointer (&status, g_free);

  g_assert_false (find_case (next, OPENED_MARCH_2026)->opened_later);
  status = case_status_text (next, OPENED_MARCH_2026);
  g_assert_cmpstr (status, ==, "Active");
}

/* An urgent action with no opening date counts from when it was issued. */
static void
test_opened_by_issue (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CwReport) y2023 = NULL;
  g_autoptr(CwReport) y2024 = NULL;

  report_fixture_import (f, "report-private-status.xml");
  y2023 = report_fixture_build (f, 2023, NULL, FALSE);
  y2024 = report_fixture_build (f, 2024, NULL, FALSE);

  g_assert_null (find_case (y2023, UA_ISSUED_2024));
  g_assert_nonnull (find_case (y2024, UA_ISSUED_2024));
  g_assert_false (find_case (y2024, UA_ISSUED_2024)->opened_later);
}

/* A case that says nothing of when it was open is in no year's report
 * unless it is picked; one that says only when it closed, in that year. */
static void
test_dates_unknown (Fixture       *f,
                    gconstpointer  data)
{
  const char *ids[] = { NO_DATES, NULL };
  g_autoptr(CwReport) y1990 = NULL;
  g_autoptr(CwReport) y2019 = NULL;
  g_autoptr(CwReport) y2020 = NULL;
  g_autoptr(CwReport) y2025 = NULL;
  g_autoptr(CwReport) picked = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  report_fixture_import (f, "report-private-status.xml");
  y1990 = report_fixture_build (f, 1990, NULL, FALSE);
  y2019 = report_fixture_build (f, 2019, NULL, FALSE);
  y2020 = report_fixture_build (f, 2020, NULL, FALSE);
  y2025 = report_fixture_build (f, 2025, NULL, FALSE);

  g_assert_null (find_case (y1990, NO_DATES));
  g_assert_null (find_case (y2025, NO_DATES));
  open = cw_report_list_open_cases (f->store, 2025, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (lists (open, NO_DATES));
  picked = report_fixture_build (f, 2025, ids, FALSE);
  g_assert_nonnull (find_case (picked, NO_DATES));

  g_assert_null (find_case (y1990, CLOSED_2020_ONLY));
  g_assert_null (find_case (y2019, CLOSED_2020_ONLY));
  g_assert_nonnull (find_case (y2020, CLOSED_2020_ONLY));
  g_assert_true (find_case (y2020, CLOSED_2020_ONLY)->closed_in_year);
  g_assert_null (find_case (y2025, CLOSED_2020_ONLY));
}

static void
test_build_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CwReport) report = NULL;

  /* Its own read-only connection reads what the store has committed. */
  report = cw_report_build_from_path (f->db_path, 2025, NULL, FALSE, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->cases->len, ==, 3);
  g_assert_true (g_str_has_prefix (find_case (report, FIXTURE_ANA)->how_it_went, "A steady year"));

  g_cancellable_cancel (cancellable);
  g_clear_pointer (&report, cw_report_unref);
  report = cw_report_build_from_path (f->db_path, 2025, NULL, FALSE, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_opened_unknown (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReport) before = report_fixture_build (f, 2024, NULL, FALSE);

  /* No opening date: it counts from its first entry, "2025-09". */
  g_assert_nonnull (find_case (report, FIXTURE_STUDENTS));
  g_assert_null (find_case (before, FIXTURE_STUDENTS));
}

static void
test_list_open_cases (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = cw_report_list_open_cases (f->store, 2025, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (ids, FIXTURE_ANA, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (ids, FIXTURE_KOFI, g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (ids, FIXTURE_STUDENTS, g_str_equal, NULL));
}

/* The window's list of a year's cases, which reads only three dates of a
 * timeline, chooses the cases the report holds, which reads all of it:
 * every fixture, years before and after, with and without private entries. */
static void
test_list_open_agrees (Fixture       *f,
                       gconstpointer  data)
{
  report_fixture_import (f, "report-private-status.xml");
  report_fixture_import (f, "report-year-end.xml");

  for (guint year = 2018; year <= 2028; year++)
    for (int include_private = 0; include_private <= 1; include_private++)
      {
        g_autoptr(CwReport) report = report_fixture_build (f, year, NULL, include_private);
        g_autoptr(GPtrArray) open = NULL;
        g_autoptr(GError) error = NULL;

        open = cw_report_list_open_cases (f->store, year, include_private, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (open->len, ==, report->cases->len);
        for (guint i = 0; i < open->len; i++)
          g_assert_nonnull (find_case (report, g_ptr_array_index (open, i)));
      }
}

static void
test_chosen_cases (Fixture       *f,
                   gconstpointer  data)
{
  const char *ids[] = { FIXTURE_LEYLA, FIXTURE_ANA, FIXTURE_LEYLA, NULL };
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, ids, FALSE);
  CwReportCase *leyla = find_case (report, FIXTURE_LEYLA);

  /* Chosen, a case goes in even if it was closed before the year; once. */
  g_assert_cmpuint (report->cases->len, ==, 2);
  g_assert_nonnull (leyla);
  g_assert_nonnull (find_case (report, FIXTURE_ANA));
  g_assert_cmpint (leyla->status, ==, CW_CASE_STATUS_CLOSED);
  g_assert_false (leyla->closed_in_year);
  g_assert_cmpuint (leyla->entries->len, ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  const char *unknown[] = { FIXTURE_ANA, "00000000-0000-4000-8000-000000000000", NULL };
  g_autoptr(GError) error = NULL;
  CwReport *report;

  report = cw_report_build (f->store, 2025, unknown, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "00000000-0000-4000-8000-000000000000"));
  g_clear_error (&error);

  report = cw_report_build (f->store, 0, NULL, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  report = cw_report_build (f->store, 10000, NULL, FALSE, &error);
  g_assert_null (report);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
}

static void
test_no_cases (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 1990, NULL, FALSE);
  g_autofree char *text = report_fixture_write (report, CW_REPORT_FORMAT_TEXT);

  g_assert_cmpuint (report->cases->len, ==, 0);
  g_assert_cmpuint (report->totals->len, ==, 0);
  g_assert_nonnull (strstr (text, "No case was open in 1990."));
}

/* Which entries */

static void
test_other_years_left_out (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  CwReportCase *ana = find_case (report, FIXTURE_ANA);

  g_assert_false (has_entry (ana, "Letters at the November meeting"));   /* 2024-11-20 */
  g_assert_false (has_entry (ana, "Letters in January"));                /* 2026-01 */
  g_assert_cmpuint (ana->entries->len, ==, 9);
  g_assert_false (has_entry (find_case (report, FIXTURE_KOFI), "Vigil for his birthday"));

  /* Oldest first; a date of the year alone comes before any day in it. */
  g_assert_cmpstr (cw_entry_get_date (ana->entries->pdata[0]), ==, "2025");
  for (guint i = 1; i < ana->entries->len; i++)
    g_assert_cmpstr (cw_entry_get_date (ana->entries->pdata[i - 1]), <=,
                     cw_entry_get_date (ana->entries->pdata[i]));
}

static void
test_partial_dates (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReport) before = report_fixture_build (f, 2024, NULL, FALSE);
  g_autoptr(CwReport) after = report_fixture_build (f, 2026, NULL, FALSE);

  g_assert_true (has_entry (find_case (report, FIXTURE_ANA), "Emails to the embassy"));       /* 2025-07 */
  g_assert_true (has_entry (find_case (report, FIXTURE_ANA), "Solidarity cards through the year")); /* 2025 */
  g_assert_true (has_entry (find_case (report, FIXTURE_STUDENTS), "The students were arrested")); /* 2025-09 */

  g_assert_false (has_entry (find_case (before, FIXTURE_ANA), "Solidarity cards through the year"));
  g_assert_true (has_entry (find_case (before, FIXTURE_ANA), "Letters at the November meeting"));
  g_assert_true (has_entry (find_case (before, FIXTURE_KOFI), "Vigil for his birthday"));  /* 2024-12 */
  g_assert_true (has_entry (find_case (after, FIXTURE_ANA), "Letters in January"));        /* 2026-01 */
  g_assert_false (has_entry (find_case (after, FIXTURE_ANA), "Solidarity cards through the year"));
}

static void
test_private_left_out (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReport) with_private = report_fixture_build (f, 2025, NULL, TRUE);
  g_autofree char *text = report_fixture_write (report, CW_REPORT_FORMAT_TEXT);
  g_autofree char *private_text = report_fixture_write (with_private, CW_REPORT_FORMAT_TEXT);

  g_assert_false (has_entry (find_case (report, FIXTURE_ANA), "Interview with the local paper"));
  g_assert_null (find_tally (find_case (report, FIXTURE_ANA)->tallies, "media"));
  g_assert_null (strstr (text, "Interview with the local paper"));
  g_assert_null (strstr (text, "Not yet published"));
  g_assert_null (strstr (text, "private"));
  /* Safety notes never go in a report. */
  g_assert_null (strstr (text, "Never name her village"));

  /* Asked for, they go in, marked, and the report says so. */
  g_assert_true (with_private->include_private);
  g_assert_true (has_entry (find_case (with_private, FIXTURE_ANA), "Interview with the local paper"));
  assert_tally (find_case (with_private, FIXTURE_ANA)->tallies, "media", 1, 0, FALSE);
  g_assert_nonnull (strstr (private_text, "Interview with the local paper (private)"));
  g_assert_nonnull (strstr (private_text, "private timeline entries"));
  g_assert_null (strstr (private_text, "Never name her village"));
}

/* What it adds up to */

static void
test_tallies (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  CwReportCase *ana = find_case (report, FIXTURE_ANA);
  const char * const *kinds = cw_entry_kinds (CW_ENTRY_CATEGORY_ACTIVITY);
  guint k = 0;

  assert_tally (ana->tallies, "letter", 2, 26, TRUE);
  assert_tally (ana->tallies, "petition", 1, 388, TRUE);
  assert_tally (ana->tallies, "stall", 2, 0, FALSE);
  assert_tally (ana->tallies, "email", 1, 5, TRUE);
  assert_tally (ana->tallies, "card", 1, 40, TRUE);
  g_assert_cmpuint (ana->tallies->len, ==, 5);
  g_assert_cmpuint (ana->n_outcomes, ==, 1);
  g_assert_cmpuint (ana->n_updates, ==, 1);

  /* The kinds come in the format's order. */
  for (guint i = 0; i < ana->tallies->len; i++)
    {
      while (kinds[k] != NULL && g_strcmp0 (kinds[k], g_array_index (ana->tallies, CwReportTally, i).kind) != 0)
        k++;
      g_assert_nonnull (kinds[k]);
    }

  /* Over all cases. */
  assert_tally (report->totals, "letter", 3, 46, TRUE);
  assert_tally (report->totals, "email", 2, 30, TRUE);
  assert_tally (report->totals, "petition", 1, 388, TRUE);
  assert_tally (report->totals, "stall", 2, 0, FALSE);
  g_assert_cmpuint (report->n_outcomes, ==, 3);
  g_assert_cmpuint (report->n_updates, ==, 3);
  g_assert_cmpuint (report->n_entries, ==, 9 + 3 + 3);
}

static void
test_holders (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReport) next = report_fixture_build (f, 2026, NULL, FALSE);

  g_assert_cmpuint (report->holders->len, ==, 2);
  g_assert_cmpstr (report->holders->pdata[0], ==, "Priya Shah");
  g_assert_cmpstr (report->holders->pdata[1], ==, "Sam Okafor");
  g_assert_cmpuint (next->holders->len, ==, 1);
  g_assert_cmpstr (next->holders->pdata[0], ==, "Priya Shah");
  g_assert_cmpstr (report->profile->name, ==, "Amnesty International Group 123 – Riverside");
  g_assert_cmpstr (report->profile->number, ==, "123");
}

static void
test_made (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwReport) report = cw_report_build (f->store, 2025, NULL, FALSE, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_no_error (error);
  g_assert_cmpstr (report->made, ==, today);
  cw_report_set_made (report, "2026-01-15");
  g_assert_cmpstr (report->made, ==, "2026-01-15");
}

/* The group's words */

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwReport) report = report_fixture_build (f, 2025, NULL, FALSE);
  g_autoptr(CwReport) next = report_fixture_build (f, 2026, NULL, FALSE);

  g_assert_true (g_str_has_prefix (find_case (report, FIXTURE_ANA)->how_it_went, "A steady year"));
  g_assert_cmpstr (find_case (report, FIXTURE_ANA)->next_steps, ==,
                   "Keep writing monthly; ask the coordinator about a visit.");
  g_assert_cmpstr (find_case (report, FIXTURE_KOFI)->how_it_went, ==, "");
  /* Words are kept per year. */
  g_assert_cmpstr (find_case (next, FIXTURE_ANA)->how_it_went, ==, "");
}

static int
count_notes (CwStore *store)
{
  sqlite3_stmt *stmt = cw_store_prepare (store, "SELECT count(*) FROM report_notes", NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
assert_note (CwStore    *store,
             const char *id,
             guint       year,
             const char *how,
             const char *next)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got_how = NULL, *got_next = NULL;

  g_assert_true (cw_store_load_report_note (store, id, year, &got_how, &got_next, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (got_how, ==, how);
  g_assert_cmpstr (got_next, ==, next);
}

static void
test_notes_stored (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *hostile = "Robert'); DROP TABLE cases; -- & <b>";

  assert_note (f->store, FIXTURE_KOFI, 2025, "", "");
  g_assert_cmpint (count_notes (f->store), ==, 1);

  g_assert_true (cw_store_save_report_note (f->store, FIXTURE_KOFI, 2025, hostile, NULL, &error));
  g_assert_no_error (error);
  assert_note (f->store, FIXTURE_KOFI, 2025, hostile, "");
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 5);

  g_assert_true (cw_store_save_report_note (f->store, FIXTURE_KOFI, 2025, "Released!", "Close it.",
                                            &error));
  g_assert_no_error (error);
  assert_note (f->store, FIXTURE_KOFI, 2025, "Released!", "Close it.");
  assert_note (f->store, FIXTURE_KOFI, 2024, "", "");
  g_assert_cmpint (count_notes (f->store), ==, 2);

  /* Clearing both removes what was stored. */
  g_assert_true (cw_store_save_report_note (f->store, FIXTURE_KOFI, 2025, "", "", &error));
  g_assert_no_error (error);
  assert_note (f->store, FIXTURE_KOFI, 2025, "", "");
  g_assert_cmpint (count_notes (f->store), ==, 1);
}

static void
test_notes_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cw_store_save_report_note (f->store, "00000000-0000-4000-8000-000000000000",
                                             2025, "Words", "", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (cw_store_save_report_note (f->store, FIXTURE_ANA, 0, "Words", "", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (cw_store_save_report_note (f->store, FIXTURE_ANA, 2025, "\xff\xfe", "", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing changed. */
  g_assert_cmpint (count_notes (f->store), ==, 1);
  assert_note (f->store, FIXTURE_ANA, 2025,
               "A steady year: the group wrote at every monthly meeting.\n\n"
               "The petition at the spring fair was our biggest ever,\nwith 388 signatures.",
               "Keep writing monthly; ask the coordinator about a visit.");
}

static void
test_notes_go_with_case (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_delete_case (f->store, FIXTURE_ANA, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_notes (f->store), ==, 0);

  /* The case imported again starts with no words. */
  report_fixture_import (f, "report-fixture.xml");
  assert_note (f->store, FIXTURE_ANA, 2025, "", "");
}

/* Names of formats and files */

static void
test_formats (void)
{
  CwReportFormat format;

  g_assert_true (cw_report_format_from_name ("pdf", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_PDF);
  g_assert_true (cw_report_format_from_name ("odt", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_ODT);
  g_assert_true (cw_report_format_from_name ("fodt", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_FODT);
  g_assert_true (cw_report_format_from_name ("html", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_HTML);
  g_assert_true (cw_report_format_from_name ("txt", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_TEXT);
  g_assert_false (cw_report_format_from_name ("doc", &format));
  g_assert_false (cw_report_format_from_name (NULL, &format));

  g_assert_true (cw_report_format_from_file_name ("/tmp/a.b/Report 2025.PDF", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_PDF);
  g_assert_true (cw_report_format_from_file_name ("report.odt", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_ODT);
  g_assert_true (cw_report_format_from_file_name ("report.fodt", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_FODT);
  g_assert_true (cw_report_format_from_file_name ("report.htm", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_HTML);
  g_assert_true (cw_report_format_from_file_name ("report.txt", &format));
  g_assert_cmpint (format, ==, CW_REPORT_FORMAT_TEXT);
  g_assert_false (cw_report_format_from_file_name ("/tmp/a.pdf/report", &format));
  g_assert_false (cw_report_format_from_file_name ("report", &format));

  g_assert_cmpstr (cw_report_format_extension (CW_REPORT_FORMAT_ODT), ==, "odt");
  g_assert_cmpstr (cw_report_format_extension (CW_REPORT_FORMAT_FODT), ==, "fodt");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/report/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("cases/open-in-year", test_open_in_year);
  ADD ("cases/closed-mid-year", test_closed_mid_year);
  ADD ("cases/status-at-year-end", test_status_at_year_end);
  ADD ("cases/closed-after-year", test_closed_after_year);
  ADD ("cases/closed-within-year", test_closed_within_year);
  ADD ("cases/paused-and-reopened", test_paused_and_reopened);
  ADD ("cases/opened-unknown", test_opened_unknown);
  ADD ("cases/opened-later", test_opened_later);
  ADD ("cases/opened-by-issue", test_opened_by_issue);
  ADD ("cases/dates-unknown", test_dates_unknown);
  ADD ("cases/reopened-status", test_reopened_status);
  ADD ("cases/list-open", test_list_open_cases);
  ADD ("cases/list-open-agrees", test_list_open_agrees);
  ADD ("cases/chosen", test_chosen_cases);
  ADD ("cases/refused", test_refused);
  ADD ("cases/none", test_no_cases);
  ADD ("entries/other-years-left-out", test_other_years_left_out);
  ADD ("entries/partial-dates", test_partial_dates);
  ADD ("entries/private-left-out", test_private_left_out);
  ADD ("entries/private-decides-nothing", test_private_decides_nothing);
  ADD ("totals/tallies", test_tallies);
  ADD ("totals/holders", test_holders);
  ADD ("made", test_made);
  ADD ("build/cancelled", test_build_cancelled);
  ADD ("words/in-report", test_words);
  ADD ("words/stored", test_notes_stored);
  ADD ("words/refused", test_notes_refused);
  ADD ("words/go-with-case", test_notes_go_with_case);
  g_test_add_func ("/report/formats", test_formats);

  return g_test_run ();
}
