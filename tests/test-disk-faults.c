/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cw-meeting-pack.h"
#include "cw-output-file.h"
#include "cw-report.h"
#include "cw-test-utils.h"

/* Disks that refuse to be written, fill up, fail or are locked by another
 * Casework: every failed write says so in plain words, naming the file,
 * and nothing saved before is lost.
 *
 * The faults are injected by a VFS shim registered as SQLite's default,
 * so every connection the store opens goes through it: it passes
 * everything on to the real VFS, but can stop writes after a byte budget
 * (a disk filling up: what fits is written, then SQLITE_FULL), open the
 * database read-only (a file without write permission) or refuse to
 * create files (a folder without write permission). */

/* ------------------------------------------------------------------ */
/* The shim */

typedef struct {
  sqlite3_file base;
  sqlite3_file *real;       /* right after this struct, szOsFile of the real VFS */
} ShimFile;

static struct {
  gint64 budget;            /* bytes that may still be written; < 0: no limit */
  int fail_rc;              /* what a write past the budget returns */
  gboolean read_only_file;  /* the database file may not be written */
  gboolean read_only_dir;   /* no file may be created beside it */
  guint n_failed;           /* writes refused so far */
} faults = { -1, SQLITE_FULL, FALSE, FALSE, 0 };

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
static sqlite3_io_methods shim_methods;

#define REAL(file) (((ShimFile *) (file))->real)

static void
faults_reset (void)
{
  faults.budget = -1;
  faults.fail_rc = SQLITE_FULL;
  faults.read_only_file = FALSE;
  faults.read_only_dir = FALSE;
  faults.n_failed = 0;
}

static int
shim_close (sqlite3_file *file)
{
  return REAL (file)->pMethods->xClose (REAL (file));
}

static int
shim_read (sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
  return REAL (file)->pMethods->xRead (REAL (file), buf, amount, offset);
}

static int
shim_write (sqlite3_file  *file,
            const void    *buf,
            int            amount,
            sqlite3_int64  offset)
{
  if (faults.budget >= 0 && amount > faults.budget)
    {
      /* A disk fills up in the middle of a write: what fits is written. */
      if (faults.budget > 0)
        REAL (file)->pMethods->xWrite (REAL (file), buf, (int) faults.budget, offset);
      faults.budget = 0;
      faults.n_failed++;
      return faults.fail_rc;
    }
  if (faults.budget >= 0)
    faults.budget -= amount;
  return REAL (file)->pMethods->xWrite (REAL (file), buf, amount, offset);
}

static int
shim_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  return REAL (file)->pMethods->xTruncate (REAL (file), size);
}

static int
shim_sync (sqlite3_file *file, int flags)
{
  return REAL (file)->pMethods->xSync (REAL (file), flags);
}

static int
shim_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  return REAL (file)->pMethods->xFileSize (REAL (file), size);
}

static int
shim_lock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xLock (REAL (file), lock);
}

static int
shim_unlock (sqlite3_file *file, int lock)
{
  return REAL (file)->pMethods->xUnlock (REAL (file), lock);
}

static int
shim_check_reserved_lock (sqlite3_file *file, int *out)
{
  return REAL (file)->pMethods->xCheckReservedLock (REAL (file), out);
}

static int
shim_file_control (sqlite3_file *file, int op, void *arg)
{
  return REAL (file)->pMethods->xFileControl (REAL (file), op, arg);
}

static int
shim_sector_size (sqlite3_file *file)
{
  return REAL (file)->pMethods->xSectorSize (REAL (file));
}

static int
shim_device_characteristics (sqlite3_file *file)
{
  return REAL (file)->pMethods->xDeviceCharacteristics (REAL (file));
}

static int
shim_shm_map (sqlite3_file *file, int page, int size, int extend, void volatile **out)
{
  return REAL (file)->pMethods->xShmMap (REAL (file), page, size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  return REAL (file)->pMethods->xShmLock (REAL (file), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *file)
{
  REAL (file)->pMethods->xShmBarrier (REAL (file));
}

static int
shim_shm_unmap (sqlite3_file *file, int delete_flag)
{
  return REAL (file)->pMethods->xShmUnmap (REAL (file), delete_flag);
}

static int
shim_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  return REAL (file)->pMethods->xFetch (REAL (file), offset, amount, out);
}

static int
shim_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *p)
{
  return REAL (file)->pMethods->xUnfetch (REAL (file), offset, p);
}

static int
shim_open (sqlite3_vfs  *vfs,
           const char   *name,
           sqlite3_file *file,
           int           flags,
           int          *out_flags)
{
  ShimFile *shim = (ShimFile *) file;
  int rc;

  shim->real = (sqlite3_file *) (shim + 1);
  file->pMethods = NULL;

  /* A folder that may not be written: nothing new in it. */
  if (faults.read_only_dir && (flags & SQLITE_OPEN_CREATE) && name != NULL &&
      !g_file_test (name, G_FILE_TEST_EXISTS))
    return SQLITE_CANTOPEN;

  /* A file that may not be written opens for reading, as the unix VFS
   * does when the permissions refuse more. */
  if (faults.read_only_file && (flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READWRITE))
    flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;

  rc = real_vfs->xOpen (real_vfs, name, shim->real, flags, out_flags);
  if (shim->real->pMethods != NULL)
    file->pMethods = &shim_methods;
  return rc;
}

static void
shim_register (void)
{
  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 3);

  shim_vfs = *real_vfs;
  shim_vfs.zName = "casework-test-faults";
  shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;

  shim_methods = (sqlite3_io_methods) {
    3,
    shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
    shim_lock, shim_unlock, shim_check_reserved_lock, shim_file_control,
    shim_sector_size, shim_device_characteristics,
    shim_shm_map, shim_shm_lock, shim_shm_barrier, shim_shm_unmap,
    shim_fetch, shim_unfetch,
  };

  /* The default from now on: cw_store_open() goes through it. */
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

/* ------------------------------------------------------------------ */
/* Helpers */

typedef struct {
  char *dir;
  char *path;
  CwStore *store;
  char *case_id;
  char *before;     /* everything in the store, exported, before the fault */
} Fixture;

static void
add_entry (CwStore    *store,
           const char *case_id,
           const char *title)
{
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autoptr(GError) error = NULL;

  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, "2024-03");
  cw_entry_set_category (entry, CW_ENTRY_CATEGORY_ACTIVITY);
  cw_entry_set_kind (entry, "letter");
  cw_entry_set_count (entry, 12);
  cw_entry_set_title (entry, title);
  g_assert_true (cw_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
}

static char *
export_all (CwStore *store)
{
  return cw_test_export_ok (store, NULL, CW_CASEFILE_SCOPE_FULL);
}

static void
assert_integrity (CwStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cw_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* A database with a sample and a case of our own, then closed. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwCase) kase = NULL;

  faults_reset ();
  f->dir = cw_test_tmp_dir_new ("casework-faults-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
  f->path = g_strdup (cw_store_get_path (f->store));
  cw_test_import_sample (f->store, "long-term-case.xml");
  kase = cw_test_save_new_case (f->store, "Saved before the fault");
  f->case_id = g_strdup (cw_case_get_id (kase));
  add_entry (f->store, f->case_id, "Letters to the minister");
  f->before = export_all (f->store);
  g_clear_object (&f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  faults_reset ();
  g_clear_object (&f->store);
  /* Whatever a test took away, so that the directory can go. */
  g_chmod (f->dir, 0700);
  g_chmod (f->path, 0600);
  cw_test_tmp_dir_free (f->dir);
  g_free (f->path);
  g_free (f->case_id);
  g_free (f->before);
}

/* Everything saved before the fault is there, and the file is sound. */
static void
assert_intact (Fixture *f,
               CwStore *store)
{
  g_autofree char *now = export_all (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = cw_store_load_case (store, f->case_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Saved before the fault");
  g_assert_cmpuint (cw_test_count_entries (store, f->case_id), ==, 1);
  g_assert_cmpstr (now, ==, f->before);
  assert_integrity (store);
}

/* Reopens the database with no fault, and checks it as it was. */
static void
assert_intact_on_disk (Fixture *f)
{
  g_autoptr(CwStore) store = NULL;

  faults_reset ();
  store = cw_test_open_store (f->dir, "casework.db");
  g_assert_false (cw_store_get_read_only (store));
  assert_intact (f, store);
}

static gboolean
save_new_case (CwStore     *store,
               const char  *title,
               GError     **error)
{
  g_autoptr(CwCase) kase = cw_case_new ();

  cw_case_set_title (kase, title);
  cw_case_set_country_code (kase, "XX");
  cw_case_set_summary (kase, "Detained after speaking to journalists about the elections.");
  return cw_store_save_case (store, kase, error);
}

/* The message names the file and says what is wrong in words. */
static void
assert_message (const GError *error,
                const char   *path,
                const char   *words)
{
  g_assert_nonnull (error);
  if (strstr (error->message, path) == NULL || strstr (error->message, words) == NULL)
    g_error ("“%s” should name “%s” and say “%s”", error->message, path, words);
  /* Not SQLite's own words. */
  g_assert_null (strstr (error->message, "SQLITE"));
  g_assert_null (strstr (error->message, "database or disk is full"));
  g_assert_null (strstr (error->message, "attempt to write a readonly database"));
  g_assert_null (strstr (error->message, "database is locked"));
}

/* ------------------------------------------------------------------ */
/* A file or folder that may not be written */

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = NULL;

  faults.read_only_file = TRUE;
  f->store = cw_store_open (f->path, &error);
  g_assert_no_error (error);

  /* It opens, to be read, and says why it cannot be written. */
  g_assert_true (cw_store_get_read_only (f->store));
  g_assert_nonnull (strstr (cw_store_get_read_only_reason (f->store), f->path));
  g_assert_nonnull (strstr (cw_store_get_read_only_reason (f->store), "cannot be written"));
  assert_intact (f, f->store);

  /* A write is refused, with the reason. */
  g_assert_false (save_new_case (f->store, "Not to be written", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  assert_message (error, f->path, "cannot be written");
  g_clear_error (&error);

  kase = cw_store_load_case (f->store, f->case_id, &error);
  g_assert_no_error (error);
  cw_case_set_title (kase, "Changed while read-only");
  g_assert_false (cw_store_save_case (f->store, kase, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cw_store_delete_case (f->store, f->case_id, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  assert_intact (f, f->store);
  g_clear_object (&f->store);
  assert_intact_on_disk (f);
}

/* An old database that needs its schema brought up to date cannot be,
 * and says so instead of half doing it. */
static void
test_read_only_file_old_schema (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  cw_test_set_schema_version (f->path, 1);
  faults.read_only_file = TRUE;
  store = cw_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  assert_message (error, f->path, "cannot be written");
  g_clear_error (&error);

  /* Nothing was touched: no backup copy was written either. */
  faults_reset ();
  {
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, "-backup-"));
  }
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  /* The write-ahead log cannot be made beside the file. */
  faults.read_only_dir = TRUE;
  store = cw_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, CW_STORE_ERROR, CW_STORE_ERROR_NOT_CASEWORK));
  assert_message (error, f->path, "could not be opened");
  g_assert_nonnull (strstr (error->message, "folder"));

  assert_intact_on_disk (f);
}

/* The same with real permissions, where they hold: not for root, who may
 * write anything. */
static void
test_read_only_permissions (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;

  g_assert_no_errno (g_chmod (f->path, 0400));
  if (g_access (f->path, W_OK) == 0)
    {
      g_test_skip ("File permissions do not stop this user (root?); the shim tests cover it");
      return;
    }

  store = cw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (cw_store_get_read_only (store));
  assert_intact (f, store);
  g_assert_false (save_new_case (store, "Not to be written", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_READ_ONLY);
  assert_message (error, f->path, "cannot be written");
  g_clear_error (&error);
  g_clear_object (&store);

  g_assert_no_errno (g_chmod (f->path, 0600));
  g_assert_no_errno (g_chmod (f->dir, 0500));
  store = cw_store_open (f->path, &error);
  g_assert_null (store);
  assert_message (error, f->path, "could not be opened");
  g_clear_error (&error);

  g_assert_no_errno (g_chmod (f->dir, 0700));
  assert_intact_on_disk (f);
}

/* ------------------------------------------------------------------ */
/* A disk that fills up, or fails */

/* Each write in turn is stopped a little further in, from its first
 * byte until it fits: after every failure the store still holds exactly
 * what it held, and the file is sound. */
static void
fill_up_while (Fixture  *f,
               int       fail_rc,
               GQuark    domain,
               int       code,
               const char *words)
{
  g_autoptr(GError) error = NULL;
  guint attempts = 0;
  gboolean saved = FALSE;

  f->store = cw_test_open_store (f->dir, "casework.db");
  assert_intact (f, f->store);

  for (gint64 budget = 0; !saved; budget += 1536)
    {
      g_autofree char *title = g_strdup_printf ("Written when %" G_GINT64_FORMAT " bytes were free",
                                                budget);

      faults.budget = budget;
      faults.fail_rc = fail_rc;
      faults.n_failed = 0;
      saved = save_new_case (f->store, title, &error);
      faults.budget = -1;
      attempts++;

      if (saved)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (faults.n_failed, ==, 0);
          break;
        }

      g_assert_error (error, domain, code);
      assert_message (error, f->path, words);
      g_assert_cmpuint (faults.n_failed, >, 0);
      g_clear_error (&error);

      /* Nothing half written shows, to this connection or a new one. */
      assert_intact (f, f->store);
      {
        g_autoptr(CwStore) other = cw_test_open_store (f->dir, "casework.db");

        assert_intact (f, other);
      }
      g_assert_cmpuint (attempts, <, 400);
    }

  /* Space freed, the store carries on: the case is there, and the next
   * write is too. */
  g_assert_true (attempts > 1);
  g_assert_true (save_new_case (f->store, "Written after space was freed", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 4);
  assert_integrity (f->store);
  g_clear_object (&f->store);

  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 4);
  assert_integrity (f->store);
  g_test_message ("%u attempts before the write fitted", attempts);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  fill_up_while (f, SQLITE_FULL, CW_STORE_ERROR, CW_STORE_ERROR_FULL, "is full");
}

static void
test_disk_full_message (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwCase) kase = NULL;

  f->store = cw_test_open_store (f->dir, "casework.db");
  kase = cw_store_load_case (f->store, f->case_id, &error);
  g_assert_no_error (error);

  /* An edit and a timeline entry, each on a disk with no room at all. */
  faults.budget = 0;
  cw_case_set_title (kase, "Edited on a full disk");
  g_assert_false (cw_store_save_case (f->store, kase, &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FULL);
  assert_message (error, f->path, "disk");
  assert_message (error, f->path, "full");
  assert_message (error, f->path, "Free some space");
  g_clear_error (&error);

  {
    g_autoptr(CwEntry) entry = cw_entry_new ();

    cw_entry_set_case_id (entry, f->case_id);
    cw_entry_set_date (entry, "2025-01-10");
    cw_entry_set_title (entry, "Logged on a full disk");
    g_assert_false (cw_store_save_entry (f->store, entry, &error));
    g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_FULL);
    g_clear_error (&error);
  }

  faults.budget = -1;
  assert_intact (f, f->store);

  /* The same edit, with room again. */
  g_assert_true (cw_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);
  g_clear_object (&kase);
  kase = cw_store_load_case (f->store, f->case_id, &error);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Edited on a full disk");
  assert_integrity (f->store);
}

static void
test_disk_error (Fixture       *f,
                 gconstpointer  data)
{
  fill_up_while (f, SQLITE_IOERR_WRITE, CW_STORE_ERROR, CW_STORE_ERROR_IO, "disk reported an error");
}

/* ------------------------------------------------------------------ */
/* Another Casework holding the database */

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) other = NULL;
  g_autoptr(CwCase) kase = NULL;
  gint64 start, waited;

  f->store = cw_test_open_store (f->dir, "casework.db");
  other = cw_test_open_store (f->dir, "casework.db");

  /* The other window is in the middle of a write, and stays there. */
  g_assert_true (cw_store_begin (other, &error));
  g_assert_no_error (error);
  g_assert_true (save_new_case (other, "Being written by the other window", &error));

  kase = cw_store_load_case (f->store, f->case_id, &error);
  g_assert_no_error (error);
  cw_case_set_title (kase, "Edited while locked");

  start = g_get_monotonic_time ();
  g_assert_false (cw_store_save_case (f->store, kase, &error));
  waited = g_get_monotonic_time () - start;

  /* Gives up after the busy timeout instead of hanging, and says why. */
  g_assert_cmpint (waited, <, 30 * G_USEC_PER_SEC);
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_BUSY);
  assert_message (error, f->path, "another program");
  assert_message (error, f->path, "Casework window");
  g_clear_error (&error);

  /* The lock does not keep anyone from reading. */
  assert_intact (f, f->store);
  g_assert_false (save_new_case (f->store, "Also refused", &error));
  g_assert_error (error, CW_STORE_ERROR, CW_STORE_ERROR_BUSY);
  g_clear_error (&error);

  /* The other window finishes: the same edit goes through. */
  g_assert_true (cw_store_commit (other, &error));
  g_assert_no_error (error);
  g_assert_true (cw_store_save_case (f->store, kase, &error));
  g_assert_no_error (error);

  g_clear_object (&kase);
  kase = cw_store_load_case (other, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cw_case_get_title (kase), ==, "Edited while locked");
  g_assert_cmpuint (cw_store_count_cases (f->store), ==, 3);
  assert_integrity (f->store);
  g_test_message ("the write gave up after %.1f s", waited / (double) G_USEC_PER_SEC);
}

/* ------------------------------------------------------------------ */
/* A disk that fills up while a report, a casefile or a meeting pack is
 * written: a file that was there is left as it was, a new one is not
 * left behind half-written, and the message names the file. */

typedef enum {
  OUTPUT_REPORT,
  OUTPUT_CASEFILE,
  OUTPUT_PACK,
} OutputKind;

static gboolean
write_output (Fixture     *f,
              OutputKind   kind,
              GFile       *file,
              GError     **error)
{
  const char *ids[] = { f->case_id, NULL };
  CwCasefileWriteOptions options = { CW_CASEFILE_SCOPE_FULL };
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwMeetingPack) pack = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  const char *all[2] = { NULL, NULL };
  CwDate date = { 2024, 6, 1, CW_DATE_PRECISION_DAY };

  switch (kind)
    {
    case OUTPUT_REPORT:
      report = cw_report_build (f->store, 2024, ids, FALSE, error);
      g_assert_nonnull (report);
      return cw_report_write_to_file (report, CW_REPORT_FORMAT_PDF, file, error);
    case OUTPUT_CASEFILE:
      return cw_store_export_casefile_to_file (f->store, NULL, &options, file, error);
    case OUTPUT_PACK:
      /* The sample has letter targets. */
      cases = cw_store_list_cases (f->store, error);
      g_assert_nonnull (cases);
      for (guint i = 0; i < cases->len; i++)
        if (g_strcmp0 (cw_case_get_id (g_ptr_array_index (cases, i)), f->case_id) != 0)
          all[0] = cw_case_get_id (g_ptr_array_index (cases, i));
      pack = cw_meeting_pack_new_from_store (f->store, all, CW_LETTER_ROLES_DEFAULT, 1, &date,
                                             error);
      g_assert_nonnull (pack);
      return cw_meeting_pack_write_pdf_file (pack, file, error);
    default:
      g_assert_not_reached ();
    }
}

/* Files may grow to @limit bytes, as on a disk with that much room left;
 * 0 lifts the limit. A write past it fails with EFBIG. */
static void
limit_file_size (rlim_t limit)
{
  struct rlimit rl;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = limit > 0 ? limit : rl.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static void
test_output_full (Fixture       *f,
                  gconstpointer  data)
{
  OutputKind kind = GPOINTER_TO_INT (data);
  g_autofree char *new_path = g_build_filename (f->dir, "new-output", NULL);
  g_autofree char *old_path = g_build_filename (f->dir, "old-output", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean ok;

  f->store = cw_test_open_store (f->dir, "casework.db");
  g_assert_true (g_file_set_contents (old_path, "the copy saved last week", -1, NULL));

  /* Written whole, it is bigger than the room left. */
  g_assert_true (write_output (f, kind, new_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (new_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2 * 512);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_remove (new_path), ==, 0);

  signal (SIGXFSZ, SIG_IGN);
  limit_file_size (512);
  ok = write_output (f, kind, new_file, &error);
  limit_file_size (0);
  g_assert_false (ok);
  g_assert_nonnull (error);
  if (strstr (error->message, new_path) == NULL)
    g_error ("“%s” should name %s", error->message, new_path);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  limit_file_size (512);
  ok = write_output (f, kind, old_file, &error);
  limit_file_size (0);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the copy saved last week");
  signal (SIGXFSZ, SIG_DFL);

  assert_intact (f, f->store);
}

/* The writer itself: what it wrote goes on failure, and only then. */
static gboolean
write_then_fail_cb (GOutputStream  *out,
                    gpointer        data,
                    GError        **error)
{
  if (!g_output_stream_write_all (out, "half a report", 13, NULL, NULL, error))
    return FALSE;
  if (data == NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

static void
test_output_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;

  g_assert_false (cw_output_file_write (file, G_FILE_CREATE_PRIVATE, write_then_fail_cb,
                                        GINT_TO_POINTER (1), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  expected = g_strdup_printf ("%s: No space left on device", path);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (cw_output_file_write (file, G_FILE_CREATE_PRIVATE, write_then_fail_cb, NULL,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "half a report");
  g_clear_pointer (&contents, g_free);

  g_assert_false (cw_output_file_write (file, G_FILE_CREATE_PRIVATE, write_then_fail_cb,
                                        GINT_TO_POINTER (1), &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "half a report");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shim_register ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/disk-faults/read-only/file", test_read_only_file);
  ADD ("/disk-faults/read-only/file-old-schema", test_read_only_file_old_schema);
  ADD ("/disk-faults/read-only/folder", test_read_only_folder);
  ADD ("/disk-faults/read-only/permissions", test_read_only_permissions);
  ADD ("/disk-faults/full/every-point", test_disk_full);
  ADD ("/disk-faults/full/message", test_disk_full_message);
  ADD ("/disk-faults/io-error/every-point", test_disk_error);
  ADD ("/disk-faults/locked", test_locked);
  ADD ("/disk-faults/output/writer", test_output_file);
#undef ADD
  g_test_add ("/disk-faults/output/report", Fixture, GINT_TO_POINTER (OUTPUT_REPORT),
              fixture_setup, test_output_full, fixture_teardown);
  g_test_add ("/disk-faults/output/casefile", Fixture, GINT_TO_POINTER (OUTPUT_CASEFILE),
              fixture_setup, test_output_full, fixture_teardown);
  g_test_add ("/disk-faults/output/pack", Fixture, GINT_TO_POINTER (OUTPUT_PACK),
              fixture_setup, test_output_full, fixture_teardown);

  return g_test_run ();
}
