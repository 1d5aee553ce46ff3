/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cw-store-private.h"

/*
 * CwStore is the only place that speaks SQL. It owns the connection,
 * brings the schema up to date, and reports what changed once a write has
 * been committed, so views never show what a rollback took back.
 */

typedef struct {
  CwStoreChange change;
  char *id;
  char *entry_id;     /* the one entry of the case that changed, if known */
  gboolean entries;   /* more than one did, or which is not known */
} PendingChange;

G_DEFINE_FINAL_TYPE (CwStore, cw_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cw-store-error-quark, cw_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CASE_ADDED,
  CASE_CHANGED,
  CASE_REMOVED,
  ENTRIES_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define BUSY_TIMEOUT_MS 5000

static void
pending_change_clear (gpointer data)
{
  PendingChange *pc = data;

  g_free (pc->id);
  g_free (pc->entry_id);
}

/* Whether @c is one XML can carry, which every stored text must be to go
 * out in a casefile. */
static gboolean
char_is_xml (gunichar c)
{
  return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
}

/**
 * cw_store_clean_text:
 *
 * Text as the store keeps it: valid UTF-8 with only characters a casefile
 * can carry. A control character pasted in from elsewhere (a form feed
 * from a PDF, say) would otherwise make every export of its case fail.
 *
 * Returns: (nullable): the cleaned text, or %NULL if @text needs nothing
 */
char *
cw_store_clean_text (const char *text)
{
  gboolean clean = TRUE;
  GString *cleaned;
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;

  /* The usual text is plain ASCII without controls: looked at a byte at a
   * time; beyond ASCII, as characters. */
  for (const guchar *p = (const guchar *) text; *p != '\0' && clean; p++)
    if (*p >= 0x80)
      {
        const char *end;

        if (!g_utf8_validate ((const char *) p, -1, &end))
          clean = FALSE;
        for (const char *q = (const char *) p; clean && *q != '\0'; q = g_utf8_next_char (q))
          clean = char_is_xml (g_utf8_get_char (q));
        break;
      }
    else if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      clean = FALSE;
  if (clean)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  cleaned = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (char_is_xml (c))
        g_string_append_unichar (cleaned, c);
    }
  return g_string_free (cleaned, FALSE);
}

void
cw_sql_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  g_autofree char *clean = cw_store_clean_text (text);

  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, clean != NULL ? clean : text, -1, SQLITE_TRANSIENT);
}

char *
cw_sql_column_dup (sqlite3_stmt *stmt,
                   int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* What went wrong with the file, in words for the person at the keyboard:
 * what failed, which file, and what they can do about it. */
void
cw_store_set_sqlite_error (CwStore     *self,
                           GError     **error,
                           int          rc,
                           const char  *what)
{
  const char *path = self->path != NULL ? self->path : "";
  g_autofree char *detail = NULL;
  CwStoreError code;

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = CW_STORE_ERROR_BUSY;
      detail = g_strdup_printf (_("“%s” is in use by another program, perhaps another Casework "
                                  "window. Close it, then try again"), path);
      break;
    case SQLITE_FULL:
      code = CW_STORE_ERROR_FULL;
      detail = g_strdup_printf (_("the disk that holds “%s” is full. Free some space on it, "
                                  "then try again; what was saved before is kept"), path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = CW_STORE_ERROR_READ_ONLY;
      detail = g_strdup_printf (_("“%s” cannot be written. Check that you may write to the file "
                                  "and to its folder, then try again"), path);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = CW_STORE_ERROR_NOT_CASEWORK;
      break;
    case SQLITE_CONSTRAINT:
      code = CW_STORE_ERROR_INVALID;
      break;
    case SQLITE_IOERR:
      code = CW_STORE_ERROR_IO;
      detail = g_strdup_printf (_("the disk reported an error while reading or writing “%s”. "
                                  "Check the disk or its connection, then try again"), path);
      break;
    case SQLITE_CANTOPEN:
      code = CW_STORE_ERROR_IO;
      detail = g_strdup_printf (_("“%s” could not be opened. Check that you may read and write "
                                  "the file and its folder, then try again"), path);
      break;
    default:
      code = CW_STORE_ERROR_FAILED;
    }

  if (detail == NULL)
    detail = g_strdup (self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  g_set_error (error, CW_STORE_ERROR, code, "%s: %s", what, detail);
}

gboolean
cw_store_exec (CwStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not update the database"));
      return FALSE;
    }
  return TRUE;
}

/* The page cache, in SQLite's terms: pages if positive, KiB if negative.
 * Every connection has 16 MiB, enough for the case list and an export to
 * read the timeline without going back to the disk. A big import used to
 * get 32 MiB for its transaction; an import of 2,000 cases and 200,000
 * entries measured no faster with it (nor with 64 MiB), only bigger. */
gboolean
cw_store_get_cache_size (CwStore  *self,
                         int      *value,
                         GError  **error)
{
  return cw_store_query_int (self, "PRAGMA cache_size", value, error);
}

/* A cached statement, reset and with its bindings cleared. */
sqlite3_stmt *
cw_store_prepare (CwStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the database"));
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
cw_store_step_done (CwStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not save the change"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
cw_store_check_writable (CwStore  *self,
                         GError  **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY,
                       self->read_only_reason);
  return FALSE;
}

static char *
change_key (CwStoreChange  change,
            const char    *id)
{
  return g_strdup_printf ("%d:%s", change, id);
}

/* Queues @change of @id once however often it is queued; @entry_id, for
 * a change of a case's entries, is the entry that changed, or %NULL if
 * more than one did or which is not known. */
static void
cw_store_queue_entry_change_full (CwStore       *self,
                                  CwStoreChange  change,
                                  const char    *id,
                                  const char    *entry_id)
{
  PendingChange pc = { change, NULL, NULL, FALSE };
  char *key = change_key (change, id);
  gpointer index;

  g_assert (self->transaction_depth > 0);

  /* An import queues a change per case: a table keeps that linear. */
  if (g_hash_table_lookup_extended (self->pending_keys, key, NULL, &index))
    {
      PendingChange *queued = &g_array_index (self->pending_changes, PendingChange,
                                              GPOINTER_TO_UINT (index) - 1);

      if (g_strcmp0 (queued->entry_id, entry_id) != 0)
        {
          g_clear_pointer (&queued->entry_id, g_free);
          queued->entries = TRUE;
        }
      g_free (key);
      return;
    }

  pc.id = g_strdup (id);
  pc.entry_id = g_strdup (entry_id);
  pc.entries = entry_id == NULL;
  g_array_append_val (self->pending_changes, pc);
  g_hash_table_insert (self->pending_keys, key,
                       GUINT_TO_POINTER (self->pending_changes->len));
}

/* A change of one entry of a case: a view of the timeline need only read
 * that entry again (cw_store_get_changed_entry()). */
void
cw_store_queue_entry_change (CwStore    *self,
                             const char *case_id,
                             const char *entry_id)
{
  cw_store_queue_entry_change_full (self, CW_STORE_CHANGE_ENTRIES, case_id, entry_id);
}

void
cw_store_queue_change (CwStore       *self,
                       CwStoreChange  change,
                       const char    *id)
{
  cw_store_queue_entry_change_full (self, change, id, NULL);
}

/* Forgets the changes queued after the first @len. */
static void
truncate_pending_changes (CwStore *self,
                          guint    len)
{
  for (guint i = len; i < self->pending_changes->len; i++)
    {
      PendingChange *pc = &g_array_index (self->pending_changes, PendingChange, i);
      g_autofree char *key = change_key (pc->change, pc->id);

      g_hash_table_remove (self->pending_keys, key);
    }
  g_array_set_size (self->pending_changes, len);
}

static void
emit_pending_changes (CwStore *self)
{
  g_autoptr(GArray) changes = self->pending_changes;

  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending_changes, pending_change_clear);
  g_hash_table_remove_all (self->pending_keys);

  for (guint i = 0; i < changes->len; i++)
    {
      PendingChange *pc = &g_array_index (changes, PendingChange, i);
      guint signal_id = pc->change == CW_STORE_CHANGE_CASE_ADDED ? signals[CASE_ADDED]
                      : pc->change == CW_STORE_CHANGE_CASE_CHANGED ? signals[CASE_CHANGED]
                      : pc->change == CW_STORE_CHANGE_CASE_REMOVED ? signals[CASE_REMOVED]
                      : signals[ENTRIES_CHANGED];

      self->changed_entry = pc->entries ? NULL : pc->entry_id;
      g_signal_emit (self, signal_id, 0, pc->id);
      self->changed_entry = NULL;
    }
}

/**
 * cw_store_get_changed_entry:
 *
 * While "entries-changed" is emitted: the id of the entry that changed
 * (added, edited or deleted), if only that one of the case's did.
 *
 * Returns: (nullable): the entry's id; %NULL if several changed, if which
 *   is not known, or outside the signal
 */
const char *
cw_store_get_changed_entry (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  return self->changed_entry;
}

/**
 * cw_store_begin:
 *
 * Starts a transaction, or a savepoint inside one already open, so that
 * several writes land together or not at all.
 */
gboolean
cw_store_begin (CwStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  if (!cw_store_check_writable (self, error))
    return FALSE;

  if (!cw_store_exec (self, self->transaction_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT cw_nested",
                      error))
    return FALSE;

  if (self->transaction_depth > 0)
    g_array_append_val (self->savepoint_marks, self->pending_changes->len);
  self->transaction_depth++;
  return TRUE;
}

gboolean
cw_store_commit (CwStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth > 1)
    {
      if (!cw_store_exec (self, "RELEASE cw_nested", error))
        {
          cw_store_rollback (self);
          return FALSE;
        }
      g_array_set_size (self->savepoint_marks, self->savepoint_marks->len - 1);
      self->transaction_depth--;
      return TRUE;
    }

  if (!cw_store_exec (self, "COMMIT", error))
    {
      cw_store_rollback (self);
      return FALSE;
    }

  self->transaction_depth = 0;
  emit_pending_changes (self);
  return TRUE;
}

void
cw_store_rollback (CwStore *self)
{
  g_return_if_fail (CW_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  self->transaction_depth--;

  if (self->transaction_depth > 0)
    {
      guint mark = g_array_index (self->savepoint_marks, guint, self->savepoint_marks->len - 1);

      sqlite3_exec (self->db, "ROLLBACK TO cw_nested; RELEASE cw_nested", NULL, NULL, NULL);
      /* What was queued inside the savepoint was taken back with it. */
      g_array_set_size (self->savepoint_marks, self->savepoint_marks->len - 1);
      truncate_pending_changes (self, mark);
      return;
    }

  /* SQLite may already have rolled back on its own (disk full, I/O error). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  truncate_pending_changes (self, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
cw_store_finalize (GObject *object)
{
  CwStore *self = (CwStore *) object;

  if (self->transaction_depth > 0)
    g_critical ("Store closed with a transaction open; it is rolled back");

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->pending_changes, g_array_unref);
  g_clear_pointer (&self->savepoint_marks, g_array_unref);
  g_clear_pointer (&self->pending_keys, g_hash_table_unref);
  g_free (self->path);
  g_free (self->read_only_reason);

  G_OBJECT_CLASS (cw_store_parent_class)->finalize (object);
}

static void
cw_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CwStore *self = CW_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cw_store_class_init (CwStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cw_store_finalize;
  object_class->get_property = cw_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CASE_ADDED] =
    g_signal_new ("case-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CASE_REMOVED] =
    g_signal_new ("case-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ENTRIES_CHANGED] =
    g_signal_new ("entries-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cw_store_init (CwStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->pending_changes = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending_changes, pending_change_clear);
  self->savepoint_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pending_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cw_store_default_path:
 *
 * Where the user's database lives unless they pick another:
 * `$CASEWORK_DB`, else `$XDG_DATA_HOME/casework/casework.db`.
 */
char *
cw_store_default_path (void)
{
  const char *env = g_getenv ("CASEWORK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "casework", "casework.db", NULL);
}

/* The one number a query without parameters answers. */
gboolean
cw_store_query_int (CwStore     *self,
                    const char  *sql,
                    int         *value,
                    GError     **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the database"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (CwStore  *self,
                   int      *version,
                   int      *n_tables,
                   GError  **error)
{
  /* Reading the header is the first thing that touches the file, so this is
   * where a file that is not SQLite at all shows itself. */
  return cw_store_query_int (self, "PRAGMA user_version", version, error) &&
         cw_store_query_int (self, "SELECT count(*) FROM sqlite_schema", n_tables, error);
}

static gboolean
open_connection (CwStore   *self,
                 int        flags,
                 GError   **error)
{
  int rc;

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_IO,
                   _("Could not open the database “%s”: %s"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Turn off what a hostile database file could use against us. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);

  return cw_store_exec (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean
open_read_only (CwStore  *self,
                int       version,
                GError  **error)
{
  if (!open_connection (self, SQLITE_OPEN_READONLY, error))
    return FALSE;

  self->read_only = TRUE;
  self->schema_version = version;
  self->read_only_reason =
    g_strdup_printf (_("This database was written by a newer version of Casework "
                       "(database version %d; this version knows up to %d). "
                       "It is open read-only, so nothing in it changes."),
                     version, CW_STORE_SCHEMA_VERSION);
  g_message ("%s: %s", self->path, self->read_only_reason);
  return TRUE;
}

/**
 * cw_store_read_schema_version:
 * @version: (out): the schema version, 0 for an empty database
 *
 * Whether the file is a Casework database, as far as its header tells:
 * SQLite at all, and either empty or stamped with a schema version. An
 * SQLite database of another program has tables and no version.
 */
gboolean
cw_store_read_schema_version (CwStore  *self,
                              int      *version,
                              GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  int n_tables = 0;

  if (!read_user_version (self, version, &n_tables, &local_error))
    {
      /* A file that is locked or cannot be read says so: it may well be ours. */
      if (g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_BUSY) ||
          g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_IO) ||
          g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY) ||
          g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_FULL))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is not a Casework database (%s)"), self->path, local_error->message);
      return FALSE;
    }

  if (*version == 0 && n_tables > 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is an SQLite database of another program, not a Casework database"),
                   self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * cw_store_file_needs_update:
 * @path: a database file
 *
 * Whether cw_store_open() would bring @path's schema up to date before
 * opening it: a copy of the whole file and, for a database of a million
 * entries, seconds of work rather than milliseconds. It only looks, and
 * changes nothing; %FALSE for a missing file, a new or empty one, one
 * that is up to date or newer, and one it cannot read (opening it will
 * say why).
 */
gboolean
cw_store_file_needs_update (const char *path)
{
  g_autoptr(CwStore) store = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  store = cw_store_open_file_read_only (path, NULL);
  return store != NULL &&
         cw_store_read_schema_version (store, &version, NULL) &&
         version > 0 && version < CW_STORE_SCHEMA_VERSION;
}

/**
 * cw_store_open_file_read_only:
 *
 * Opens @path read-only just as it is, to look at it before trusting it
 * (a backup about to be restored): no migration, no change of journal, no
 * file created if it is missing. Nothing is checked yet.
 */
CwStore *
cw_store_open_file_read_only (const char  *path,
                              GError     **error)
{
  g_autoptr(CwStore) self = g_object_new (CW_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->read_only = TRUE;
  self->read_only_reason = g_strdup (_("This file is open only to be read."));
  if (!open_connection (self, SQLITE_OPEN_READONLY, error))
    return NULL;

  return g_steal_pointer (&self);
}

CwStore *
cw_store_open_with_migrations (const char         *path,
                               const CwMigration  *migrations,
                               guint               n_migrations,
                               GError            **error)
{
  g_autoptr(CwStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  int version = 0;
  int latest;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (n_migrations > 0, NULL);

  self = g_object_new (CW_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  latest = migrations[n_migrations - 1].version;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;

  if (!cw_store_read_schema_version (self, &version, &local_error))
    {
      g_set_error (error, CW_STORE_ERROR, local_error->code, _("%s; it was left as it is"),
                   local_error->message);
      return NULL;
    }

  if (version > latest)
    {
      if (!open_read_only (self, version, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  /* The file itself may not be written (its permissions, a read-only
   * disk), and SQLite opened it read-only: say so, and change nothing. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      if (version < latest)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY,
                       _("“%s” cannot be written, so Casework cannot set it up or bring it up "
                         "to date. Check that you may write to the file and to its folder, "
                         "then open it again"), path);
          return NULL;
        }
      self->read_only = TRUE;
      self->schema_version = version;
      self->read_only_reason =
        g_strdup_printf (_("“%s” cannot be written. Check that you may write to the file and to "
                           "its folder, then open it again. Until then it is open read-only, so "
                           "nothing in it changes."), path);
      g_message ("%s", self->read_only_reason);
      return g_steal_pointer (&self);
    }

  if (!cw_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !cw_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !cw_store_exec (self, "PRAGMA cache_size = -16384", error))
    return NULL;

  self->schema_version = version;
  if (!cw_store_migrate (self, migrations, n_migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cw_store_open:
 * @path: the database file; created with the current schema if missing
 *
 * Opens a Casework database and brings its schema up to date. A database
 * from a newer Casework opens read-only and is never altered.
 */
CwStore *
cw_store_open (const char  *path,
               GError     **error)
{
  const CwMigration *migrations;
  guint n_migrations;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  migrations = cw_store_migrations (&n_migrations);
  return cw_store_open_with_migrations (path, migrations, n_migrations, error);
}

const char *
cw_store_get_path (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  return self->path;
}

gboolean
cw_store_get_read_only (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
cw_store_get_read_only_reason (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), NULL);
  return self->read_only_reason;
}

int
cw_store_get_schema_version (CwStore *self)
{
  g_return_val_if_fail (CW_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * cw_store_check_integrity:
 *
 * Asks SQLite to check the whole file, every page and index of it.
 *
 * Returns: %TRUE if the database is sound; else @error says what is wrong
 */
gboolean
cw_store_check_integrity (CwStore  *self,
                          GError  **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);

  stmt = cw_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not check the database"));
      return FALSE;
    }
  if (problems->len > 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   _("“%s” is damaged: %s"), self->path, problems->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *attributes = G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE;

  if (g_file_equal (a, b))
    return TRUE;

  /* Another name for the same file: a link, or a path with "..". */
  info_a = g_file_query_info (a, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info_a != NULL && info_b != NULL &&
         g_file_info_has_attribute (info_a, G_FILE_ATTRIBUTE_UNIX_INODE) &&
         g_file_info_get_attribute_uint32 (info_a, G_FILE_ATTRIBUTE_UNIX_DEVICE) ==
         g_file_info_get_attribute_uint32 (info_b, G_FILE_ATTRIBUTE_UNIX_DEVICE) &&
         g_file_info_get_attribute_uint64 (info_a, G_FILE_ATTRIBUTE_UNIX_INODE) ==
         g_file_info_get_attribute_uint64 (info_b, G_FILE_ATTRIBUTE_UNIX_INODE);
}

/**
 * cw_store_is_database_file:
 *
 * Whether @file is the database itself or one of its journal files, under
 * any name.
 */
gboolean
cw_store_is_database_file (CwStore *self,
                           GFile   *file)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (self->path, suffixes[i], NULL);
      g_autoptr(GFile) own = g_file_new_for_path (path);

      if (same_file (file, own))
        return TRUE;
    }
  return FALSE;
}

/**
 * cw_store_check_output_file:
 * @file: where an export, a report or a letter pack is about to be written
 *
 * Refuses a file that is the database itself, its journal files or one of
 * its backups: writing there would destroy the group's records.
 */
gboolean
cw_store_check_output_file (CwStore  *self,
                            GFile    *file,
                            GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *db_name = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) db_file = NULL;
  g_autoptr(GFile) db_parent = NULL;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (cw_store_is_database_file (self, file))
    goto refuse;

  name = g_file_get_basename (file);
  db_name = g_path_get_basename (self->path);
  parent = g_file_get_parent (file);
  db_file = g_file_new_for_path (self->path);
  db_parent = g_file_get_parent (db_file);
  if (parent != NULL && db_parent != NULL && same_file (parent, db_parent) &&
      g_str_has_prefix (name, db_name) &&
      (strstr (name + strlen (db_name), "-backup-") != NULL ||
       strstr (name + strlen (db_name), ".before-restore-") != NULL))
    goto refuse;

  return TRUE;

refuse:
  {
    g_autofree char *shown = g_file_get_parse_name (file);

    g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                 _("“%s” holds Casework’s own records; choose another file to write to"), shown);
  }
  return FALSE;
}
