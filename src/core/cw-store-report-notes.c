/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <glib/gi18n-lib.h>

#include "cw-store-private.h"

/* The group's own words on a case for one year's report: how the year went
 * and the plans for the next. They belong to the group, like the rest of
 * the database, and are written into the yearly report only. */

static gboolean
check_year (guint    year,
            GError **error)
{
  if (year >= 1 && year <= 9999)
    return TRUE;

  g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
               _("%u is not a year a report can be written for"), year);
  return FALSE;
}

/**
 * cw_store_load_report_note:
 * @how_it_went: (out) (transfer full): the group's words on the year, or ""
 * @next_steps: (out) (transfer full): the plans for the next year, or ""
 *
 * Reads what the group wrote about @case_id for @year's report. A case
 * and year the group has written nothing for give two empty strings.
 */
gboolean
cw_store_load_report_note (CwStore     *self,
                           const char  *case_id,
                           guint        year,
                           char       **how_it_went,
                           char       **next_steps,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);
  g_return_val_if_fail (how_it_went != NULL && next_steps != NULL, FALSE);

  stmt = cw_store_prepare (self,
                           "SELECT how_it_went, next_steps FROM report_notes"
                           " WHERE case_id = ? AND year = ?", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, year);

  rc = sqlite3_step (stmt);
  *how_it_went = rc == SQLITE_ROW ? cw_sql_column_dup (stmt, 0) : g_strdup ("");
  *next_steps = rc == SQLITE_ROW ? cw_sql_column_dup (stmt, 1) : g_strdup ("");
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_clear_pointer (how_it_went, g_free);
      g_clear_pointer (next_steps, g_free);
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the report notes"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_note (CwStore     *self,
            const char  *case_id,
            guint        year,
            const char  *how_it_went,
            const char  *next_steps,
            GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  /* Nothing written is nothing stored: clearing both fields removes the row. */
  if (*how_it_went == '\0' && *next_steps == '\0')
    {
      stmt = cw_store_prepare (self, "DELETE FROM report_notes WHERE case_id = ? AND year = ?",
                               error);
      if (stmt == NULL)
        return FALSE;
      cw_sql_bind_text (stmt, 1, case_id);
      sqlite3_bind_int64 (stmt, 2, year);
      return cw_store_step_done (self, stmt, error);
    }

  stmt = cw_store_prepare (self,
                           "INSERT INTO report_notes (case_id, year, how_it_went, next_steps, updated)"
                           " VALUES (?1, ?2, ?3, ?4, ?5)"
                           " ON CONFLICT (case_id, year) DO UPDATE SET"
                           " how_it_went = excluded.how_it_went, next_steps = excluded.next_steps,"
                           " updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;

  now = cw_timestamp_now ();
  cw_sql_bind_text (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, year);
  cw_sql_bind_text (stmt, 3, how_it_went);
  cw_sql_bind_text (stmt, 4, next_steps);
  cw_sql_bind_text (stmt, 5, now);
  return cw_store_step_done (self, stmt, error);
}

/**
 * cw_store_save_report_note:
 * @how_it_went: (nullable): the group's words on the year
 * @next_steps: (nullable): the plans for the next year
 *
 * Stores what the group wrote about @case_id for @year's report,
 * replacing what was there. Fails with %CW_STORE_ERROR_NOT_FOUND for a
 * case that is not in the database.
 */
gboolean
cw_store_save_report_note (CwStore     *self,
                           const char  *case_id,
                           guint        year,
                           const char  *how_it_went,
                           const char  *next_steps,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_year (year, error))
    return FALSE;
  if ((how_it_went != NULL && !g_utf8_validate (how_it_went, -1, NULL)) ||
      (next_steps != NULL && !g_utf8_validate (next_steps, -1, NULL)))
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("The report notes are not valid text"));
      return FALSE;
    }

  if (!cw_store_begin (self, error))
    return FALSE;

  if (!cw_store_has_case (self, case_id))
    g_set_error (&local_error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                 _("There is no case with the id “%s”"), case_id);
  else
    write_note (self, case_id, year, how_it_went != NULL ? how_it_went : "",
                next_steps != NULL ? next_steps : "", &local_error);

  if (local_error != NULL)
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return cw_store_commit (self, error);
}
