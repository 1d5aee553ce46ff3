/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-meeting"

#include <glib/gi18n-lib.h>

#include "cw-meeting.h"

/* Whether @deadline, as far as it is known, is on or after @date: a
 * deadline of "2026-12" is still ahead all through December. */
static gboolean
deadline_is_ahead (const char   *deadline,
                   const CwDate *date)
{
  CwDate when;

  if (!cw_date_parse (deadline, &when, NULL))
    return TRUE;   /* no deadline: the action stays open */

  if (when.year != date->year || when.precision == CW_DATE_PRECISION_YEAR)
    return when.year >= date->year;
  if (when.month != date->month || when.precision == CW_DATE_PRECISION_MONTH)
    return when.month >= date->month;
  return when.day >= date->day;
}

/**
 * cw_meeting_proposes_case:
 * @date: the meeting's day
 *
 * Active long-term cases, and active urgent actions whose deadline is
 * still ahead on @date.
 */
gboolean
cw_meeting_proposes_case (CwCase       *kase,
                          const CwDate *date)
{
  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (cw_case_get_status (kase) != CW_CASE_STATUS_ACTIVE)
    return FALSE;
  if (cw_case_get_case_type (kase) == CW_CASE_TYPE_LONG_TERM)
    return TRUE;
  return deadline_is_ahead (cw_case_get_ua_deadline (kase), date);
}

/**
 * cw_meeting_propose_cases:
 *
 * Returns: (transfer full): the ids of the cases a meeting on @date writes
 *   for unless told otherwise, in the case list's order
 */
GStrv
cw_meeting_propose_cases (CwStore       *store,
                          const CwDate  *date,
                          GError       **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  cases = cw_store_list_cases (store, error);
  if (cases == NULL)
    return NULL;

  for (guint i = 0; i < cases->len; i++)
    if (cw_meeting_proposes_case (g_ptr_array_index (cases, i), date))
      g_strv_builder_add (ids, cw_case_get_id (g_ptr_array_index (cases, i)));
  return g_strv_builder_end (ids);
}

static gboolean
log_case (CwStore     *store,
          const char  *case_id,
          const char  *date,
          guint        count,
          GError     **error)
{
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u letter written",
                                                         "%u letters written", count), count);

  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, date);
  cw_entry_set_category (entry, CW_ENTRY_CATEGORY_ACTIVITY);
  cw_entry_set_kind (entry, "letter");
  cw_entry_set_count (entry, count);
  cw_entry_set_title (entry, title);
  return cw_store_save_entry (store, entry, error);
}

/**
 * cw_meeting_log_letters:
 *
 * Adds "N letters written" on the pack's date to the timeline of each case
 * that had letters, N being its letters times the copies: all in one
 * transaction.
 */
gboolean
cw_meeting_log_letters (CwStore        *store,
                        CwMeetingPack  *pack,
                        GError        **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), FALSE);
  g_return_val_if_fail (CW_IS_MEETING_PACK (pack), FALSE);

  date = cw_date_to_iso (cw_meeting_pack_get_date (pack));
  if (!cw_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < cw_meeting_pack_get_n_cases (pack); i++)
    {
      const char *id = cw_case_get_id (cw_meeting_pack_get_case (pack, i));
      guint count = cw_meeting_pack_count_letters (pack, id);

      if (count > 0 && !log_case (store, id, date, count, error))
        {
          cw_store_rollback (store);
          return FALSE;
        }
    }

  return cw_store_commit (store, error);
}
