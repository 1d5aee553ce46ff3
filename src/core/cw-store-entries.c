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
 * cw_store_get_timeline_dates:
 * @include_private: whether private entries count
 * @after: (nullable): a date, of any precision
 * @first: (out) (optional): the date of the case's first entry, or %NULL
 * @last: (out) (optional): the date of its last entry, or %NULL
 * @first_after: (out) (optional): the date of its first entry after
 *   @after, or %NULL
 *
 * What a case's timeline says of when the case was open, without reading
 * it entry by entry. Dates of any precision compare as text.
 */
gboolean
cw_store_get_timeline_dates (CwStore     *self,
                             const char  *case_id,
                             gboolean     include_private,
                             const char  *after,
                             char       **first,
                             char       **last,
                             char       **first_after,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);

  stmt = cw_store_prepare (self,
                           "SELECT min (date), max (date),"
                           " min (CASE WHEN date > ?3 THEN date END)"
                           " FROM entries WHERE case_id = ?1 AND (?2 OR private = 0)", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, case_id);
  sqlite3_bind_int (stmt, 2, include_private ? 1 : 0);
  cw_sql_bind_text (stmt, 3, after);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (first != NULL)
        *first = cw_sql_column_dup (stmt, 0);
      if (last != NULL)
        *last = cw_sql_column_dup (stmt, 1);
      if (first_after != NULL)
        *first_after = cw_sql_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the timeline"));
      return FALSE;
    }
  return TRUE;
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

/* What the window saves, as the store keeps all text: with only what a
 * casefile can carry. An import's entries come from casefiles, which
 * cannot hold anything else. */
static void
clean_entry_text (CwEntry *entry)
{
  g_autofree char *title = cw_store_clean_text (cw_entry_get_title (entry));
  g_autofree char *notes = cw_store_clean_text (cw_entry_get_notes (entry));

  if (title != NULL)
    cw_entry_set_title (entry, title);
  if (notes != NULL)
    cw_entry_set_notes (entry, notes);
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

/* The entry's values, bound for the one step that follows while @entry
 * and @now hold them: SQLite need not copy them. */
static void
bind_static (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static void
bind_entry (sqlite3_stmt *stmt,
            CwEntry      *entry,
            const char   *now)
{
  bind_static (stmt, 1, cw_entry_get_id (entry));
  bind_static (stmt, 2, cw_entry_get_case_id (entry));
  bind_static (stmt, 3, cw_entry_get_date (entry));
  sqlite3_bind_int (stmt, 4, cw_entry_get_precision (entry));
  bind_static (stmt, 5, cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, cw_entry_get_category (entry)));
  bind_static (stmt, 6, cw_entry_get_kind (entry));
  if (cw_entry_get_count (entry) >= 0)
    sqlite3_bind_int64 (stmt, 7, cw_entry_get_count (entry));
  sqlite3_bind_int (stmt, 8, cw_entry_get_private (entry) ? 1 : 0);
  bind_static (stmt, 9, cw_entry_get_title (entry));
  bind_static (stmt, 10, cw_entry_get_notes (entry));
  bind_static (stmt, 11, now);
}

static gboolean write_entry (CwStore     *self,
                             CwEntry     *entry,
                             const char  *now,
                             GError     **error);

/* An entry that cannot be in the store yet, its case being new: a plain
 * insert. Its id can still be another case's entry's, which is refused
 * just as write_entry() refuses it, by write_entry() itself. */
static gboolean
insert_entry (CwStore     *self,
              CwEntry     *entry,
              const char  *now,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = cw_store_prepare (self,
    "INSERT INTO entries (id, case_id, date, precision, category, kind, count, private, title,"
    " notes, created, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  if (stmt == NULL)
    return FALSE;

  bind_entry (stmt, entry, now);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  /* The id is taken: write_entry() says by whom, as it always has. */
  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY && !sqlite3_get_autocommit (self->db))
    return write_entry (self, entry, now, error);

  cw_store_set_sqlite_error (self, error, rc, _("Could not save the change"));
  return FALSE;
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

  bind_entry (stmt, entry, now);
  if (!cw_store_step_done (self, stmt, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  sqlite3_clear_bindings (stmt);

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("The timeline entry %s belongs to another case"), cw_entry_get_id (entry));
      return FALSE;
    }

  return TRUE;
}

/**
 * cw_store_write_entry:
 * @case_is_new: the entry's case was not in the store when this
 *   transaction began, so neither is the entry under it
 * @now: the time to stamp it with
 *
 * Checks and adds or updates a timeline entry that has an id, inside a
 * transaction the caller holds, without touching its case or queueing a
 * change: an import does both once per case. On an error the caller rolls
 * back.
 */
gboolean
cw_store_write_entry (CwStore     *self,
                      CwEntry     *entry,
                      gboolean     case_is_new,
                      const char  *now,
                      GError     **error)
{
  g_assert (self->transaction_depth > 0);
  g_return_val_if_fail (cw_entry_get_id (entry) != NULL, FALSE);

  if (!check_entry (entry, error))
    return FALSE;
  return case_is_new ? insert_entry (self, entry, now, error)
                     : write_entry (self, entry, now, error);
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

  clean_entry_text (entry);
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

  cw_store_queue_entry_change (self, cw_entry_get_case_id (entry), cw_entry_get_id (entry));
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

  cw_store_queue_entry_change (self, case_id, id);
  return cw_store_commit (self, error);
}

/* Reading a whole timeline only to write it out, as an export does: rows
 * straight from the statement, with no CwEntry, no setters and no
 * notifications per entry. */

/* The nick as a string that outlives the row; an unknown one reads as
 * activity, as it does in a CwEntry. */
static const char *
category_nick (const char *stored)
{
  if (g_strcmp0 (stored, "outcome") == 0)
    return "outcome";
  if (g_strcmp0 (stored, "update") == 0)
    return "update";
  return "activity";
}

static const char *
row_text (CwEntryRows  *rows,
          sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  return g_string_chunk_insert_len (rows->text, text, sqlite3_column_bytes (stmt, column));
}

/**
 * cw_entry_row_compare:
 *
 * The order of a casefile's timeline: oldest first, by date, then by id.
 * Partial ISO dates sort as strings: "2024" < "2024-11" < "2024-11-03".
 */
int
cw_entry_row_compare (gconstpointer a,
                      gconstpointer b)
{
  const CwEntryRow *row_a = a;
  const CwEntryRow *row_b = b;
  int cmp = g_strcmp0 (row_a->date, row_b->date);

  return cmp != 0 ? cmp : g_strcmp0 (row_a->id, row_b->id);
}

CwEntryRows *
cw_entry_rows_new (void)
{
  CwEntryRows *rows = g_new0 (CwEntryRows, 1);

  rows->rows = g_array_new (FALSE, FALSE, sizeof (CwEntryRow));
  rows->text = g_string_chunk_new (32 * 1024);
  return rows;
}

void
cw_entry_rows_free (CwEntryRows *rows)
{
  if (rows == NULL)
    return;

  g_array_unref (rows->rows);
  g_string_chunk_free (rows->text);
  g_free (rows);
}

/* Rows come from the index in date order, but entries of one date (there
 * can be thousands, from an import of year-only dates) still need their
 * ids in order: a real sort, not insertion into place. */
static void
sort_rows (GArray *rows)
{
  g_array_sort (rows, cw_entry_row_compare);
}

/**
 * cw_store_read_entry_rows:
 * @rows: filled with the case's timeline, private entries included, in
 *   the order of cw_entry_row_compare(); what it held before is dropped
 *
 * Reads a case's whole timeline as rows, for writing it out.
 */
gboolean
cw_store_read_entry_rows (CwStore      *self,
                          const char   *case_id,
                          CwEntryRows  *rows,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  g_array_set_size (rows->rows, 0);
  g_string_chunk_clear (rows->text);

  /* By date only: entries_by_case_date gives that order for nothing,
   * where "date, id" would sort every row again in a temporary b-tree. */
  stmt = cw_store_prepare (self,
                           "SELECT id, date, category, kind, count, private, title, notes"
                           " FROM entries WHERE case_id = ? ORDER BY date", error);
  if (stmt == NULL)
    return FALSE;
  cw_sql_bind_text (stmt, 1, case_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CwEntryRow row;

      row.id = row_text (rows, stmt, 0);
      row.date = row_text (rows, stmt, 1);
      row.category = category_nick ((const char *) sqlite3_column_text (stmt, 2));
      row.kind = row_text (rows, stmt, 3);
      row.count = sqlite3_column_type (stmt, 4) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 4)
                                                                : CW_ENTRY_NO_COUNT;
      row.is_private = sqlite3_column_int (stmt, 5) != 0;
      row.title = row_text (rows, stmt, 6);
      row.notes = row_text (rows, stmt, 7);
      g_array_append_val (rows->rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_array_set_size (rows->rows, 0);
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the timeline"));
      return FALSE;
    }

  sort_rows (rows->rows);
  return TRUE;
}

/**
 * cw_store_list_case_ids:
 *
 * The id of every case and nothing else, in id order: for an export,
 * which loads each case in full later.
 *
 * Returns: (transfer full) (element-type utf8): the ids
 */
GPtrArray *
cw_store_list_case_ids (CwStore  *self,
                        GError  **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), NULL);

  stmt = cw_store_prepare (self, "SELECT id FROM cases ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, cw_sql_column_dup (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the cases"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * cw_store_begin_read:
 * @started: (out): whether a read transaction was started; hand it to
 *   cw_store_end_read()
 *
 * Lets a run of reads, such as an export, see one state of the database
 * even while another connection writes, and spares SQLite taking and
 * dropping its locks for every statement. Inside a transaction that is
 * already open, nothing is started. Nothing may be written until
 * cw_store_end_read().
 */
gboolean
cw_store_begin_read (CwStore   *self,
                     gboolean  *started,
                     GError   **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (started != NULL, FALSE);

  *started = FALSE;
  if (self->transaction_depth > 0 || !sqlite3_get_autocommit (self->db))
    return TRUE;

  if (!cw_store_exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  *started = TRUE;
  return TRUE;
}

void
cw_store_end_read (CwStore  *self,
                   gboolean  started)
{
  g_return_if_fail (CW_IS_STORE (self));

  /* Nothing was written: ending it cannot lose anything. */
  if (started && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}
