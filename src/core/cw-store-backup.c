/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cw-store-private.h"

/*
 * Backups and restoring them. A backup is a consistent copy made with
 * SQLite's backup API: written beside where it goes and renamed into place
 * only once it is complete, so an interrupted backup never leaves half a
 * file under the chosen name. A restore checks the backup first and
 * changes nothing if it is not sound; then it keeps a safety copy of what
 * the database holds now, and copies the backup into the open database,
 * so the connection and every view over it see the restored records. The
 * database file itself is never deleted or recreated.
 */

/* How long a copy waits for another connection that holds a lock. */
#define BUSY_RETRIES 50
#define BUSY_WAIT_US (100 * 1000)

void
cw_backup_info_clear (CwBackupInfo *info)
{
  g_clear_pointer (&info->last_changed, g_free);
}

static CwStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CW_STORE_ERROR_BUSY;
    case SQLITE_FULL:
      return CW_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return CW_STORE_ERROR_READ_ONLY;
    default:
      return CW_STORE_ERROR_IO;
    }
}

/* Copies all of @src into @dest in one step; with a lock held elsewhere,
 * waits a while and tries again. The destination is written in one
 * transaction: it gets the whole copy or keeps what it had. */
static int
run_backup (sqlite3 *dest,
            sqlite3 *src)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", src, "main");
  int rc;

  if (backup == NULL)
    return sqlite3_errcode (dest);

  for (guint tries = 0; ; tries++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries >= BUSY_RETRIES)
        break;
      g_usleep (BUSY_WAIT_US);
    }

  if (rc == SQLITE_DONE)
    return sqlite3_backup_finish (backup);

  sqlite3_backup_finish (backup);
  return rc;
}

/* Writes a copy of @src into @path, an empty file already claimed for it.
 * The copy leaves WAL mode, so that all of it is in the one file. @shown
 * is the name messages give. */
static gboolean
write_copy (sqlite3     *src,
            const char  *path,
            const char  *shown,
            GError     **error)
{
  sqlite3 *dest = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      rc = run_backup (dest, src);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK || sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, CW_STORE_ERROR, error_code_for (rc),
                   _("Could not write the backup “%s”: %s"), shown,
                   (rc & 0xff) == SQLITE_FULL ? _("the disk is full")
                   : dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  return TRUE;
}

static void
unlink_copy (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (journal);
  g_unlink (path);
}

/**
 * cw_store_backup_to:
 * @dest_path: a file that does not exist yet
 *
 * Copies the whole database, consistently, with SQLite's backup API, to a
 * new file: used before a migration and a restore.
 */
gboolean
cw_store_backup_to (CwStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  int fd;

  /* Claim the name first: a backup never overwrites a file, not even one
   * that appeared a moment ago. */
  fd = g_open (dest_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!write_copy (self->db, dest_path, dest_path, error))
    {
      /* A half-written backup would only mislead. */
      unlink_copy (dest_path);
      return FALSE;
    }

  return TRUE;
}

/* So that the rename survives a power cut as well as the data. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/**
 * cw_store_backup:
 * @dest_path: where the backup goes; an existing regular file there is
 *   replaced, once the backup is complete
 *
 * Writes a consistent copy of the whole database to @dest_path, while
 * other connections may go on writing. The copy is written to a new file
 * beside @dest_path and renamed into place only when it is complete. The
 * database itself, its journal files and its automatic backups are
 * refused.
 */
gboolean
cw_store_backup (CwStore     *self,
                 const char  *dest_path,
                 GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (dest_path);
  if (!cw_store_check_output_file (self, file, error))
    return FALSE;

  /* A file the user chose may be replaced; a folder, a link or a device
   * is not a backup's to replace. */
  if (g_lstat (dest_path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is not a regular file; choose another name for the backup"), dest_path);
      return FALSE;
    }

  dir = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CW_STORE_ERROR,
                   saved_errno == ENOSPC ? CW_STORE_ERROR_FULL : CW_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (!write_copy (self->db, tmp, dest_path, error))
    {
      unlink_copy (tmp);
      return FALSE;
    }

  if (g_rename (tmp, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      unlink_copy (tmp);
      return FALSE;
    }
  sync_folder (dir);

  return TRUE;
}

/* Checking a backup */

/* The tables, indexes, triggers and views a Casework database of @version
 * holds: the migrations up to it, run on an empty database in memory.
 * SQLite's own objects (sqlite_*) are left out. */
static GHashTable *
expected_objects (int      version,
                  GError **error)
{
  const CwMigration *migrations;
  guint n_migrations;
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  migrations = cw_store_migrations (&n_migrations);
  rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < n_migrations && migrations[i].version <= version; i++)
    rc = sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT type || ' ' || name FROM sqlite_schema "
                                 "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_add (objects, cw_sql_column_dup (stmt, 0));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED,
                   "Could not make the schema of version %d: %s", version, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_close (db);
  return g_steal_pointer (&objects);
}

/* The file holds what Casework makes, and nothing else: a trigger or a
 * view of another program's would come along with a restore. */
static gboolean
check_schema (CwStore  *candidate,
              int       version,
              GError  **error)
{
  g_autoptr(GHashTable) expected = expected_objects (version, error);
  g_autoptr(GHashTable) found = NULL;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  const char *object;
  int rc;

  if (expected == NULL)
    return FALSE;

  stmt = cw_store_prepare (candidate, "SELECT type || ' ' || name FROM sqlite_schema "
                                      "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", error);
  if (stmt == NULL)
    return FALSE;

  found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (found, cw_sql_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (candidate, error, rc, _("Could not read the backup"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, (gpointer *) &object, NULL))
    if (!g_hash_table_contains (expected, object))
      {
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                     _("“%s” is not a Casework backup: it holds the %s, which Casework "
                       "does not make"), candidate->path, object);
        return FALSE;
      }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &object, NULL))
    if (!g_hash_table_contains (found, object))
      {
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                     _("“%s” is damaged or not a Casework backup: the %s is missing"),
                     candidate->path, object);
        return FALSE;
      }

  return TRUE;
}

/* Every record that points at another finds it. */
static gboolean
check_references (CwStore  *candidate,
                  GError  **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (candidate, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is damaged: some of its records belong to cases that are not in it"),
                   candidate->path);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      cw_store_set_sqlite_error (candidate, error, rc, _("Could not read the backup"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_info (CwStore       *candidate,
           CwBackupInfo  *info,
           GError       **error)
{
  sqlite3_stmt *stmt;
  int n_cases = 0, n_entries = 0;
  int rc;

  if (!cw_store_query_int (candidate, "SELECT count(*) FROM cases", &n_cases, error) ||
      !cw_store_query_int (candidate, "SELECT count(*) FROM entries", &n_entries, error))
    return FALSE;

  stmt = cw_store_prepare (candidate, "SELECT max(updated) FROM cases", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    info->last_changed = cw_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cw_store_set_sqlite_error (candidate, error, rc, _("Could not read the backup"));
      return FALSE;
    }

  info->n_cases = n_cases;
  info->n_entries = n_entries;
  return TRUE;
}

/* Opening a database that is in WAL mode makes its -wal and -shm files;
 * they go again when looking at it leaves them as they were made. */
typedef struct {
  char *wal;
  char *shm;
  gboolean had_wal;
  gboolean had_shm;
} Traces;

static void
traces_init (Traces     *traces,
             const char *path)
{
  traces->wal = g_strconcat (path, "-wal", NULL);
  traces->shm = g_strconcat (path, "-shm", NULL);
  traces->had_wal = g_file_test (traces->wal, G_FILE_TEST_EXISTS);
  traces->had_shm = g_file_test (traces->shm, G_FILE_TEST_EXISTS);
}

static void
traces_clear (Traces *traces)
{
  GStatBuf st;

  if (traces->wal == NULL)
    return;

  if (!traces->had_wal && g_lstat (traces->wal, &st) == 0 && S_ISREG (st.st_mode) &&
      st.st_size == 0)
    {
      g_unlink (traces->wal);
      if (!traces->had_shm)
        g_unlink (traces->shm);
    }
  g_clear_pointer (&traces->wal, g_free);
  g_clear_pointer (&traces->shm, g_free);
}

/* An SQLite file says in its header how many pages it has: a file cut
 * short (a full disk, a copy pulled out too soon) has fewer. */
static gboolean
check_length (const char  *path,
              goffset      size,
              GError     **error)
{
  guint8 header[100];
  guint page_size;
  guint64 n_pages;
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return TRUE;   /* SQLite will say what is wrong */
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return TRUE;

  page_size = header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = (guint64) header[28] << 24 | header[29] << 16 | header[30] << 8 | header[31];
  /* The count holds only if it was written with the latest change. */
  if (memcmp (header + 24, header + 92, 4) != 0 || n_pages == 0)
    return TRUE;

  if ((guint64) size < n_pages * page_size)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is damaged: it is cut short, %" G_GUINT64_FORMAT " of %"
                     G_GUINT64_FORMAT " bytes"), path, (guint64) size, n_pages * page_size);
      return FALSE;
    }
  return TRUE;
}

/* Opens the backup at @path read-only and checks it; it is left in a read
 * transaction, so that what was checked is what a restore copies. */
static CwStore *
open_checked (const char    *path,
              CwBackupInfo  *info,
              GError       **error)
{
  g_autoptr(CwStore) candidate = NULL;
  g_autoptr(GError) local_error = NULL;
  const CwMigration *migrations;
  guint n_migrations;
  int version = 0;
  int latest;
  GStatBuf st;

  migrations = cw_store_migrations (&n_migrations);
  latest = migrations[n_migrations - 1].version;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CW_STORE_ERROR,
                   saved_errno == ENOENT ? CW_STORE_ERROR_NOT_FOUND : CW_STORE_ERROR_IO,
                   _("Could not read the backup “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is not a file, so not a Casework backup"), path);
      return NULL;
    }
  if (st.st_size == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is empty, so not a Casework backup"), path);
      return NULL;
    }

  if (!check_length (path, st.st_size, error))
    return NULL;

  candidate = cw_store_open_file_read_only (path, error);
  if (candidate == NULL)
    return NULL;

  /* One snapshot for the checks and the copy. */
  if (!cw_store_exec (candidate, "BEGIN", error))
    return NULL;

  if (!cw_store_read_schema_version (candidate, &version, &local_error))
    {
      /* An SQLite file that cannot be read through is damaged, not
       * another program's. */
      if ((sqlite3_errcode (candidate->db) & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                     _("“%s” is damaged: %s"), path, sqlite3_errmsg (candidate->db));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (version == 0)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” is an empty database, not a Casework backup"), path);
      return NULL;
    }
  if (version > latest)
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                   _("“%s” was written by a newer version of Casework (database version %d; "
                     "this version knows up to %d). Restore it with that version"),
                   path, version, latest);
      return NULL;
    }

  if (!cw_store_check_integrity (candidate, &local_error))
    {
      if (g_error_matches (local_error, CW_STORE_ERROR, CW_STORE_ERROR_FAILED))
        g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                             local_error->message);
      else
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK,
                     _("“%s” is damaged: %s"), path, local_error->message);
      return NULL;
    }

  if (!check_schema (candidate, version, error) ||
      !check_references (candidate, error))
    return NULL;

  info->schema_version = version;
  if (!read_info (candidate, info, error))
    return NULL;

  return g_steal_pointer (&candidate);
}

/**
 * cw_store_check_backup:
 * @path: a file that may be a backup of a Casework database
 * @info: (out caller-allocates) (optional): what the backup holds, for the
 *   user to confirm; clear it with cw_backup_info_clear()
 *
 * Opens @path read-only and checks, without changing it, that it is a
 * sound Casework database this version can restore: SQLite, whole
 * (`PRAGMA integrity_check`), of the tables Casework makes and no others,
 * and of a schema version no newer than this program knows.
 */
gboolean
cw_store_check_backup (const char    *path,
                       CwBackupInfo  *info,
                       GError       **error)
{
  g_auto(CwBackupInfo) found = { 0 };
  g_autoptr(CwStore) candidate = NULL;
  g_autofree char *absolute = NULL;
  gboolean sound;
  Traces traces;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An absolute path is never read as a URI. */
  absolute = g_canonicalize_filename (path, NULL);
  traces_init (&traces, absolute);
  candidate = open_checked (absolute, &found, error);
  sound = candidate != NULL;
  g_clear_object (&candidate);
  traces_clear (&traces);
  if (!sound)
    return FALSE;

  if (info != NULL)
    {
      *info = found;
      found.last_changed = NULL;
    }
  return TRUE;
}

/* Restoring */

static char *
safety_copy_path (CwStore *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  char *path = g_strdup_printf ("%s.before-restore-%s", self->path, stamp);

  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.before-restore-%s-%u", self->path, stamp, n);
    }
  return path;
}

/* Removes @path and every file beside it whose name starts with it: its
 * journal files and the backup a migration made of it. */
static void
remove_with_companions (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_equal (name, base) ||
        (g_str_has_prefix (name, base) && strchr ("-.", name[strlen (base)]) != NULL))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
}

/* A backup of an older schema is brought up to date in a copy of its own
 * beside the database before anything is replaced, so that a migration
 * that fails (a full disk, say) leaves the records as they were. Returns
 * the migrated copy, open, and its path in @copy_path, for
 * remove_with_companions() once it has been restored. */
static CwStore *
migrated_copy (CwStore     *self,
               CwStore     *source,
               char       **copy_path,
               GError     **error)
{
  g_autofree char *path = NULL;
  CwStore *migrated;

  for (guint n = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.restoring-%u", self->path, n);
    }

  if (!cw_store_backup_to (source, path, error))
    {
      remove_with_companions (path);
      return NULL;
    }
  migrated = cw_store_open (path, error);
  if (migrated == NULL || cw_store_get_read_only (migrated))
    {
      if (migrated != NULL)
        g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY,
                     _("The backup could not be brought up to this version of Casework"));
      g_clear_object (&migrated);
      remove_with_companions (path);
      return NULL;
    }

  *copy_path = g_steal_pointer (&path);
  return migrated;
}

static GPtrArray *
list_case_ids (CwStore  *self,
               GError  **error)
{
  g_autoptr(GPtrArray) cases = cw_store_list_cases (self, error);
  GPtrArray *ids;

  if (cases == NULL)
    return NULL;

  ids = g_ptr_array_new_full (cases->len, g_free);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (ids, g_strdup (cw_case_get_id (g_ptr_array_index (cases, i))));
  return ids;
}

static gboolean
read_text (CwStore     *self,
           const char  *sql,
           char       **value,
           GError     **error)
{
  sqlite3_stmt *stmt = cw_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = cw_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not read the database"));
      return FALSE;
    }
  return TRUE;
}

/* Copies @source over the open database. A database in WAL mode only takes
 * pages of its own size; for a backup of another page size it leaves WAL
 * mode for the copy, which needs no other connection to be open. */
static gboolean
copy_into (CwStore  *self,
           CwStore  *source,
           GError  **error)
{
  int own_size = 0, source_size = 0;
  gboolean left_wal = FALSE;
  int rc;

  if (!cw_store_query_int (self, "PRAGMA page_size", &own_size, error) ||
      !cw_store_query_int (source, "PRAGMA page_size", &source_size, error))
    return FALSE;

  if (own_size != source_size)
    {
      g_autofree char *mode = NULL;

      if (!read_text (self, "PRAGMA journal_mode = DELETE", &mode, error))
        return FALSE;
      if (g_strcmp0 (mode, "delete") != 0)
        {
          g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_BUSY,
                       _("“%s” is in use by another program, perhaps another Casework window. "
                         "Close it, then try again"), self->path);
          return FALSE;
        }
      left_wal = TRUE;
    }

  /* No statement of the store may be running while its pages change. */
  g_hash_table_remove_all (self->statements);
  rc = run_backup (self->db, source->db);

  if (left_wal && !cw_store_exec (self, "PRAGMA journal_mode = WAL", NULL))
    g_warning ("%s: could not go back to WAL mode after a restore", self->path);

  if (rc != SQLITE_OK)
    {
      cw_store_set_sqlite_error (self, error, rc, _("Could not copy the backup into the database"));
      return FALSE;
    }
  return TRUE;
}

/* Everything may have changed: each view over the store hears about each
 * case, as if it had been edited, added or deleted. */
static void
emit_restored (CwStore   *self,
               GPtrArray *before,
               GPtrArray *after)
{
  g_autoptr(GHashTable) old_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) new_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (old_ids, g_ptr_array_index (before, i));
  for (guint i = 0; i < after->len; i++)
    g_hash_table_add (new_ids, g_ptr_array_index (after, i));

  for (guint i = 0; i < before->len; i++)
    if (!g_hash_table_contains (new_ids, g_ptr_array_index (before, i)))
      g_signal_emit_by_name (self, "case-removed", g_ptr_array_index (before, i));

  for (guint i = 0; i < after->len; i++)
    {
      const char *id = g_ptr_array_index (after, i);

      g_signal_emit_by_name (self, g_hash_table_contains (old_ids, id) ? "case-changed"
                                                                       : "case-added", id);
      g_signal_emit_by_name (self, "entries-changed", id);
    }
}

/**
 * cw_store_restore_from:
 * @backup_path: a backup of a Casework database
 * @out_safety_copy: (out) (optional): where the copy of the records as
 *   they were before the restore was kept
 *
 * Replaces everything in the database with what the backup holds. The
 * backup is checked first, as cw_store_check_backup() does; if it is not
 * sound, nothing changes. Then a safety copy of the database is written
 * beside it (`casework.db.before-restore-DATE`), the backup is copied into
 * the open database, brought up to this version's schema if it is older,
 * and the store's change signals tell every view. The database file is
 * never deleted or recreated.
 */
gboolean
cw_store_restore_from (CwStore     *self,
                       const char  *backup_path,
                       char       **out_safety_copy,
                       GError     **error)
{
  g_auto(CwBackupInfo) info = { 0 };
  g_autoptr(CwStore) source = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) migrate_error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *migrated_path = NULL;
  const CwMigration *migrations;
  guint n_migrations;
  gboolean copied;
  Traces traces;

  g_return_val_if_fail (CW_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cw_store_check_writable (self, error))
    return FALSE;
  if (self->transaction_depth > 0)
    {
      g_set_error_literal (error, CW_STORE_ERROR, CW_STORE_ERROR_BUSY,
                           _("A change is still being saved; restore once it is done"));
      return FALSE;
    }

  absolute = g_canonicalize_filename (backup_path, NULL);
  file = g_file_new_for_path (absolute);
  if (cw_store_is_database_file (self, file))
    {
      g_set_error (error, CW_STORE_ERROR, CW_STORE_ERROR_INVALID,
                   _("“%s” is the database itself; choose a backup to restore from"), backup_path);
      return FALSE;
    }

  before = list_case_ids (self, error);
  if (before == NULL)
    return FALSE;

  traces_init (&traces, absolute);
  source = open_checked (absolute, &info, error);
  if (source == NULL)
    {
      traces_clear (&traces);
      return FALSE;
    }

  if (info.schema_version < CW_STORE_SCHEMA_VERSION)
    {
      CwStore *migrated = migrated_copy (self, source, &migrated_path, error);

      g_clear_object (&source);
      traces_clear (&traces);
      if (migrated == NULL)
        {
          g_prefix_error (error, _("Nothing was restored: "));
          return FALSE;
        }
      source = migrated;
    }

  /* What is here now stays beside the database, under a name of its own. */
  safety = safety_copy_path (self);
  if (!cw_store_backup_to (self, safety, error))
    {
      g_clear_object (&source);
      traces_clear (&traces);
      if (migrated_path != NULL)
        remove_with_companions (migrated_path);
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }
  g_message ("Kept a copy of %s as %s before restoring %s", self->path, safety, absolute);

  copied = copy_into (self, source, error);
  g_clear_object (&source);
  traces_clear (&traces);
  if (migrated_path != NULL)
    remove_with_companions (migrated_path);
  if (!copied)
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }

  /* Brought up to date above; a backup of this version needs nothing. */
  self->schema_version = migrated_path != NULL ? CW_STORE_SCHEMA_VERSION : info.schema_version;
  migrations = cw_store_migrations (&n_migrations);
  if (!cw_store_migrate (self, migrations, n_migrations, &migrate_error))
    g_warning ("%s: the restored backup could not be brought up to date: %s",
               self->path, migrate_error->message);

  after = list_case_ids (self, migrate_error == NULL ? error : NULL);
  if (after != NULL)
    emit_restored (self, before, after);

  if (migrate_error != NULL)
    {
      g_set_error (error, CW_STORE_ERROR, migrate_error->code,
                   _("The backup was restored, but could not be brought up to this version of "
                     "Casework: %s. What was here before is kept in “%s”"),
                   migrate_error->message, safety);
      return FALSE;
    }
  if (after == NULL)
    return FALSE;

  if (out_safety_copy != NULL)
    *out_safety_copy = g_steal_pointer (&safety);
  return TRUE;
}
