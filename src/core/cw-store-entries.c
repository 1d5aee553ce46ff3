/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <glib/gi18n-lib.h>

#include "cw-store-private.h"

/* The timeline: every activity, outcome and update of a case. */

#define ENTRY_COLUMNS \
  "id, case_id, date, category, kind, count, private, title, notes, updated"

static CwEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  CwEntry *entry = cw_entry_new ();
  int category;

  cw_entry_set_id (entry, (const char *) sqlite3_column_text (stmt, 0));
  cw_entry_set_case_id (entry, (const char *) sqlite3_column_text (stmt, 1));
  cw_entry_set_date (entry, (const char *) sqlite3_column_text (stmt, 2));
  if (cw_enum_from_nick (CW_TYPE_ENTRY_CATEGORY, (const char *) sqlite3_column_text (stmt, 3),
                         &category))
    cw_entry_set_category (entry, category);
  cw_entry_set_kind (entry, (const char *) sqlite3_column_text (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    cw_entry_set_count (entry, sqlite3_column_int64 (stmt, 5));
  cw_entry_set_private (entry, sqlite3_column_int (stmt, 6) != 0);
  cw_entry_set_title (entry, (const char *) sqlite3_column_text (stmt, 7));
  cw_entry_set_notes (entry, (const char *) sqlite3_column_text (stmt, 8));
  cw_entry_set_updated (entry, (const char *) sqlite3_column_text (stmt, 9));

  return entry;
}

/**
 * cw_store_list_entries:
 *
 * Returns: (transfer container): the case's timeline, newest first
 */
GPtrArray *
cw_store_list_entries (CwStore     *self,
                       const char  *case_id,
                       GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  stmt = cw_store_prepare (self,
                           "SELECT " ENTRY_COLUMNS " FROM entries WHERE case_id = ?"
                           " ORDER BY date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  cw_sql_bind_text (stmt, 1, case_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the timeline"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * cw_store_list_entries_after:
 * @after: (nullable): an entry of the case; %NULL to start with the newest
 * @limit: how many entries at most
 *
 * A stretch of the case's timeline, in the order of
 * cw_store_list_entries(): the @limit entries that come after @after.
 *
 * Returns: (transfer container): the entries
 */
GPtrArray *
cw_store_list_entries_after (CwStore     *self,
                             const char  *case_id,
                             CwEntry     *after,
                             guint        limit,
                             GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);
  g_return_val_if_fail (after == NULL || CW_IS_ENTRY (after), NULL);

  if (after == NULL)
    stmt = cw_store_prepare (self,
                             "SELECT " ENTRY_COLUMNS " FROM entries WHERE case_id = ?1"
                             " ORDER BY date DESC, id DESC LIMIT ?2", error);
  else
    /* date <= ?3 lets the index on (case_id, date) start at @after. */
    stmt = cw_store_prepare (self,
                             "SELECT " ENTRY_COLUMNS " FROM entries WHERE case_id = ?1"
                             " AND date <= ?3 AND (date < ?3 OR id < ?4)"
                             " ORDER BY date DESC, id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  cw_sql_bind_text (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (after != NULL)
    {
      cw_sql_bind_text (stmt, 3, cw_entry_get_date (after));
      cw_sql_bind_text (stmt, 4, cw_entry_get_id (after));
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the timeline"));
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/**
 * cw_store_count_entries:
 *
 * Returns: how many entries the case's timeline has, 0 on error
 */
guint
cw_store_count_entries (CwStore    *self,
                        const char *case_id)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (CW_IS_STORE (self), 0);
  g_return_val_if_fail (case_id != NULL, 0);

  stmt = cw_store_prepare (self, "SELECT count(*) FROM entries WHERE case_id = ?", NULL);
  if (stmt == NULL)
    return 0;
  cw_sql_bind_text (stmt, 1, case_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

CwEntry *
cw_store_load_entry (CwStore     *self,
                     const char  *id,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  CwEntry *entry = NULL;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = cw_store_prepare (self, "SELECT " ENTRY_COLUMNS " FROM entries WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  cw_sql_bind_text (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                 _("There is no timeline entry with the id %s"), id);
  else
    cw_store_set_sqlite_error (self, error, rc, _("Could not read the timeline"));
  sqlite3_reset (stmt);

  return entry;
}

static gboolean
check_entry (CwEntry  *entry,
             GError  **error)
{
  const char *title = cw_entry_get_title (entry);
  const char *kind = cw_entry_get_kind (entry);
  g_autoptr(GError) date_error = NULL;
  CwDate date;

  if (cw_entry_get_case_id (entry) == NULL)
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("A timeline entry must belong to a case"));
      return FALSE;
    }

  if (!cw_date_parse (cw_entry_get_date (entry), &date, &date_error))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("Timeline entry date: %s"), date_error->message);
      return FALSE;
    }

  if (title == NULL || *title == '\0')
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                           _("A timeline entry needs a title"));
      return FALSE;
    }

  if (kind != NULL && !cw_entry_kind_is_valid (cw_entry_get_category (entry), kind))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is not a kind of %s"), kind,
                   cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, cw_entry_get_category (entry)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_entry (CwStore     *self,
             CwEntry     *entry,
             const char  *now,
             GError     **error)
{
  sqlite3_stmt *stmt;

  /* An id already used by another case's entry is refused rather than moved. */
  stmt = cw_store_prepare (self,
    "INSERT INTO entries (id, case_id, date, precision, category, kind, count, private, title,"
    " notes, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)"
    " ON CONFLICT (id) DO UPDATE SET date = excluded.date, precision = excluded.precision,"
    " category = excluded.category, kind = excluded.kind, count = excluded.count,"
    " private = excluded.private, title = excluded.title, notes = excluded.notes,"
    " updated = excluded.updated WHERE entries.case_id = excluded.case_id", error);
  if (stmt == NULL)
    return FALSE;

  cw_sql_bind_text (stmt, 1, cw_entry_get_id (entry));
  cw_sql_bind_text (stmt, 2, cw_entry_get_case_id (entry));
  cw_sql_bind_text (stmt, 3, cw_entry_get_date (entry));
  sqlite3_bind_int (stmt, 4, cw_entry_get_precision (entry));
  cw_sql_bind_text (stmt, 5, cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, cw_entry_get_category (entry)));
  cw_sql_bind_text (stmt, 6, cw_entry_get_kind (entry));
  if (cw_entry_get_count (entry) >= 0)
    sqlite3_bind_int64 (stmt, 7, cw_entry_get_count (entry));
  sqlite3_bind_int (stmt, 8, cw_entry_get_private (entry) ? 1 : 0);
  cw_sql_bind_text (stmt, 9, cw_entry_get_title (entry));
  cw_sql_bind_text (stmt, 10, cw_entry_get_notes (entry));
  cw_sql_bind_text (stmt, 11, now);

  if (!cw_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("The timeline entry %s belongs to another case"), cw_entry_get_id (entry));
      return FALSE;
    }

  return TRUE;
}

/**
 * cw_store_save_entry:
 * @entry: an entry; one without an id is new and is given one
 *
 * Adds or updates a timeline entry.
 */
gboolean
cw_store_save_entry (CwStore  *self,
                     CwEntry  *entry,
                     GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (CW_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_entry (entry, error))
    return FALSE;

  if (cw_entry_get_id (entry) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      cw_entry_set_id (entry, uuid);
    }

  if (!cw_store_begin (self, error))
    return FALSE;

  now = cw_timestamp_now ();
  if (!write_entry (self, entry, now, &local_error) ||
      !cw_store_touch_case (self, cw_entry_get_case_id (entry), &local_error))
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cw_store_queue_change (self, CW_STORE_CHANGE_ENTRIES, cw_entry_get_case_id (entry));
  if (!cw_store_commit (self, error))
    return FALSE;

  cw_entry_set_updated (entry, now);
  return TRUE;
}

gboolean
cw_store_delete_entry (CwStore     *self,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *case_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!cw_store_begin (self, error))
    return FALSE;

  stmt = cw_store_prepare (self, "DELETE FROM entries WHERE id = ? RETURNING case_id", &local_error);
  if (stmt != NULL)
    {
      int rc;

      cw_sql_bind_text (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        case_id = cw_sql_column_dup (stmt, 0);
      else if (rc == SQLITE_DONE)
        g_set_error (&local_error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_FOUND,
                     _("There is no timeline entry with the id %s"), id);
      else
        cw_store_set_sqlite_error (self, &local_error, rc, _("Could not delete the entry"));
      sqlite3_reset (stmt);
    }

  if (local_error == NULL)
    cw_store_touch_case (self, case_id, &local_error);

  if (local_error != NULL)
    {
      cw_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  cw_store_queue_change (self, CW_STORE_CHANGE_ENTRIES, case_id);
  return cw_store_commit (self, error);
}
