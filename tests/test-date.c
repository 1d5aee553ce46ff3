/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "cw-date.h"

/*
 * Partial dates as the casefile format writes them: a day, a month or a
 * year, and never more precise than what was written.
 *
 * These tests touch no files, so unlike the store tests they need no
 * temporary directory.
 */

static void
assert_parses (const char      *text,
               guint            year,
               guint            month,
               guint            day,
               CwDatePrecision  precision)
{
  g_autoptr(GError) error = NULL;
  CwDate date = { 0 };

  g_assert_true (cw_date_parse (text, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (date.year, ==, year);
  g_assert_cmpuint (date.month, ==, month);
  g_assert_cmpuint (date.day, ==, day);
  g_assert_cmpint (date.precision, ==, precision);
  g_assert_true (cw_date_is_valid_iso (text));
}

static void
assert_refused (const char  *text,
                CwDateError  code)
{
  g_autoptr(GError) error = NULL;
  CwDate date = { 0 };

  g_assert_false (cw_date_parse (text, &date, &error));
  g_assert_error (error, CW_DATE_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_false (cw_date_is_valid_iso (text));

  /* Refused without an error to fill in, too. */
  g_assert_false (cw_date_parse (text, &date, NULL));
}

static void
test_parse_precisions (void)
{
  assert_parses ("2024-03-07", 2024, 3, 7, CW_DATE_PRECISION_DAY);
  assert_parses ("2025-03", 2025, 3, 0, CW_DATE_PRECISION_MONTH);
  assert_parses ("2024", 2024, 0, 0, CW_DATE_PRECISION_YEAR);
  assert_parses ("1999-12-31", 1999, 12, 31, CW_DATE_PRECISION_DAY);
  assert_parses ("0001", 1, 0, 0, CW_DATE_PRECISION_YEAR);
  assert_parses ("2026-01-05", 2026, 1, 5, CW_DATE_PRECISION_DAY);
}

static void
test_parse_leap_days (void)
{
  assert_parses ("2024-02-29", 2024, 2, 29, CW_DATE_PRECISION_DAY);
  assert_parses ("2000-02-29", 2000, 2, 29, CW_DATE_PRECISION_DAY);
  assert_refused ("2025-02-29", CW_DATE_ERROR_RANGE);
  assert_refused ("1900-02-29", CW_DATE_ERROR_RANGE);
}

static void
test_parse_impossible (void)
{
  assert_refused ("2026-13-45", CW_DATE_ERROR_RANGE);
  assert_refused ("2026-13", CW_DATE_ERROR_RANGE);
  assert_refused ("2026-00", CW_DATE_ERROR_RANGE);
  assert_refused ("2026-01-00", CW_DATE_ERROR_RANGE);
  assert_refused ("2026-02-30", CW_DATE_ERROR_RANGE);
  assert_refused ("2026-04-31", CW_DATE_ERROR_RANGE);
  assert_refused ("2026-01-32", CW_DATE_ERROR_RANGE);
  assert_refused ("0000", CW_DATE_ERROR_RANGE);
  assert_refused ("0000-01-01", CW_DATE_ERROR_RANGE);
}

static void
test_parse_malformed (void)
{
  assert_refused ("2026-1-5", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026-01-5", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026/01/05", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026-01/05", CW_DATE_ERROR_FORMAT);
  assert_refused ("", CW_DATE_ERROR_FORMAT);
  assert_refused (NULL, CW_DATE_ERROR_FORMAT);
  assert_refused ("26", CW_DATE_ERROR_FORMAT);
  assert_refused ("20260105", CW_DATE_ERROR_FORMAT);
  assert_refused ("March 2025", CW_DATE_ERROR_FORMAT);
  assert_refused ("+202", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026-0a", CW_DATE_ERROR_FORMAT);
  /* Trailing junk, of each length the parser might otherwise accept. */
  assert_refused ("2026-01-05x", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026-01-05 ", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026-01-05T09:30:00Z", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026-01x", CW_DATE_ERROR_FORMAT);
  assert_refused ("2026x", CW_DATE_ERROR_FORMAT);
  assert_refused (" 2026", CW_DATE_ERROR_FORMAT);
}

static void
test_to_iso_round_trip (void)
{
  static const char * const dates[] = {
    "2024-03-07", "2025-03", "2024", "0001", "0999-01", "2024-02-29", "9999-12-31",
  };
  CwDate constructed = { 2024, 3, 7, CW_DATE_PRECISION_DAY };
  CwDate month = { 2025, 3, 0, CW_DATE_PRECISION_MONTH };
  CwDate none = { 0 };
  g_autofree char *iso_day = NULL;
  g_autofree char *iso_month = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *iso = NULL;
      CwDate date, again;

      g_assert_true (cw_date_parse (dates[i], &date, NULL));
      iso = cw_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, dates[i]);

      g_assert_true (cw_date_parse (iso, &again, NULL));
      g_assert_cmpint (cw_date_compare (&date, &again), ==, 0);
    }

  iso_day = cw_date_to_iso (&constructed);
  g_assert_cmpstr (iso_day, ==, "2024-03-07");
  iso_month = cw_date_to_iso (&month);
  g_assert_cmpstr (iso_month, ==, "2025-03");
  g_assert_null (cw_date_to_iso (&none));
}

static void
assert_display (const char *iso,
                const char *expected)
{
  g_autofree char *shown = NULL;
  g_autofree char *shown_from_iso = NULL;
  CwDate date;

  g_assert_true (cw_date_parse (iso, &date, NULL));
  shown = cw_date_format_display (&date);
  g_assert_cmpstr (shown, ==, expected);

  shown_from_iso = cw_date_iso_format_display (iso);
  g_assert_cmpstr (shown_from_iso, ==, expected);
}

static void
test_format_display (void)
{
  g_autofree char *month = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *null = NULL;
  CwDate none = { 0 };
  g_autofree char *empty = NULL;

  assert_display ("2024-03-07", "7 March 2024");
  assert_display ("2025-03", "March 2025");
  assert_display ("2024", "2024");
  assert_display ("2024-12-25", "25 December 2024");
  assert_display ("0999", "999");

  /* A month-precision date is never shown as the 1st of the month. */
  month = cw_date_iso_format_display ("2025-03");
  g_assert_null (strstr (month, "1"));
  g_assert_null (strstr (month, "2025-03"));

  /* What is not a date is shown as it was written. */
  bad = cw_date_iso_format_display ("2026-02-30");
  g_assert_cmpstr (bad, ==, "2026-02-30");
  null = cw_date_iso_format_display (NULL);
  g_assert_cmpstr (null, ==, "");

  empty = cw_date_format_display (&none);
  g_assert_cmpstr (empty, ==, "");
}

static int
compare_iso (const char *a,
             const char *b)
{
  CwDate da, db;

  g_assert_true (cw_date_parse (a, &da, NULL));
  g_assert_true (cw_date_parse (b, &db, NULL));
  return cw_date_compare (&da, &db);
}

static void
test_compare (void)
{
  /* Each sorts before the next. */
  static const char * const ordered[] = {
    "2023", "2023-12-31", "2024", "2024-01", "2024-01-01", "2024-01-02", "2024-02",
    "2024-02-01", "2024-12-31", "2025",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      g_assert_cmpint (compare_iso (ordered[i], ordered[i]), ==, 0);
      for (guint j = i + 1; j < G_N_ELEMENTS (ordered); j++)
        {
          g_assert_cmpint (compare_iso (ordered[i], ordered[j]), <, 0);
          g_assert_cmpint (compare_iso (ordered[j], ordered[i]), >, 0);
        }
    }

  g_assert_cmpint (compare_iso ("2024", "2024-01"), <, 0);
  g_assert_cmpint (compare_iso ("2024-01", "2024-01-01"), <, 0);
  g_assert_cmpint (compare_iso ("2024-01-01", "2024-02"), <, 0);
  g_assert_cmpint (compare_iso ("2024-02", "2024"), >, 0);
}

static void
test_is_in_year (void)
{
  CwDate date;
  CwDate none = { 0 };

  g_assert_true (cw_date_parse ("2024-03", &date, NULL));
  g_assert_true (cw_date_is_in_year (&date, 2024));
  g_assert_false (cw_date_is_in_year (&date, 2025));
  g_assert_true (cw_date_parse ("2024", &date, NULL));
  g_assert_true (cw_date_is_in_year (&date, 2024));
  g_assert_false (cw_date_is_in_year (&none, 0));
}

static void
test_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = NULL;
  CwDate today, parsed;

  cw_date_today (&today);
  g_assert_cmpint (today.precision, ==, CW_DATE_PRECISION_DAY);
  iso = cw_date_to_iso (&today);
  g_assert_true (cw_date_parse (iso, &parsed, NULL));
  g_assert_cmpint (cw_date_compare (&today, &parsed), ==, 0);
  /* Allow for midnight passing between the two readings. */
  g_assert_cmpint (ABS ((int) today.year - g_date_time_get_year (now)), <=, 1);
}

static void
test_timestamps (void)
{
  static const char * const refused[] = {
    "2026-02-01 09:30:00",
    "2026-02-01 09:30:00Z",
    "2026-02-01t09:30:00Z",
    "2026-02-01T09:30:00z",
    "2026-02-01T09-30-00Z",
    "2026-02-30T09:30:00Z",
    "2026-02-01T24:00:00Z",
    "2026-02-01T09:60:00Z",
    "2026-02-01T09:30:60Z",
    "2026-02-01T09:30:00",
    "2026-02-01T09:30:00+01:00",
    "2026-02-01T09:30:00Zjunk",
    "2026-02-01T9:30:00Z",
    "2026-02-01T09:3a:00Z",
    "2026-02T09:30:00Z",
    "0000-02-01T09:30:00Z",
    "",
    NULL,
  };
  g_autofree char *now = NULL;

  g_assert_true (cw_timestamp_is_valid ("2026-02-01T09:30:00Z"));
  g_assert_true (cw_timestamp_is_valid ("2024-02-29T23:59:59Z"));
  g_assert_true (cw_timestamp_is_valid ("2026-02-01T00:00:00Z"));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refusing “%s”", refused[i] != NULL ? refused[i] : "(null)");
      g_assert_false (cw_timestamp_is_valid (refused[i]));
    }

  now = cw_timestamp_now ();
  g_assert_true (cw_timestamp_is_valid (now));
}

int
main (int   argc,
      char *argv[])
{
  /* The display formats are checked in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse/precisions", test_parse_precisions);
  g_test_add_func ("/date/parse/leap-days", test_parse_leap_days);
  g_test_add_func ("/date/parse/impossible", test_parse_impossible);
  g_test_add_func ("/date/parse/malformed", test_parse_malformed);
  g_test_add_func ("/date/to-iso/round-trip", test_to_iso_round_trip);
  g_test_add_func ("/date/format-display", test_format_display);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/is-in-year", test_is_in_year);
  g_test_add_func ("/date/today", test_today);
  g_test_add_func ("/date/timestamp", test_timestamps);

  return g_test_run ();
}
