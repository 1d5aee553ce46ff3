/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cw-case.h"

/* What the case list puts first, and what it points out: the rules a
 * holder relies on to see what is due. Dates are counted from a fixed day. */

static GDate *
fixed_today (void)
{
  return g_date_new_dmy (21, G_DATE_NOVEMBER, 2026);
}

static CwCase *
make_case (const char   *title,
           CwCaseType    type,
           const char   *deadline,
           const char   *last_activity)
{
  CwCase *kase = cw_case_new ();

  cw_case_set_title (kase, title);
  cw_case_set_case_type (kase, type);
  cw_case_set_ua_deadline (kase, deadline);
  cw_case_set_last_activity (kase, last_activity);
  cw_case_set_last_action (kase, last_activity);
  return kase;
}

static void
test_deadline_first (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(CwCase) busy = make_case ("Busy case", CW_CASE_TYPE_LONG_TERM, NULL, "2026-11-20");
  g_autoptr(CwCase) soon = make_case ("Due soon", CW_CASE_TYPE_URGENT_ACTION, "2026-11-30", NULL);
  g_autoptr(CwCase) sooner = make_case ("Due sooner", CW_CASE_TYPE_URGENT_ACTION, "2026-11-24", NULL);
  g_autoptr(CwCase) later = make_case ("Due later", CW_CASE_TYPE_URGENT_ACTION, "2027-01-30", NULL);
  g_autoptr(CwCase) passed = make_case ("Passed", CW_CASE_TYPE_URGENT_ACTION, "2026-11-01", NULL);

  /* Within two weeks comes before any activity; the soonest first. */
  g_assert_cmpint (cw_case_compare_for_list (soon, busy, today), <, 0);
  g_assert_cmpint (cw_case_compare_for_list (sooner, soon, today), <, 0);
  /* A deadline far off or passed does not jump the queue. */
  g_assert_cmpint (cw_case_compare_for_list (busy, later, today), <, 0);
  g_assert_cmpint (cw_case_compare_for_list (busy, passed, today), <, 0);

  /* A closed urgent action has no deadline to meet. */
  cw_case_set_status (soon, CW_CASE_STATUS_CLOSED);
  g_assert_cmpint (cw_case_compare_for_list (busy, soon, today), <, 0);
}

static void
test_recent_then_title (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(CwCase) recent = make_case ("Zeynep", CW_CASE_TYPE_LONG_TERM, NULL, "2026-11-01");
  g_autoptr(CwCase) older = make_case ("Ahmed", CW_CASE_TYPE_LONG_TERM, NULL, "2026-03");
  g_autoptr(CwCase) none_a = make_case ("Ana", CW_CASE_TYPE_LONG_TERM, NULL, NULL);
  g_autoptr(CwCase) none_c = make_case ("Bruno", CW_CASE_TYPE_LONG_TERM, NULL, NULL);

  g_assert_cmpint (cw_case_compare_for_list (recent, older, today), <, 0);
  g_assert_cmpint (cw_case_compare_for_list (older, none_a, today), <, 0);
  /* Without activity, by title (in the user's collation order). */
  g_assert_cmpint (cw_case_compare_for_list (none_a, none_c, today), <, 0);
  g_assert_cmpint (cw_case_compare_for_list (none_a, none_a, today), ==, 0);

  /* A new title is sorted by its new name. */
  cw_case_set_title (none_c, "Aaron");
  g_assert_cmpint (cw_case_compare_for_list (none_c, none_a, today), <, 0);
}

static void
test_attention (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(CwCase) ua = make_case ("UA", CW_CASE_TYPE_URGENT_ACTION, "2026-11-28", "2026-11-01");
  g_autoptr(CwCase) quiet = make_case ("Quiet", CW_CASE_TYPE_LONG_TERM, NULL, "2026-07-01");
  g_autoptr(CwCase) lively = make_case ("Lively", CW_CASE_TYPE_LONG_TERM, NULL, "2026-10-01");
  g_autoptr(CwCase) follow = make_case ("Follow", CW_CASE_TYPE_LONG_TERM, NULL, "2026-11-01");
  g_autoptr(CwCase) fresh = make_case ("Fresh", CW_CASE_TYPE_LONG_TERM, NULL, NULL);
  int days = -1;

  g_assert_cmpint (cw_case_get_attention (ua, today, &days), ==, CW_ATTENTION_DEADLINE);
  g_assert_cmpint (days, ==, 7);

  g_assert_cmpint (cw_case_get_attention (quiet, today, &days), ==, CW_ATTENTION_QUIET);
  g_assert_cmpint (days, ==, 143);
  g_assert_cmpint (cw_case_get_attention (lively, today, &days), ==, CW_ATTENTION_NONE);

  /* Paused and closed cases are quiet on purpose. */
  cw_case_set_status (quiet, CW_CASE_STATUS_PAUSED);
  g_assert_cmpint (cw_case_get_attention (quiet, today, &days), ==, CW_ATTENTION_NONE);

  cw_case_set_next_follow_up (follow, "2026-12-01");
  g_assert_cmpint (cw_case_get_attention (follow, today, &days), ==, CW_ATTENTION_FOLLOW_UP);
  g_assert_cmpint (days, ==, 10);
  cw_case_set_next_follow_up (follow, "2026-11-15");
  g_assert_cmpint (cw_case_get_attention (follow, today, &days), ==, CW_ATTENTION_FOLLOW_UP);
  g_assert_cmpint (days, <, 0);
  cw_case_set_next_follow_up (follow, "2027-02-01");
  g_assert_cmpint (cw_case_get_attention (follow, today, &days), ==, CW_ATTENTION_NONE);

  /* A month is counted from its end: "August 2026" was busy until its
   * last day, less than three months ago. */
  cw_case_set_last_action (lively, "2026-08");
  g_assert_cmpint (cw_case_get_attention (lively, today, &days), ==, CW_ATTENTION_NONE);
  cw_case_set_last_action (lively, "2026");
  g_assert_cmpint (cw_case_get_attention (lively, today, &days), ==, CW_ATTENTION_NONE);
  cw_case_set_last_action (lively, "2025");
  g_assert_cmpint (cw_case_get_attention (lively, today, &days), ==, CW_ATTENTION_QUIET);

  /* A case just taken on is not nagged about; one taken on long ago is. */
  cw_case_set_opened (fresh, "2026-11-01");
  g_assert_cmpint (cw_case_get_attention (fresh, today, &days), ==, CW_ATTENTION_NONE);
  cw_case_set_opened (fresh, "2026-07");
  g_assert_cmpint (cw_case_get_attention (fresh, today, &days), ==, CW_ATTENTION_QUIET);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-order/urgent-deadline-first", test_deadline_first);
  g_test_add_func ("/case-order/most-recent-then-title", test_recent_then_title);
  g_test_add_func ("/case-order/attention", test_attention);

  return g_test_run ();
}
